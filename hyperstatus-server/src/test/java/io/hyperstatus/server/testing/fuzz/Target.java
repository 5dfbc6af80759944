package io.hyperstatus.server.testing.fuzz;

import java.util.Map;

/**
 * A route made concrete: the template it comes from, a mount, a version it exists in, valid path values, the token
 * that may call it and a valid body for a write. The corpus breaks one thing of it at a time.
 *
 * @param version the microversion to ask for, or null for none (the legacy v2 API and the agent interface)
 * @param body a valid body of a write, or null
 */
public record Target(String method, String mount, String template, String version, Map<String, String> params,
                     String token, String body) {
    public Target {
        params = Map.copyOf(params);
    }

    public String route() {
        return method + " " + mount.replaceAll("/[0-9a-f]{32}$", "/{project_id}") + template;
    }

    public String path() {
        return path(params);
    }

    public String path(Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> param : values.entrySet()) {
            path = path.replace("{" + param.getKey() + "}", param.getValue());
        }
        return mount + path;
    }

    public boolean isWrite() {
        return !method.equals("GET");
    }

    public boolean isLegacy() {
        return mount.equals("/v2") || mount.startsWith("/v2/");
    }

    public boolean isAgent() {
        return mount.startsWith("/agent");
    }
}
