package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.ThreeHosts.NODE1;
import static io.hyperstatus.server.testing.VersionHeaders.assertNoVersionHeaders;
import static io.hyperstatus.server.testing.VersionHeaders.assertVersionHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import io.hyperstatus.server.testing.ThreeHosts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Microversion negotiation on {@code /v2.1/os-hypervisors}: which request header and entry count, what is
 * malformed (400) or out of range (406), and the version headers every v2.1 answer carries.
 */
class MicroversionSpec {
    private static final String PATH = "/v2.1/os-hypervisors";

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;

    /** GET with an admin token and the given headers (name, value, ...). */
    private Reply get(String path, String... headerPairs) {
        List<String> headers = new ArrayList<>(List.of("X-Auth-Token", TestServer.ADMIN));
        headers.addAll(List.of(headerPairs));
        return server.sendRaw("GET", path, null, headers);
    }

    /** The answer was served at {@code version}: its headers say so, and the ids are UUIDs exactly from 2.53. */
    private static void assertServedAt(Reply reply, String version) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertVersionHeaders(reply, version);
        String firstId = reply.json().get("hypervisors").get(0).get("id").asText();
        boolean uuids = !version.equals("2.1");
        assertThat(firstId).isEqualTo(uuids ? NODE1 : "1");
    }

    // ---- which header and entry counts -------------------------------------------------------------------------

    @Test
    void withoutAVersionHeaderTheMinimumIsServed() {
        assertServedAt(get(PATH), "2.1");
    }

    @Test
    void theNewHeaderSelectsTheVersion() {
        assertServedAt(get(PATH, "OpenStack-API-Version", "compute 2.53"), "2.53");
        assertServedAt(get(PATH, "OpenStack-API-Version", "compute  2.53"), "2.53");
    }

    @Test
    void theLegacyHeaderAloneSelectsTheVersion() {
        assertServedAt(get(PATH, "X-OpenStack-Nova-API-Version", "2.53"), "2.53");
    }

    @Test
    void theNewHeaderWinsOverTheLegacyHeaderEitherWay() {
        assertServedAt(get(PATH, "OpenStack-API-Version", "compute 2.53", "X-OpenStack-Nova-API-Version", "2.1"), "2.53");
        assertServedAt(get(PATH, "OpenStack-API-Version", "compute 2.1", "X-OpenStack-Nova-API-Version", "2.53"), "2.1");
    }

    @Test
    void aMalformedLegacyHeaderIsIgnoredWhenTheNewHeaderIsValid() {
        assertServedAt(get(PATH, "OpenStack-API-Version", "compute 2.53", "X-OpenStack-Nova-API-Version", "2.x"), "2.53");
    }

    @Test
    void aMalformedNewHeaderIsRefusedEvenWithAValidLegacyHeader() {
        Reply reply = get(PATH, "OpenStack-API-Version", "compute 2.x", "X-OpenStack-Nova-API-Version", "2.53");
        assertFault(reply, 400, "badRequest",
                "API Version String 2.x is of invalid format. Must be of format MajorNum.MinorNum.");
        assertNoVersionHeaders(reply);
    }

    @Test
    void latestIsTheMaximumInEitherHeader() {
        assertServedAt(get(PATH, "OpenStack-API-Version", "compute latest"), "2.104");
        assertServedAt(get(PATH, "X-OpenStack-Nova-API-Version", "latest"), "2.104");
    }

    @Test
    void theMaximumItselfIsServed() {
        assertServedAt(get(PATH, "OpenStack-API-Version", "compute 2.104"), "2.104");
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMPUTE 2.53", "Compute 2.53"})
    void theServiceNameIsCaseInsensitive(String header) {
        assertServedAt(get(PATH, "OpenStack-API-Version", header), "2.53");
    }

    @Test
    void inAListTheLastComputeEntryWins() {
        assertServedAt(get(PATH, "OpenStack-API-Version", "compute 2.53, compute 2.1"), "2.1");
        assertServedAt(get(PATH, "OpenStack-API-Version", "compute 2.1, compute 2.53"), "2.53");
    }

    @Test
    void repeatedHeaderLinesReadAsOneList() {
        assertServedAt(get(PATH, "OpenStack-API-Version", "compute 2.1", "OpenStack-API-Version", "compute 2.53"), "2.53");
    }

    @Test
    void entriesOfOtherServicesAreIgnored() {
        assertServedAt(get(PATH, "OpenStack-API-Version", "volume 3.0"), "2.1");
        assertServedAt(get(PATH, "OpenStack-API-Version", "compute 2.53, volume 3.0"), "2.53");
        assertServedAt(get(PATH, "OpenStack-API-Version", "placement 1.2, compute 2.53"), "2.53");
    }

    @Test
    void anEntryWithoutServiceOrWithoutVersionIsIgnored() {
        assertServedAt(get(PATH, "OpenStack-API-Version", "2.53"), "2.1");
        assertServedAt(get(PATH, "OpenStack-API-Version", "compute"), "2.1");
    }

    @Test
    void aNewHeaderWithoutComputeEntryFallsBackToTheLegacyHeader() {
        assertServedAt(get(PATH, "OpenStack-API-Version", "volume 3.0", "X-OpenStack-Nova-API-Version", "2.53"), "2.53");
    }

    // ---- malformed: 400 ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.x", "2.01", "Latest", "v2.1", "2", "2.1.1", "-2.1", "02.1"})
    void aMalformedVersionIsABadRequestWithoutVersionHeaders(String version) {
        Reply reply = get(PATH, "OpenStack-API-Version", "compute " + version);
        assertFault(reply, 400, "badRequest",
                "API Version String " + version + " is of invalid format. Must be of format MajorNum.MinorNum.");
        assertNoVersionHeaders(reply);
    }

    @Test
    void aMalformedLegacyHeaderAloneIsABadRequest() {
        Reply reply = get(PATH, "X-OpenStack-Nova-API-Version", "2.x");
        assertFault(reply, 400, "badRequest",
                "API Version String 2.x is of invalid format. Must be of format MajorNum.MinorNum.");
        assertNoVersionHeaders(reply);
    }

    @Test
    void aMalformedVersionIsRefusedBeforePolicy() {
        Reply reply = server.sendRaw("GET", PATH, null,
                List.of("X-Auth-Token", TestServer.MEMBER, "OpenStack-API-Version", "compute 2.x"));
        assertFault(reply, 400, "badRequest",
                "API Version String 2.x is of invalid format. Must be of format MajorNum.MinorNum.");
    }

    // ---- out of range: 406 ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.999", "3.0", "2.0", "2.105", "1.1"})
    void aVersionOutOfRangeIsNotAcceptableAndEchoedInTheHeaders(String version) {
        Reply reply = get(PATH, "OpenStack-API-Version", "compute " + version);
        assertFault(reply, 406, "computeFault",
                "Version " + version + " is not supported by the API. Minimum is 2.1 and maximum is 2.104.");
        assertVersionHeaders(reply, version);
    }

    @Test
    void aVersionOutOfRangeInTheLegacyHeaderIsNotAcceptableToo() {
        Reply reply = get(PATH, "X-OpenStack-Nova-API-Version", "2.0");
        assertFault(reply, 406, "computeFault",
                "Version 2.0 is not supported by the API. Minimum is 2.1 and maximum is 2.104.");
        assertVersionHeaders(reply, "2.0");
    }

    @Test
    void aVersionOutOfRangeIsRefusedBeforePolicy() {
        Reply reply = server.sendRaw("GET", PATH, null,
                List.of("X-Auth-Token", TestServer.MEMBER, "OpenStack-API-Version", "compute 2.999"));
        assertFault(reply, 406, "computeFault",
                "Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.104.");
        assertVersionHeaders(reply, "2.999");
    }

    // ---- headers on every v2.1 answer ------------------------------------------------------------------------------

    @Test
    void aSuccessCarriesBothVersionHeadersAndTwoVaryLines() {
        Reply reply = get(PATH, "OpenStack-API-Version", "compute 2.53");
        assertVersionHeaders(reply, "2.53");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void aSchemaErrorCarriesTheVersionHeaders() {
        Reply reply = get(PATH + "?foo=bar", "OpenStack-API-Version", "compute 2.53");
        assertFault(reply, 400, "badRequest", "Additional properties are not allowed ('foo' was unexpected)");
        assertVersionHeaders(reply, "2.53");
    }

    @Test
    void aPolicyRefusalCarriesTheVersionHeaders() {
        Reply reply = server.sendRaw("GET", PATH, null,
                List.of("X-Auth-Token", TestServer.MEMBER, "OpenStack-API-Version", "compute 2.60"));
        assertFault(reply, 403, "forbidden", "Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.");
        assertVersionHeaders(reply, "2.60");
    }

    @Test
    void aJsonNotFoundCarriesTheVersionHeaders() {
        Reply reply = get(PATH + "/statistics", "OpenStack-API-Version", "compute 2.88");
        assertFault(reply, 404, "itemNotFound", "The resource could not be found.");
        assertVersionHeaders(reply, "2.88");
        Reply show = get(PATH + "/00000000-0000-4000-8000-000000000000", "OpenStack-API-Version", "compute 2.53");
        assertThat(show.status()).isEqualTo(404);
        assertVersionHeaders(show, "2.53");
    }

    @Test
    void theEffectiveVersionIsAnsweredForLatest() {
        assertVersionHeaders(get(PATH + "/detail", "OpenStack-API-Version", "compute latest"), "2.104");
    }

    @Test
    void anUnauthenticatedAnswerCarriesNoVersionHeaders() {
        Reply reply = server.sendRaw("GET", PATH, null, List.of("OpenStack-API-Version", "compute 2.53"));
        assertThat(reply.status()).isEqualTo(401);
        assertNoVersionHeaders(reply);
        Reply outOfRange = server.sendRaw("GET", PATH, null, List.of("OpenStack-API-Version", "compute 2.999"));
        assertThat(outOfRange.status()).isEqualTo(401);
        assertNoVersionHeaders(outOfRange);
    }
}
