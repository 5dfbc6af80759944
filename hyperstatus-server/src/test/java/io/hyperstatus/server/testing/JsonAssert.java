package io.hyperstatus.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Whole-body comparisons: JSON equality regardless of key order, with both documents in the failure message. */
public final class JsonAssert {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonAssert() {
    }

    public static void assertJson(Reply reply, int status, String expectedJson) {
        assertJson(reply, status, Reply.parse(expectedJson));
    }

    public static void assertJson(Reply reply, int status, JsonNode expected) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        JsonNode actual = reply.json();
        assertThat(actual).withFailMessage("expected:%n%s%nbut was:%n%s",
                expected.toPrettyString(), actual.toPrettyString()).isEqualTo(expected);
    }

    /** A Nova fault: {@code {"<faultName>": {"code": status, "message": message}}} with Nova's content type. */
    public static void assertFault(Reply reply, int status, String faultName, String message) {
        ObjectNode expected = MAPPER.createObjectNode();
        expected.putObject(faultName).put("code", status).put("message", message);
        assertJson(reply, status, expected);
        // Media type and charset as Nova's "application/json; charset=UTF-8" (parameters are case-insensitive).
        assertThat(reply.header("Content-Type").replace(" ", "")).isEqualToIgnoringCase("application/json;charset=UTF-8");
    }
}
