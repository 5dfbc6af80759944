package io.hyperstatus.server.api.health;

import io.hyperstatus.core.port.DatabaseHealth;
import io.hyperstatus.server.api.Json;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code GET /healthcheck}, in the manner of oslo.middleware's healthcheck: 200 {@code OK} while the database
 * answers, 503 with the reason while it does not; JSON when the caller accepts it. Unauthenticated and cheap: it
 * reads the database monitor's last verdict and never waits for a connection of the pool.
 */
public final class HealthCheck {
    public static final String PATH = "/healthcheck";

    private final DatabaseHealth database;

    public HealthCheck(DatabaseHealth database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The verdict, for whoever else reports on health. */
    public DatabaseHealth.Status status() {
        return database.status();
    }

    public void answer(Context ctx) {
        DatabaseHealth.Status status = status();
        ctx.status(status.reachable() ? 200 : 503);
        ctx.header("Cache-Control", "no-store");
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            ctx.contentType("application/json");
            ctx.result(Json.write(json -> {
                json.writeStartObject();
                json.writeStringField("status", status.reachable() ? "OK" : "UNAVAILABLE");
                json.writeArrayFieldStart("checks");
                json.writeStartObject();
                json.writeStringField("name", "database");
                json.writeBooleanField("ok", status.reachable());
                json.writeStringField("detail", status.detail());
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
            }));
        } else {
            ctx.contentType("text/plain; charset=UTF-8");
            ctx.result((status.reachable() ? "OK" : status.detail()).getBytes(StandardCharsets.UTF_8));
        }
    }
}
