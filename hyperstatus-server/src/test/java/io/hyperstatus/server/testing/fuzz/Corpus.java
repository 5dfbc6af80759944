package io.hyperstatus.server.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The generated bad requests, in phases, all drawn from one seed: the same seed gives the same corpus, byte for byte.
 *
 * <p>Every phase but the last holds no valid write: a body, path value, token or header that the API must refuse
 * is always part of a write, so the data must be the same after each of those phases as before. The last phase
 * ({@link #MAY_STORE}) sends strings and numbers that a fixed server may either refuse or store safely (NUL and
 * other control characters, lone surrogates, integers past the columns' range), so it is judged per answer only.
 */
public final class Corpus {
    public static final String MAY_STORE = "values a database may refuse or store";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Path values an id or name must never be taken as. None can be read as an existing id, in any database. */
    private static final List<String> BAD_PATH_VALUES = List.of("2147483648", "4294967297", "9223372036854775807",
            "9223372036854775808", "18446744073709551617", "-1", "-2147483649", "1e400", "0", "1.5", "NaN", "0x1",
            "%00", "compute-0001%00", "%ff", "%ED%A0%80", "%01%1f", "%0d%0a", "%C0%AF", "%2e%2e", "%2F", "%5C",
            "null", "true", "%5B%5D", "%7B%7D", "%25", "%u0000", "%27%20OR%20%271%27%3D%271", "%3Cscript%3E",
            "x".repeat(300), "9".repeat(5000), "%E2%80%AE", "00000000-0000-0000-0000-000000000000",
            "31bfbb40-558b-58b7-9d75-86cda558a1cex", "..%2F..%2Fetc%2Fpasswd", "%F0%9F%92%A9", "%EF%BF%BF");

    private static final List<String> QUERY_KEYS = List.of("limit", "marker", "host", "binary", "with_servers",
            "hypervisor_hostname_pattern", "availability_zone", "foo", "limit[]", "host.x");
    private static final List<String> QUERY_VALUES = List.of("2147483648", "4294967297", "9223372036854775807",
            "9223372036854775808", "-1", "1e400", "1.5", "abc", "", "%00", "%ff", "%ED%A0%80", "%01", "%0a",
            "true", "null", "%5B%5D", "x".repeat(300), "9".repeat(3000), "compute-0001%00", "*", "%25", "%",
            "00000000-0000-0000-0000-000000000000", "%27%22%3B--");
    private static final List<String> RAW_QUERIES = List.of("?", "?&&&", "?=", "?=x", "?limit", "?limit=1&limit=2",
            "?marker=a&marker=b", "?host=compute-0001&host=compute-0002", "?%00=1", "?%ff=%ff", "?a=1;b=2", "?#frag",
            "?limit=1&limit=abc", "?with_servers=true&with_servers=false", "?foo=bar&foo=baz&foo=qux");

    private static final List<String> BAD_VERSIONS = List.of("compute 2.x", "compute 2.999", "compute 3.0",
            "compute 2.0", "compute 1.9", "compute -2.1", "compute 2.2147483648", "compute 2.99999999999999999999",
            "compute 2147483648.1", "compute 2.1.1", "compute 2..1", "compute .1", "compute 2.", "compute 0x2.0x1",
            "compute 2.1e3", "compute " + "9".repeat(400) + ".1");
    private static final List<String> ODD_VERSIONS = List.of("compute", "compute ", "", "volume 2.1", "2.53",
            "compute latest, compute 2.1", "compute 2.1,compute 2.53", "COMPUTE 2.53", "compute  2.53");
    private static final List<String> BAD_CONTENT_TYPES = List.of("application/xml", "text/html",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json-patch+json",
            "image/png", "application/jsonx", "application/octet-stream", "text/xml; charset=utf-8", "json");

    private final Random random;
    private final String project;
    private final String emptyAggregate;
    private final List<Target> targets;

    /**
     * @param routes every compute route as {@code METHOD /path} below a mount, taken from the controllers
     * @param agentRoutes every agent route, as above
     * @param hyperstatusRoutes every route of hyperstatus's own API ({@code /hyperstatus/v1}), as above
     */
    public Corpus(long seed, List<String> routes, List<String> agentRoutes, List<String> hyperstatusRoutes,
                  Fixture fixture) {
        this.random = new Random(seed);
        this.project = fixture.project();
        this.emptyAggregate = fixture.emptyAggregate();
        List<Target> all = new ArrayList<>(targets(routes, agentRoutes, fixture));
        all.addAll(hyperstatusTargets(hyperstatusRoutes, fixture));
        this.targets = List.copyOf(all);
    }

    /** The routes of {@code /hyperstatus/v1}: reads, without microversions, each with one valid request. */
    private static List<Target> hyperstatusTargets(List<String> routes, Fixture f) {
        List<Target> all = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            Map<String, String> params = switch (route) {
                case "GET /events", "GET /events/stream" -> Map.of();
                case "GET /services/{uuid}/events", "GET /services/{uuid}/availability" -> Map.of("uuid", f.service());
                case "GET /services/{host}/{binary}/events" -> Map.of("host", "compute-0001", "binary", "nova-compute");
                default -> throw new IllegalStateException("the fuzz corpus knows no valid request of " + route
                        + "; add one to Corpus.hyperstatusTargets");
            };
            all.add(new Target(method, "/hyperstatus/v1", template, null, params, "admin:admin", null));
        }
        return all;
    }

    /** Whether a target's valid answer is an event stream, which lasts until the client leaves. */
    static boolean isStream(Target t) {
        return t.template().endsWith("/stream");
    }

    /** What the fixture holds that valid requests name. */
    public record Fixture(String project, String service, String aggregate, String emptyAggregate, String node) {
    }

    public List<Target> targets() {
        return targets;
    }

    // ---- targets ------------------------------------------------------------------------------------------------

    private List<Target> targets(List<String> routes, List<String> agentRoutes, Fixture f) {
        List<Target> all = new ArrayList<>();
        List<String> v21Mounts = List.of("/v2.1", "/v2.1/" + project);
        List<String> legacyMounts = List.of("/v2", "/v2/" + project);
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            List<Instance> instances = instances(method, template, f);
            if (instances.isEmpty()) {
                throw new IllegalStateException("the fuzz corpus knows no valid request of " + route
                        + "; add one to Corpus.instances");
            }
            for (Instance instance : instances) {
                for (String mount : v21Mounts) {
                    all.add(new Target(method, mount, template, instance.version(), instance.params(),
                            token(mount), instance.body()));
                }
                if (instance.legacy()) {
                    for (String mount : legacyMounts) {
                        all.add(new Target(method, mount, template, null, instance.params(), token(mount),
                                instance.body()));
                    }
                }
            }
        }
        for (String route : agentRoutes) {
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            String body = switch (template) {
                case "/services" -> "{\"services\": [{\"host\": \"fuzz-new\", \"binary\": \"nova-compute\"}]}";
                case "/heartbeats" -> "{\"heartbeats\": [{\"host\": \"fuzz-unregistered\", \"binary\": \"nova-compute\"}]}";
                case "/compute-nodes" -> "{\"compute_nodes\": [" + node("fuzz-new") + "]}";
                default -> throw new IllegalStateException("the fuzz corpus knows no valid request of agent route "
                        + route + "; add one to Corpus.targets");
            };
            all.add(new Target(method, "/agent/v1", template, null, Map.of(), "admin:admin", body));
        }
        return List.copyOf(all);
    }

    private String token(String mount) {
        return mount.endsWith(project) ? "admin:" + project : "admin:admin";
    }

    private record Instance(String version, Map<String, String> params, String body, boolean legacy) {
    }

    /** Valid requests of each route, at versions where it exists; legacy ones are also sent to /v2. */
    private static List<Instance> instances(String method, String template, Fixture f) {
        String legacyHost = "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\"";
        return switch (method + " " + template) {
            case "GET /os-hypervisors", "GET /os-hypervisors/detail" -> List.of(
                    new Instance("2.1", Map.of(), null, true), new Instance("2.53", Map.of(), null, false),
                    new Instance("2.88", Map.of(), null, false));
            case "GET /os-hypervisors/statistics" -> List.of(new Instance("2.1", Map.of(), null, true));
            case "GET /os-hypervisors/{id}", "GET /os-hypervisors/{id}/uptime" -> List.of(
                    new Instance("2.1", Map.of("id", "1"), null, true),
                    new Instance("2.53", Map.of("id", f.node()), null, false));
            case "GET /os-hypervisors/{id}/search", "GET /os-hypervisors/{id}/servers" -> List.of(
                    new Instance("2.1", Map.of("id", "compute"), null, true));
            case "GET /os-services" -> List.of(new Instance("2.1", Map.of(), null, true),
                    new Instance("2.53", Map.of(), null, false));
            case "PUT /os-services/{id}" -> List.of(
                    new Instance("2.1", Map.of("id", "disable"), legacyHost + "}", true),
                    new Instance("2.1", Map.of("id", "disable-log-reason"),
                            legacyHost + ", \"disabled_reason\": \"fuzz\"}", true),
                    new Instance("2.11", Map.of("id", "force-down"), legacyHost + ", \"forced_down\": true}", false),
                    new Instance("2.53", Map.of("id", f.service()),
                            "{\"status\": \"disabled\", \"disabled_reason\": \"fuzz\", \"forced_down\": true}", false));
            case "DELETE /os-services/{id}" -> List.of(new Instance("2.1", Map.of("id", "1"), null, true),
                    new Instance("2.53", Map.of("id", f.service()), null, false));
            case "GET /os-aggregates", "GET /os-availability-zone", "GET /os-availability-zone/detail",
                 "GET /os-hosts", "GET /extensions" -> List.of(new Instance("2.1", Map.of(), null, true));
            case "POST /os-aggregates" -> List.of(new Instance("2.1", Map.of(),
                    "{\"aggregate\": {\"name\": \"fuzz-created\", \"availability_zone\": \"fuzz-created-zone\"}}", true));
            case "GET /os-aggregates/{id}", "DELETE /os-aggregates/{id}" -> List.of(
                    new Instance("2.1", Map.of("id", f.aggregate()), null, true));
            case "PUT /os-aggregates/{id}" -> List.of(new Instance("2.1", Map.of("id", f.aggregate()),
                    "{\"aggregate\": {\"name\": \"fuzz-renamed\", \"availability_zone\": \"fuzz-renamed-zone\"}}", true));
            case "POST /os-aggregates/{id}/action" -> List.of(
                    new Instance("2.1", Map.of("id", f.aggregate()), "{\"add_host\": {\"host\": \"compute-0003\"}}", true),
                    new Instance("2.1", Map.of("id", f.aggregate()), "{\"remove_host\": {\"host\": \"compute-0001\"}}", true),
                    new Instance("2.1", Map.of("id", f.aggregate()),
                            "{\"set_metadata\": {\"metadata\": {\"fuzz\": \"changed\", \"other\": null}}}", true));
            case "GET /os-hosts/{id}", "GET /os-hosts/{id}/startup", "GET /os-hosts/{id}/shutdown",
                 "GET /os-hosts/{id}/reboot" -> List.of(new Instance("2.1", Map.of("id", "compute-0001"), null, true));
            case "PUT /os-hosts/{id}" -> List.of(new Instance("2.1", Map.of("id", "compute-0001"),
                    "{\"status\": \"disable\"}", true));
            case "GET /extensions/{alias}" -> List.of(new Instance("2.1", Map.of("alias", "os-hypervisors"), null, true));
            case "GET /versions/{version_id}" -> List.of(new Instance("2.1", Map.of("version_id", "v2.1"), null, false));
            default -> List.of();
        };
    }

    private static String node(String host) {
        return "{\"host\": \"" + host + "\", \"hypervisor_hostname\": \"" + host + ".example.org\", "
                + "\"hypervisor_type\": \"QEMU\", \"hypervisor_version\": 8002000, \"host_ip\": \"192.0.2.99\", "
                + "\"vcpus\": 8, \"vcpus_used\": 1, \"memory_mb\": 16384, \"memory_mb_used\": 512, \"local_gb\": 100, "
                + "\"local_gb_used\": 1, \"disk_available_least\": 90, \"cpu_info\": \"{}\", \"uptime\": null}";
    }

    // ---- phases --------------------------------------------------------------------------------------------------

    /** The phases in the order they run, each a list of requests; the data is compared after each but the last. */
    public Map<String, List<FuzzRequest>> phases() {
        Map<String, List<FuzzRequest>> phases = new LinkedHashMap<>();
        phases.put("path values", shuffled(pathValues()));
        phases.put("query strings", shuffled(queries()));
        phases.put("tokens and headers", shuffled(headers()));
        phases.put("methods and paths", shuffled(methodsAndPaths()));
        phases.put("bodies", shuffled(bodies()));
        // Raw requests are read to their end: an event stream, which has none, is left to the HTTP phases.
        phases.put("protocol (raw bytes)", shuffled(RawCorpus.requests(random,
                targets.stream().filter(t -> !isStream(t)).toList())));
        phases.put("method override headers", shuffled(overrides()));
        phases.put(MAY_STORE, shuffled(mayStore()));
        return phases;
    }

    private List<FuzzRequest> shuffled(List<FuzzRequest> requests) {
        List<FuzzRequest> copy = new ArrayList<>(requests);
        Collections.shuffle(copy, random);
        return copy;
    }

    private List<String> headers(Target t, String... extra) {
        List<String> headers = new ArrayList<>();
        headers.add("X-Auth-Token");
        headers.add(t.token());
        if (t.isAgent()) {
            // The agent interface answers agents only: the corpus speaks as the fixture's many-host agent.
            headers.add(TestServer.SECRET_HEADER);
            headers.add(TestServer.AGENT_SECRET);
        }
        if (t.version() != null) {
            headers.add("OpenStack-API-Version");
            headers.add("compute " + t.version());
        }
        if (t.body() != null) {
            headers.add("Content-Type");
            headers.add("application/json");
        }
        headers.addAll(List.of(extra));
        return headers;
    }

    private static List<String> without(List<String> headers, String name) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < headers.size(); i += 2) {
            if (!headers.get(i).equalsIgnoreCase(name)) {
                out.add(headers.get(i));
                out.add(headers.get(i + 1));
            }
        }
        return out;
    }

    private static List<String> with(List<String> headers, String name, String value) {
        List<String> out = without(headers, name);
        out.add(name);
        out.add(value);
        return out;
    }

    private <T> List<T> sample(List<T> values, int count) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    private FuzzRequest send(String family, Target t, String path, List<String> headers, String body) {
        return FuzzRequest.http(family, t.route(), t.method(), path, headers, body, t.isWrite());
    }

    /** Every path parameter of every target replaced by values no id or name may be taken as. */
    private List<FuzzRequest> pathValues() {
        List<FuzzRequest> out = new ArrayList<>();
        for (Target t : targets) {
            for (String param : t.params().keySet()) {
                if (t.template().equals("/os-services/{id}") && !t.method().equals("DELETE")
                        && "2.53".compareTo(t.version() == null ? "2.1" : t.version()) > 0) {
                    // The legacy update's "id" is an action name; other names are the same refusal.
                    out.addAll(values(t, param, sample(BAD_PATH_VALUES, 12)));
                } else {
                    out.addAll(values(t, param, sample(BAD_PATH_VALUES, 22)));
                }
            }
            if (t.mount().endsWith(project)) {
                for (String bad : sample(List.of("%00", "%ff", "nothex", "6F70656E737461636B20697320636F6F6C",
                        "0".repeat(300), "-1", "%ED%A0%80", project + "%00", "..", "x"), 4)) {
                    String path = "/" + bad + t.path().substring(t.mount().indexOf(project) + project.length());
                    out.add(send("path value: project id", t, t.mount().substring(0, t.mount().indexOf(project) - 1)
                            + path, headers(t), t.body()));
                }
            }
        }
        return out;
    }

    private List<FuzzRequest> values(Target t, String param, List<String> values) {
        List<FuzzRequest> out = new ArrayList<>();
        for (String value : values) {
            Map<String, String> params = new HashMap<>(t.params());
            params.put(param, value);
            out.add(send("path value: {" + param + "}", t, t.path(params), headers(t), t.body()));
        }
        return out;
    }

    /** Known and unknown query parameters with bad, overflowing and repeated values, on every read. */
    private List<FuzzRequest> queries() {
        List<FuzzRequest> out = new ArrayList<>();
        for (Target t : targets) {
            if (t.isWrite()) {
                // A query on a write is ignored, so the body is broken too: the request stays a refused write.
                for (String query : sample(RAW_QUERIES, 3)) {
                    out.add(send("query string on a write", t, t.path() + query, headers(t), "{\"x\": "));
                }
                continue;
            }
            for (int i = 0; i < 24; i++) {
                String key = QUERY_KEYS.get(random.nextInt(QUERY_KEYS.size()));
                String value = QUERY_VALUES.get(random.nextInt(QUERY_VALUES.size()));
                out.add(send("query: " + key + "=bad value", t, t.path() + "?" + key + "=" + value, headers(t), null));
            }
            for (String query : sample(RAW_QUERIES, 6)) {
                out.add(send("query: malformed or repeated", t, t.path() + query, headers(t), null));
            }
            StringBuilder many = new StringBuilder("?");
            for (int i = 0; i < 1500; i++) {
                many.append("p").append(i).append("=").append(i).append('&');
            }
            out.add(send("query: many parameters", t, t.path() + many, headers(t), null));
        }
        return out;
    }

    /** Missing and bad tokens, bad microversions, wrong Content-Type, Accept, huge headers; writes stay refused. */
    private List<FuzzRequest> headers() {
        List<FuzzRequest> out = new ArrayList<>();
        List<String> refusedTokens = List.of("", "demo:demo", "demo:" + project, ":", "member:member",
                "x".repeat(9000));
        List<String> oddTokens = List.of("admin", "admin:", ":admin", "admin:nothex", "admin:" + "f".repeat(300),
                "admin:admin:admin", "admin:%00", "a d m i n:admin", "%61dmin:admin");
        // An agent proves itself by its secret, not its token: the secret is what goes missing or wrong there.
        List<String> refusedSecrets = List.of("", "demo:demo", TestServer.HOST_A_SECRET,
                TestServer.AGENT_SECRET.substring(1) + "x", "x".repeat(9000));
        for (Target t : targets) {
            List<String> base = headers(t);
            String credential = t.isAgent() ? TestServer.SECRET_HEADER : "X-Auth-Token";
            out.add(send("token: missing", t, t.path(), without(base, credential), t.body()));
            for (String token : sample(t.isAgent() ? refusedSecrets : refusedTokens, 4)) {
                out.add(send("token: refused", t, t.path(), with(base, credential, token), t.body()));
            }
            if (!t.isWrite()) {
                for (String token : sample(oddTokens, 4)) {
                    out.add(send("token: odd", t, t.path(), with(base, "X-Auth-Token", token), null));
                }
                out.add(send("token: repeated", t, t.path(), add(base, "X-Auth-Token", "demo:demo"), null));
            }
            if (!t.isLegacy() && !t.isAgent()) {
                for (String version : sample(BAD_VERSIONS, 6)) {
                    out.add(send("microversion: bad", t, t.path(), with(base, "OpenStack-API-Version", version),
                            t.body()));
                }
                for (String version : sample(List.of("2.x", "9.9", "-1", "2.99999999999"), 2)) {
                    out.add(send("microversion: bad legacy header", t, t.path(),
                            with(without(base, "OpenStack-API-Version"), "X-OpenStack-Nova-API-Version", version),
                            t.body()));
                }
                if (!t.isWrite()) {
                    for (String version : sample(ODD_VERSIONS, 4)) {
                        out.add(send("microversion: odd", t, t.path(), with(base, "OpenStack-API-Version", version),
                                null));
                    }
                    out.add(send("microversion: repeated header", t, t.path(),
                            add(base, "OpenStack-API-Version", "compute 2.x"), null));
                }
            }
            if (t.body() != null) {
                for (String type : sample(BAD_CONTENT_TYPES, 4)) {
                    out.add(send("content type: not JSON", t, t.path(), with(base, "Content-Type", type), t.body()));
                }
                for (String accept : sample(List.of("text/html", "application/xml", "*/*", "text/plain",
                        "image/png", "application/json;q=0"), 2)) {
                    out.add(send("accept: on a refused body", t, t.path(), with(base, "Accept", accept), "{\"x\""));
                }
            } else {
                for (String accept : sample(List.of("text/html", "application/xml", "*/*", "text/plain",
                        "image/png", "application/json;q=0", "garbage/", ";;"), 2)) {
                    out.add(send("accept: odd", t, t.path(), with(base, "Accept", accept), null));
                }
                out.add(send("content type: on a read", t, t.path(), with(base, "Content-Type", "application/xml"),
                        null));
            }
            out.add(send("header: huge value", t, t.path(), add(base, "X-Fuzz", "y".repeat(20_000)), t.body() == null
                    ? null : "{\"x\""));
            List<String> many = new ArrayList<>(base);
            for (int i = 0; i < 300; i++) {
                many.add("X-Fuzz-" + i);
                many.add("z".repeat(60));
            }
            out.add(send("header: very many", t, t.path(), many, t.body() == null ? null : "{\"x\""));
        }
        return out;
    }

    private static List<String> add(List<String> headers, String name, String value) {
        List<String> out = new ArrayList<>(headers);
        out.add(name);
        out.add(value);
        return out;
    }

    /** Methods a path does not declare, unknown paths near the real ones, and the version roots. */
    private List<FuzzRequest> methodsAndPaths() {
        List<FuzzRequest> out = new ArrayList<>();
        Map<String, Set<String>> declared = new HashMap<>();
        for (Target t : targets) {
            declared.computeIfAbsent(t.mount() + t.template(), k -> new HashSet<>()).add(t.method());
        }
        Set<String> done = new HashSet<>();
        List<String> methods = List.of("GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "FOO",
                "PROPFIND");
        for (Target t : targets) {
            String path = t.path();
            if (!done.add(path)) {
                continue;
            }
            for (String method : methods) {
                if (declared.get(t.mount() + t.template()).contains(method)) {
                    continue;
                }
                boolean hasBody = method.equals("PUT") || method.equals("POST") || method.equals("PATCH");
                List<String> headers = headers(t);
                if (hasBody && t.body() == null) {
                    headers = with(headers, "Content-Type", "application/json");
                }
                out.add(FuzzRequest.http("method: not declared", t.route(), method, path, headers,
                        hasBody ? "{}" : null, !method.equals("GET") && !method.equals("HEAD")
                                && !method.equals("OPTIONS")));
            }
            // Suffixes Nova would still read as the same id ("%20", ";x" once a server drops path parameters)
            // are for reads only, so that no write here can be a valid one.
            List<String> suffixes = t.isWrite() ? List.of("/", "//", "%00", "%ff", ".xml", "/x", "~")
                    : List.of("/", "//", "/.", "/..", "%00", "%ff", ".json", ".xml", "/x", ";x", "/%2e%2e", "%20", "~");
            for (String suffix : sample(suffixes, 3)) {
                out.add(FuzzRequest.http("path: near a route", t.route(), t.method(), path + suffix, headers(t),
                        t.body(), t.isWrite()));
            }
        }
        List<String> roots = List.of("/", "/v2.1", "/v2.1/", "/v2", "/v2/", "/v2.1/" + project + "/");
        for (String root : roots) {
            String route = "GET " + root.replace(project, "{project_id}");
            List<String> token = List.of("X-Auth-Token", "admin:" + project);
            for (String method : methods) {
                out.add(FuzzRequest.http("version root: method", route, method, root, token,
                        method.equals("PUT") || method.equals("POST") || method.equals("PATCH") ? "{\"x\": " : null,
                        false));
            }
            for (String version : sample(BAD_VERSIONS, 5)) {
                out.add(FuzzRequest.http("version root: bad microversion", route, "GET", root,
                        List.of("X-Auth-Token", "admin:" + project, "OpenStack-API-Version", version), null, false));
            }
            for (String query : sample(RAW_QUERIES, 4)) {
                out.add(FuzzRequest.http("version root: query", route, "GET", root + query, token, null, false));
            }
            for (String accept : List.of("text/html", "application/xml", "*/*")) {
                out.add(FuzzRequest.http("version root: accept", route, "GET", root,
                        List.of("Accept", accept), null, false));
            }
        }
        for (String path : List.of("/v2.1/versions/%00", "/v2.1/versions/v3", "/v2.1/versions/" + "v".repeat(3000),
                "/v3", "/v2.2", "/v2.1.json", "/%00", "/%ff", "//", "//v2.1", "/v2.1//os-hypervisors",
                "/v2.1/./os-hypervisors", "/v2.1/%2e%2e/v2", "/agent", "/agent/v1", "/agent/v1/", "/agent/v2/services",
                "/agent/v1/services/", "/agent/v1/unknown", "/agent/v1/services%00", "/x".repeat(2000),
                "/healthcheck%00", "/v2.1/" + project + "/%00", "/V2.1/os-hypervisors", "/v2.1/OS-HYPERVISORS")) {
            for (String method : List.of("GET", "POST", "DELETE")) {
                out.add(FuzzRequest.http("path: unknown", "(no route)", method, path,
                        List.of("X-Auth-Token", "admin:admin", "Content-Type", "application/json"),
                        method.equals("POST") ? "{}" : null, false));
            }
        }
        return out;
    }

    // ---- bodies ------------------------------------------------------------------------------------------------

    private static final List<String> MALFORMED = List.of("", "{", "[", "}", "nul", "{\"a\":}", "{'a': 1}",
            "{\"a\" 1}", "{\"a\": 1,}", "[1, 2", "\"\\u12\"", "{\"a\": \"\\x41\"}", "{\"a\": 01}", "{\"a\": +1}",
            "{\"a\": .5}", "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": 0x10}", "/* c */ {}", "{\"a\": \"b\" // c\n}",
            "\u0000", "{\"\u0000\": 1}", "{\"a\": \"\u0001\"", "true", "42", "null", "\"string\"", "[]", "{}");
    private static final List<String> TRAILING = List.of(" x", "}", "{}", "]", "\u0000", ",", " {\"a\": 1}",
            "\n//", " null", ";");

    /** Malformed JSON, trailing garbage, wrong types, bounds, nesting and size, against every write. */
    private List<FuzzRequest> bodies() {
        List<FuzzRequest> out = new ArrayList<>();
        for (Target t : targets) {
            if (t.body() == null) {
                if (t.isWrite()) {
                    // A DELETE takes no body; one sent along must not make it succeed on a bad path value.
                    out.add(send("body: on a delete with a bad id", t, t.path(Map.of("id", "2147483648")),
                            headers(t, "Content-Type", "application/json"), "{\"x\": 1} x"));
                }
                continue;
            }
            List<String> h = headers(t);
            for (String malformed : sample(MALFORMED, 14)) {
                if (malformed.equals("{}") && t.template().equals("/os-hosts/{id}")) {
                    // Nova's os-hosts update asks for nothing by default: {} is answered with the host, unchanged.
                    out.add(FuzzRequest.http("body: malformed JSON", t.route(), t.method(), t.path(), h, malformed,
                            false));
                } else {
                    out.add(send("body: malformed JSON", t, t.path(), h, malformed));
                }
            }
            out.add(send("body: truncated", t, t.path(), h, t.body().substring(0, t.body().length() - 1)));
            out.add(bytes("body: invalid UTF-8", t, h, new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'}));
            out.add(bytes("body: invalid UTF-8", t, h, concat(new byte[] {(byte) 0xc0, (byte) 0xaf}, t.body())));
            out.add(bytes("body: UTF-16", t, h, t.body().getBytes(StandardCharsets.UTF_16)));
            out.add(send("body: byte order mark", t, t.path(), h, "\uFEFF" + t.body()));
            for (String garbage : sample(TRAILING, 5)) {
                out.add(send("body: trailing data after JSON", t, t.path(), h, t.body() + garbage));
            }
            out.add(send("body: two documents", t, t.path(), h, t.body() + t.body()));
            JsonNode valid = parse(t.body());
            List<List<String>> leaves = new ArrayList<>();
            collectLeaves(valid, new ArrayList<>(), leaves);
            for (List<String> leaf : leaves) {
                String field = leaf.get(leaf.size() - 1);
                for (JsonNode bad : sample(wrongValues(field), 9)) {
                    out.add(send("body: wrong type or bound for \"" + field + "\"", t, t.path(), h,
                            replaced(valid, leaf, bad).toString()));
                }
                out.add(send("body: huge number for \"" + field + "\"", t, t.path(), h,
                        replaced(valid, leaf, JsonNodeFactory.instance.textNode("@")).toString()
                                .replace("\"@\"", "1" + "0".repeat(random.nextBoolean() ? 400 : 5000))));
                out.add(send("body: deep nesting", t, t.path(), h, replaced(valid, leaf,
                        JsonNodeFactory.instance.textNode("@")).toString().replace("\"@\"", nested(3000))));
            }
            if (!t.isLegacy()) {
                // The legacy API strips unknown keys, so an extra key would leave a valid write there.
                out.add(send("body: unknown key", t, t.path(), h, withExtraKey(valid)));
            }
            out.add(send("body: wrapped in an array", t, t.path(), h, "[" + t.body() + "]"));
            out.add(send("body: as a JSON string", t, t.path(), h, MAPPER.valueToTree(t.body()).toString()));
            out.add(send("body: deep nesting", t, t.path(), h, nested(100_000)));
            out.add(send("body: deep object nesting", t, t.path(), h, "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)));
            out.add(send("body: over the size limit", t, t.path(), h,
                    t.body().substring(0, t.body().length() - 1) + ", \"pad\": \"" + "p".repeat(200_000) + "\"}"));
            out.add(send("body: far over the size limit", t, t.path(), h, "[" + "1,".repeat(750_000) + "1]"));
        }
        return out;
    }

    private FuzzRequest bytes(String family, Target t, List<String> headers, byte[] body) {
        return FuzzRequest.bytes(family, t.route(), t.method(), t.path(), headers, body, t.isWrite());
    }

    private static byte[] concat(byte[] prefix, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** Fields of the corpus's valid bodies that take null. */
    private static final Set<String> NULLABLE = Set.of("availability_zone", "host_ip", "uptime",
            "disk_available_least", "fuzz", "other");
    /** Fields of the corpus's valid bodies that are integers (the agent's counts); the rest are strings. */
    private static final Set<String> INTEGERS = Set.of("hypervisor_version", "vcpus", "vcpus_used", "memory_mb",
            "memory_mb_used", "local_gb", "local_gb_used", "disk_available_least");

    /**
     * Values the field does not take, whatever a fixed server decides about values it may store: wrong types,
     * lengths past every string column (255), numbers past every integer column (2^63 and more). Bounds a column
     * may or may not hold (2^31, 2^63-1, a leading space) are in {@link #MAY_STORE} instead.
     */
    private List<JsonNode> wrongValues(String field) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        List<JsonNode> values = new ArrayList<>(List.of(n.numberNode(1.5), n.booleanNode(true), n.arrayNode(),
                n.numberNode(new java.math.BigDecimal("1e400")),
                n.numberNode(new java.math.BigInteger("9223372036854775808")),
                n.numberNode(new java.math.BigInteger("18446744073709551617"))));
        if (INTEGERS.contains(field)) {
            values.add(n.textNode("12"));
            values.add(n.objectNode());
            if (!field.equals("disk_available_least")) {
                values.add(n.numberNode(-1));
            }
        } else {
            values.addAll(List.of(n.numberNode(2147483648L), n.numberNode(Long.MAX_VALUE), n.numberNode(-1),
                    n.numberNode(0)));
            if (field.equals("forced_down")) {
                values.removeIf(JsonNode::isBoolean);
                values.add(n.textNode("maybe"));
                values.add(n.textNode("2"));
                values.add(n.objectNode());
            } else if (!field.equals("cpu_info")) {
                // cpu_info takes an object and a string of any length.
                values.add(n.objectNode());
                values.add(n.textNode("x".repeat(256)));
                values.add(n.textNode("x".repeat(100_000)));
            }
        }
        if (!NULLABLE.contains(field) && !field.equals("disabled_reason")) {
            values.add(n.nullNode());
        }
        return values;
    }

    private static void collectLeaves(JsonNode node, List<String> path, List<List<String>> leaves) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                List<String> child = new ArrayList<>(path);
                child.add(e.getKey());
                collectLeaves(e.getValue(), child, leaves);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<String> child = new ArrayList<>(path);
                child.add("#" + i);
                collectLeaves(node.get(i), child, leaves);
            }
        } else {
            leaves.add(path);
        }
    }

    private static JsonNode replaced(JsonNode root, List<String> path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            String step = path.get(i);
            parent = step.startsWith("#") ? parent.get(Integer.parseInt(step.substring(1))) : parent.get(step);
        }
        String last = path.get(path.size() - 1);
        if (last.startsWith("#")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return copy;
    }

    private static String withExtraKey(JsonNode valid) {
        JsonNode copy = valid.deepCopy();
        JsonNode inner = copy;
        while (inner.isObject() && inner.size() == 1 && inner.elements().next().isContainerNode()) {
            JsonNode next = inner.elements().next();
            inner = next.isArray() ? next.get(0) : next;
        }
        if (inner.isObject()) {
            ((ObjectNode) inner).put("fuzz_unknown", 1);
        } else {
            ((ObjectNode) copy).put("fuzz_unknown", 1);
        }
        return copy.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("bad valid body in the corpus: " + json, e);
        }
    }

    // ---- override, and values a database may store ----------------------------------------------------------

    /** A GET (or POST) told by a header to act as another method; it must act as itself. */
    private List<FuzzRequest> overrides() {
        List<FuzzRequest> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Target t : targets) {
            if (!done.add(t.path() + t.version())) {
                continue;
            }
            List<String> base = without(headers(t), "Content-Type");
            for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
                for (String method : sample(List.of("DELETE", "PUT", "POST", "PATCH"), 2)) {
                    out.add(FuzzRequest.http("override: " + header, t.route(), "GET", t.path(),
                            with(base, header, method), null, false));
                }
            }
            out.add(FuzzRequest.http("override: X-HTTP-Method-Override", t.route(), "POST", t.path(),
                    with(with(base, "X-HTTP-Method-Override", "DELETE"), "Content-Type", "application/json"),
                    "{\"x\": ", true));
        }
        // An aggregate with hosts refuses a delete anyway; an empty one shows an obeyed DELETE in the data.
        for (String mount : List.of("/v2.1", "/v2.1/" + project, "/v2", "/v2/" + project)) {
            List<String> token = List.of("X-Auth-Token", token(mount));
            for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
                out.add(FuzzRequest.http("override: " + header, "GET /os-aggregates/{id} (empty)", "GET",
                        mount + "/os-aggregates/" + emptyAggregate, with(token, header, "DELETE"), null, false));
                out.add(FuzzRequest.http("override: " + header, "POST /os-aggregates/{id} (empty)", "POST",
                        mount + "/os-aggregates/" + emptyAggregate, with(with(token, header, "DELETE"),
                                "Content-Type", "application/json"), "{}", true));
            }
        }
        return out;
    }

    private static final List<String> ODD_STRINGS = List.of("\u0000", "a\u0000b", "\u0001\u0002\u001f", "\u007f",
            "\ud800", "\udfff", "x\ud800y", "\udfff\ud800", "\ufffe", "\uffff", "\u202e", "\r\n", "\t", "\u2028",
            "'; DROP TABLE services; --", "%00", "\\u0000", "\uD83D\uDCA9", " leading space", "trailing space ");

    /**
     * NUL, control characters and lone surrogates in every string a write or query takes, and integers past the
     * columns' range from the agent; then reads that go over what was stored.
     */
    private List<FuzzRequest> mayStore() {
        List<FuzzRequest> out = new ArrayList<>();
        for (Target t : targets) {
            List<String> h = headers(t);
            if (t.body() != null) {
                JsonNode valid = parse(t.body());
                List<List<String>> leaves = new ArrayList<>();
                collectLeaves(valid, new ArrayList<>(), leaves);
                for (List<String> leaf : leaves) {
                    String field = leaf.get(leaf.size() - 1);
                    JsonNode value = at(valid, leaf);
                    if (value.isTextual()) {
                        for (String odd : sample(ODD_STRINGS, 5)) {
                            String text = random.nextBoolean() ? odd : value.asText() + odd;
                            out.add(FuzzRequest.http("string with " + describe(odd) + " in \"" + field + "\"",
                                    t.route(), t.method(), t.path(), h,
                                    replaced(valid, leaf, JsonNodeFactory.instance.textNode(text)).toString(), false));
                        }
                    } else if (value.isIntegralNumber() && t.isAgent()) {
                        for (String big : sample(List.of("2147483648", "4294967297", "9223372036854775807",
                                "-9223372036854775808", "-1", "18446744073709551617"), 3)) {
                            out.add(FuzzRequest.http("agent integer out of range in \"" + field + "\"", t.route(),
                                    t.method(), t.path(), h, replaced(valid, leaf,
                                            JsonNodeFactory.instance.textNode("@")).toString().replace("\"@\"", big),
                                    false));
                        }
                    }
                }
            } else if (!t.isWrite()) {
                for (String key : sample(List.of("host", "binary", "hypervisor_hostname_pattern", "marker"), 2)) {
                    for (String odd : sample(List.of("%00", "a%00b", "%01", "%ED%A0%80", "%7F", "%E2%80%AE",
                            "%F0%9F%92%A9", "%0D%0A"), 2)) {
                        out.add(send("query: " + key + " with a control or invalid character", t,
                                t.path() + "?" + key + "=" + odd, h, null));
                    }
                }
            }
        }
        // Afterwards, the reads that sum and list whatever was stored.
        for (int i = 0; i < 3; i++) {
            for (Target t : targets) {
                if (!t.isWrite() && t.params().isEmpty()) {
                    out.add(send("read after odd values were stored", t, t.path(), headers(t), null));
                }
            }
        }
        return out;
    }

    private static JsonNode at(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String step : path) {
            node = step.startsWith("#") ? node.get(Integer.parseInt(step.substring(1))) : node.get(step);
        }
        return node;
    }

    private static String describe(String odd) {
        if (odd.indexOf('\u0000') >= 0) {
            return "NUL";
        }
        boolean pair = odd.length() == 2 && Character.isSurrogatePair(odd.charAt(0), odd.charAt(1));
        for (int i = 0; i < odd.length(); i++) {
            if (Character.isSurrogate(odd.charAt(i)) && !pair) {
                return "a lone surrogate";
            }
        }
        for (int i = 0; i < odd.length(); i++) {
            if (Character.isISOControl(odd.charAt(i))) {
                return "a control character";
            }
        }
        return "odd characters";
    }
}
