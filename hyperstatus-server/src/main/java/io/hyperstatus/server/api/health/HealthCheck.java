package io.hyperstatus.server.api.health;

import io.hyperstatus.config.HealthcheckOptions;
import io.hyperstatus.core.port.DatabaseHealth;
import io.hyperstatus.server.api.Json;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET} and {@code HEAD /healthcheck}, in the manner of oslo.middleware's healthcheck in front of Nova, with
 * two checks: the database (the database monitor's last verdict: it never waits for a connection of the pool) and,
 * when {@code [healthcheck] disable_by_file_path} is set, oslo's {@code disable_by_file} (the server is down while
 * anything exists at that path, so that a load balancer drains it).
 *
 * <p>200 {@code OK} when every check passes, else 503 with the fixed reason of each failing one; never a token, never
 * an error's own words. Plain text unless the caller prefers JSON: then oslo's {@code {"detailed": false, "reasons":
 * [...]}}, and only with {@code [healthcheck] detailed} each check with its reason and details.
 */
public final class HealthCheck {
    public static final String PATH = "/healthcheck";
    static final String OK = "OK";
    static final String DATABASE_UNREACHABLE = "DATABASE UNREACHABLE";
    static final String DISABLED_BY_FILE = "DISABLED BY FILE";

    private static final String PLAIN = "text/plain; charset=UTF-8";
    private static final String JSON = "application/json";

    /** One check's result: {@code name} as oslo names a backend, a fixed reason and fixed details. */
    record Result(String name, boolean available, String reason, String details) {
    }

    private final DatabaseHealth database;
    private final boolean detailed;
    private final Optional<Path> disableFile;

    public HealthCheck(DatabaseHealth database, HealthcheckOptions options) {
        this.database = Objects.requireNonNull(database, "database");
        this.detailed = options.detailed();
        this.disableFile = options.disableByFilePath();
    }

    List<Result> results() {
        List<Result> results = new ArrayList<>();
        DatabaseHealth.Status status = database.status();
        results.add(status.reachable() ? new Result("database", true, OK, "reachable")
                : new Result("database", false, DATABASE_UNREACHABLE, "the last probes of the database failed"));
        // As oslo's disable_by_file: existence only; a folder or a file nobody may read counts all the same.
        disableFile.ifPresent(file -> results.add(Files.exists(file)
                ? new Result("disable_by_file", false, DISABLED_BY_FILE, "the disable file exists")
                : new Result("disable_by_file", true, OK, "no disable file")));
        return results;
    }

    public void answer(Context ctx) {
        List<Result> results = results();
        boolean healthy = results.stream().allMatch(Result::available);
        ctx.header("Cache-Control", "no-store");
        if (HandlerType.HEAD.equals(ctx.method())) {
            // The status says it all, and HEAD has no body: as oslo's middleware, 204 when healthy.
            ctx.status(healthy ? 204 : 503);
            return;
        }
        ctx.status(healthy ? 200 : 503);
        List<Result> failing = results.stream().filter(result -> !result.available()).toList();
        if (prefersJson(ctx.header("Accept"))) {
            ctx.contentType(JSON);
            ctx.result(Json.write(json -> {
                json.writeStartObject();
                json.writeBooleanField("detailed", detailed);
                json.writeArrayFieldStart("reasons");
                if (detailed) {
                    for (Result result : results) {
                        json.writeStartObject();
                        json.writeStringField("class", result.name());
                        json.writeStringField("reason", result.reason());
                        json.writeStringField("details", result.details());
                        json.writeEndObject();
                    }
                } else if (healthy) {
                    json.writeString(OK);
                } else {
                    for (Result result : failing) {
                        json.writeString(result.reason());
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
            }));
        } else {
            ctx.contentType(PLAIN);
            String body = healthy ? OK : failing.stream().map(Result::reason).collect(Collectors.joining("\n"));
            ctx.result(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Whether the Accept header ranks JSON above plain text: each type takes the quality of its most specific range
     * (as HTTP reads them), plain text wins a tie, and plain text is the answer when neither is acceptable (as
     * oslo's: an error from a health check would only confuse its caller).
     */
    static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        return quality(accept, "application/json") > quality(accept, "text/plain");
    }

    /** The quality {@code accept} gives {@code mediaType}, 0 when no range matches it. */
    private static double quality(String accept, String mediaType) {
        String anySubtype = mediaType.substring(0, mediaType.indexOf('/')) + "/*";
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : accept.split(",", -1)) {
            String[] parts = range.split(";", -1);
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            int specificity = type.equals(mediaType) ? 2 : type.equals(anySubtype) ? 1 : type.equals("*/*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = quality(parts);
            }
        }
        return quality;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
