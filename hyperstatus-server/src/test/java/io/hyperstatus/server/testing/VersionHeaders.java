package io.hyperstatus.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** The microversion headers of an answer: both names Nova sets, and the Vary that goes with them. */
public final class VersionHeaders {
    private VersionHeaders() {
    }

    public static void assertVersionHeaders(Reply reply, String version) {
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("compute " + version);
        assertThat(reply.header("X-OpenStack-Nova-API-Version")).isEqualTo(version);
        assertThat(reply.headerValues("Vary")).containsExactly("OpenStack-API-Version", "X-OpenStack-Nova-API-Version");
    }

    public static void assertNoVersionHeaders(Reply reply) {
        assertThat(reply.header("OpenStack-API-Version")).isNull();
        assertThat(reply.header("X-OpenStack-Nova-API-Version")).isNull();
        assertThat(reply.headerValues("Vary")).isEmpty();
    }
}
