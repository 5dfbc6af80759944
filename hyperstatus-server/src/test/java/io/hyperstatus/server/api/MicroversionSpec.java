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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** The header lines of a table cell: {@code Name: value} pairs separated by {@code " ; "}, {@code -} for none. */
    private static String[] headers(String cell) {
        if (cell.equals("-")) {
            return new String[0];
        }
        return Arrays.stream(cell.split(" ; ")).flatMap(line -> Stream.of(line.split(": ", 2))).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', textBlock = """
            without a version header the minimum is served         | -                                                                        | 2.1
            the new header selects the version                     | OpenStack-API-Version: compute 2.53                                      | 2.53
            blanks between service and version are allowed         | OpenStack-API-Version: compute  2.53                                     | 2.53
            the legacy header alone selects the version            | X-OpenStack-Nova-API-Version: 2.53                                       | 2.53
            the new header wins over the legacy header             | OpenStack-API-Version: compute 2.53 ; X-OpenStack-Nova-API-Version: 2.1  | 2.53
            the new header wins over the legacy header either way  | OpenStack-API-Version: compute 2.1 ; X-OpenStack-Nova-API-Version: 2.53  | 2.1
            a malformed legacy header is ignored beside a new one  | OpenStack-API-Version: compute 2.53 ; X-OpenStack-Nova-API-Version: 2.x  | 2.53
            latest is the maximum in the new header                | OpenStack-API-Version: compute latest                                    | 2.104
            latest is the maximum in the legacy header             | X-OpenStack-Nova-API-Version: latest                                     | 2.104
            the maximum itself is served                           | OpenStack-API-Version: compute 2.104                                     | 2.104
            the service name is case-insensitive                   | OpenStack-API-Version: COMPUTE 2.53                                      | 2.53
            the service name is case-insensitive, capitalised      | OpenStack-API-Version: Compute 2.53                                      | 2.53
            in a list the last compute entry wins                  | OpenStack-API-Version: compute 2.53, compute 2.1                         | 2.1
            in a list the last compute entry wins, the other order | OpenStack-API-Version: compute 2.1, compute 2.53                         | 2.53
            repeated header lines read as one list                 | OpenStack-API-Version: compute 2.1 ; OpenStack-API-Version: compute 2.53 | 2.53
            an entry of another service alone is ignored           | OpenStack-API-Version: volume 3.0                                        | 2.1
            an entry of another service after compute is ignored   | OpenStack-API-Version: compute 2.53, volume 3.0                          | 2.53
            an entry of another service before compute is ignored  | OpenStack-API-Version: placement 1.2, compute 2.53                       | 2.53
            an entry without service is ignored                    | OpenStack-API-Version: 2.53                                              | 2.1
            an entry without version is ignored                    | OpenStack-API-Version: compute                                           | 2.1
            without a compute entry the legacy header is read      | OpenStack-API-Version: volume 3.0 ; X-OpenStack-Nova-API-Version: 2.53   | 2.53
            """)
    void theVersionServedIsTheOneTheHeadersSelect(String behaviour, String headers, String version) {
        assertServedAt(get(PATH, headers(headers)), version);
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

    // ---- out of range: 406 ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.999", "3.0", "2.0", "2.105", "1.1"})
    void aVersionOutOfRangeIsNotAcceptableAndEchoedInTheHeaders(String version) {
        Reply reply = get(PATH, "OpenStack-API-Version", "compute " + version);
        assertFault(reply, 406, "computeFault",
                "Version " + version + " is not supported by the API. Minimum is 2.1 and maximum is 2.104.");
        assertVersionHeaders(reply, version);
    }

    // ---- refusals, and the version headers they carry ---------------------------------------------------------

    // The token is an admin's unless the member's ("member"); the last cell is the version the headers echo, or "-"
    // where the answer carries none.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', textBlock = """
            a malformed new header is refused even with a valid legacy header | -           | admin  | OpenStack-API-Version: compute 2.x ; X-OpenStack-Nova-API-Version: 2.53 | 400 | badRequest   | API Version String 2.x is of invalid format. Must be of format MajorNum.MinorNum. | -
            a malformed legacy header alone is a bad request                  | -           | admin  | X-OpenStack-Nova-API-Version: 2.x                                       | 400 | badRequest   | API Version String 2.x is of invalid format. Must be of format MajorNum.MinorNum. | -
            a malformed version is refused before policy                      | -           | member | OpenStack-API-Version: compute 2.x                                      | 400 | badRequest   | API Version String 2.x is of invalid format. Must be of format MajorNum.MinorNum. | -
            a version out of range in the legacy header is not acceptable too | -           | admin  | X-OpenStack-Nova-API-Version: 2.0                                       | 406 | computeFault | Version 2.0 is not supported by the API. Minimum is 2.1 and maximum is 2.104.     | 2.0
            a version out of range is refused before policy                   | -           | member | OpenStack-API-Version: compute 2.999                                    | 406 | computeFault | Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.104.   | 2.999
            a schema error carries the version headers                        | ?foo=bar    | admin  | OpenStack-API-Version: compute 2.53                                     | 400 | badRequest   | Additional properties are not allowed ('foo' was unexpected)                      | 2.53
            a policy refusal carries the version headers                      | -           | member | OpenStack-API-Version: compute 2.60                                     | 403 | forbidden    | Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.          | 2.60
            a JSON not found carries the version headers                      | /statistics | admin  | OpenStack-API-Version: compute 2.88                                     | 404 | itemNotFound | The resource could not be found.                                                  | 2.88
            """)
    void aRefusalIsNovasFaultWithTheVersionHeadersItCarries(String behaviour, String path, String token,
                                                            String headers, int status, String fault, String message,
                                                            String echoed) {
        List<String> lines = new ArrayList<>(List.of("X-Auth-Token", token.equals("member") ? TestServer.MEMBER
                : TestServer.ADMIN));
        lines.addAll(List.of(headers(headers)));
        Reply reply = server.sendRaw("GET", PATH + (path.equals("-") ? "" : path), null, lines);
        assertFault(reply, status, fault, message);
        if (echoed.equals("-")) {
            assertNoVersionHeaders(reply);
        } else {
            assertVersionHeaders(reply, echoed);
        }
    }

    // ---- headers on every v2.1 answer ------------------------------------------------------------------------------

    @Test
    void aSuccessCarriesBothVersionHeadersAndTwoVaryLines() {
        Reply reply = get(PATH, "OpenStack-API-Version", "compute 2.53");
        assertVersionHeaders(reply, "2.53");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void aShowNotFoundCarriesTheVersionHeaders() {
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
