package io.hyperstatus.client.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the events API's JSON into the records of this package. A field the contract requires that is missing
 * or of the wrong type is an {@link IllegalArgumentException} naming it, not a silently wrong record.
 */
public final class EventJson {
    private EventJson() {
    }

    public static Event event(JsonNode e) {
        if (e == null || !e.isObject()) {
            throw new IllegalArgumentException("an event is not a JSON object: " + e);
        }
        JsonNode service = e.get("service");
        return new Event(requiredLong(e, "id"), requiredText(e, "kind"), requiredTime(e, "time"),
                time(e, "recorded_at"), present(service) ? service(service) : null, text(e, "zone"),
                state(e.get("before")), state(e.get("after")), actor(e.get("actor")), time(e, "last_heartbeat"),
                disruption(e.get("zone_disruption")));
    }

    public static List<Event> events(JsonNode array) {
        List<Event> result = new ArrayList<>();
        for (JsonNode e : array) {
            result.add(event(e));
        }
        return result;
    }

    /** The object inside {@code {"availability": ...}}. */
    public static Availability availability(JsonNode a) {
        if (a == null || !a.isObject()) {
            throw new IllegalArgumentException("no availability object in the answer");
        }
        List<DownPeriod> periods = new ArrayList<>();
        for (JsonNode p : a.path("periods")) {
            periods.add(new DownPeriod(requiredTime(p, "start"), time(p, "end"), p.path("seconds").asDouble()));
        }
        JsonNode service = a.get("service");
        return new Availability(present(service) ? service(service) : null, requiredTime(a, "start"),
                requiredTime(a, "end"), requiredNumber(a, "up_fraction"), a.path("disabled_fraction").asDouble(0),
                a.path("down_periods").asInt(periods.size()), a.path("longest_down_seconds").asDouble(0), periods);
    }

    private static EventService service(JsonNode s) {
        return new EventService(s.path("id").asLong(), requiredText(s, "uuid"), requiredText(s, "host"),
                requiredText(s, "binary"));
    }

    private static EventState state(JsonNode s) {
        if (!present(s)) {
            return null;
        }
        return new EventState(requiredText(s, "state"), requiredText(s, "status"), text(s, "disabled_reason"),
                s.path("forced_down").asBoolean(false));
    }

    private static EventActor actor(JsonNode a) {
        if (!present(a)) {
            throw new IllegalArgumentException("an event without an actor");
        }
        return new EventActor(requiredText(a, "kind"), text(a, "user_id"), text(a, "project_id"), text(a, "request_id"));
    }

    private static ZoneDisruption disruption(JsonNode z) {
        return present(z) ? new ZoneDisruption(z.path("down").asInt(), z.path("services").asInt()) : null;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return present(value) ? value.asText() : null;
    }

    private static String requiredText(JsonNode node, String field) {
        return required(node, field, text(node, field));
    }

    private static long requiredLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!present(value) || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("no integer \"" + field + "\" in " + node);
        }
        return value.asLong();
    }

    private static double requiredNumber(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!present(value) || !value.isNumber()) {
            throw new IllegalArgumentException("no number \"" + field + "\" in " + node);
        }
        return value.asDouble();
    }

    private static Instant requiredTime(JsonNode node, String field) {
        return required(node, field, time(node, field));
    }

    /** {@code value}, read from {@code field} of {@code node}, unless it was not there. */
    private static <T> T required(JsonNode node, String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException("no \"" + field + "\" in " + node);
        }
        return value;
    }

    /** RFC 3339: the servers write UTC with a Z, but an offset is accepted too. */
    private static Instant time(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not an RFC 3339 time: " + text, e);
        }
    }
}
