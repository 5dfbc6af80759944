package io.hyperstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.server.testing.Reply;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Service bodies carry {@code updated_at}, a runtime value: the specs check its format here and compare the rest of
 * the body whole, with each timestamp replaced by {@link #TIMESTAMP}.
 */
final class ServiceBodies {
    /** What a well-formed {@code updated_at} is replaced with; expected bodies write it in its place. */
    static final String TIMESTAMP = "<timestamp>";
    /** Nova's naive UTC datetime: microseconds, no zone suffix. */
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
    /** The spellings of a boolean that Nova's schemas take, as their errors list them. */
    static final String ENUM = "[True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', "
            + "False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no']";

    private ServiceBodies() {
    }

    /** The reply with every well-formed timestamp masked; a malformed one is left as is, so the comparison fails. */
    static Reply masked(Reply reply) {
        JsonNode json = reply.json();
        if (json.has("services")) {
            json.get("services").forEach(ServiceBodies::mask);
        }
        if (json.has("service")) {
            mask(json.get("service"));
        }
        return new Reply(reply.status(), reply.headers(), json.toString());
    }

    private static void mask(JsonNode service) {
        JsonNode updatedAt = service.get("updated_at");
        if (updatedAt != null && updatedAt.isTextual() && FORMAT.matcher(updatedAt.asText()).matches()) {
            ((ObjectNode) service).put("updated_at", TIMESTAMP);
        }
    }

    /** A compute service in the zone {@code nova} as a list or show body has it, {@code updated_at} masked. */
    record ServiceRow(String host, String json) {
        /** The body of a show or an update: this service. */
        String shown() {
            return "{\"service\": " + json + "}";
        }

        /** The body of a list: this service alone. */
        String listed() {
            return "{\"services\": [" + json + "]}";
        }
    }

    /** Before 2.11, without {@code forced_down}; {@code id} an integer before 2.53, the UUID from then on. */
    static ServiceRow service(Object id, String host, String status, String state, String reason) {
        return new ServiceRow(host, row(id, host, status, state, reason) + "}");
    }

    /** From 2.11, with {@code forced_down}. */
    static ServiceRow service(Object id, String host, String status, String state, String reason, boolean forcedDown) {
        return new ServiceRow(host, row(id, host, status, state, reason) + ", \"forced_down\": " + forcedDown + "}");
    }

    private static String row(Object id, String host, String status, String state, String reason) {
        return "{\"id\": %s, \"binary\": \"nova-compute\", \"host\": \"%s\", \"zone\": \"nova\", \"status\": \"%s\", "
                .formatted(id instanceof String ? "\"" + id + "\"" : id, host, status)
                + "\"state\": \"%s\", \"updated_at\": \"%s\", \"disabled_reason\": %s"
                .formatted(state, TIMESTAMP, reason == null ? "null" : "\"" + reason + "\"");
    }

    /** Bodies that are no JSON object, each with the message of Nova's answer (a 400) to it. */
    static Stream<Arguments> notAnObject() {
        return Stream.of(
                Arguments.of("null", "None is not of type 'object'"),
                Arguments.of("[]", "[] is not of type 'object'"),
                Arguments.of("\"str\"", "'str' is not of type 'object'"),
                Arguments.of("1", "1 is not of type 'object'"),
                Arguments.of("not json", "Malformed request body"));
    }

    /** The updated_at of the one service of host (and nova-compute, unless given) in a list reply. */
    static String updatedAt(Reply list, String host) {
        for (JsonNode service : list.json().get("services")) {
            if (service.get("host").asText().equals(host) && service.get("binary").asText().equals("nova-compute")) {
                String value = service.get("updated_at").asText();
                assertThat(value).matches(FORMAT);
                return value;
            }
        }
        throw new AssertionError("no nova-compute on " + host + " in " + list.body());
    }
}
