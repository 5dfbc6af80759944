package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Listings of more hypervisors than the server reads from the database at once (here 500): every hypervisor
 * appears once, in id order, with the same fields as its show, whichever batch it came from.
 */
class HypervisorsAtScaleSpec {
    private static final int HOSTS = 1234;
    private static final int DOWN = 500;
    private static final int DISABLED = 999;

    private static TestServer server;
    private static final Map<String, String> nodeUuids = new LinkedHashMap<>();

    private static String hostName(int i) {
        return String.format(Locale.ROOT, "scale-%05d", i);
    }

    private static boolean hasInstance(int i) {
        return i % 200 == 0;
    }

    private static String instanceUuid(int i) {
        return String.format(Locale.ROOT, "%08x-0000-4000-8000-000000000002", i);
    }

    @BeforeAll
    static void seed() {
        // From 2.33 a list without a limit is a page of max_limit: large enough here for every host in one.
        server = TestServer.start("[api]\nmax_limit = 3000\n[database]\nread_batch_size = 500\n");
        for (int from = 0; from < HOSTS; from += 100) {
            Host[] batch = IntStream.range(from, Math.min(HOSTS, from + 100)).mapToObj(i -> {
                Host host = Host.named(hostName(i));
                return hasInstance(i) ? host.instance(instanceUuid(i), "vm-" + i) : host;
            }).toArray(Host[]::new);
            nodeUuids.putAll(server.seed(batch));
        }
        server.ageHeartbeat(hostName(DOWN), "nova-compute", 3600);
        Reply disabled = server.put("/v2.1/os-services/" + server.serviceUuid(hostName(DISABLED), "nova-compute"),
                "2.53", "{\"status\": \"disabled\", \"disabled_reason\": \"rack 7 maintenance\"}");
        assertThat(disabled.status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> uuids() {
        return new ArrayList<>(nodeUuids.values());
    }

    private static String summary(int i) {
        return "{\"id\": \"%s\", \"hypervisor_hostname\": \"%s.example.org\", \"state\": \"%s\", \"status\": \"%s\"}"
                .formatted(uuids().get(i), hostName(i), i == DOWN ? "down" : "up", i == DISABLED ? "disabled" : "enabled");
    }

    private static List<String> ids(Reply reply) {
        List<String> ids = new ArrayList<>();
        reply.json().get("hypervisors").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    @Test
    void theUnpagedListShowsEveryHypervisorOnceInIdOrderWithItsStateAndStatus() {
        String expected = IntStream.range(0, HOSTS).mapToObj(HypervisorsAtScaleSpec::summary)
                .collect(Collectors.joining(", ", "{\"hypervisors\": [", "]}"));
        assertJson(server.get("/v2.1/os-hypervisors", "2.53"), 200, expected);
    }

    @Test
    void theUnpagedDetailShowsEachHypervisorAsItsShowDoesOnBothSidesOfABatchBoundary() {
        Reply detail = server.get("/v2.1/os-hypervisors/detail", "2.53");
        assertThat(detail.status()).isEqualTo(200);
        assertThat(ids(detail)).isEqualTo(uuids());
        for (int i : new int[] {0, 499, DOWN, 501, DISABLED, 1000, HOSTS - 1}) {
            JsonNode shown = server.get("/v2.1/os-hypervisors/" + uuids().get(i), "2.53").json().get("hypervisor");
            assertThat(detail.json().get("hypervisors").get(i)).as("hypervisor %d", i).isEqualTo(shown);
        }
    }

    @Test
    void theUnpagedDetailAt21HasEveryHypervisorWithIncreasingIntegerIds() {
        Reply detail = server.get("/v2.1/os-hypervisors/detail", "2.1");
        List<Long> ids = new ArrayList<>();
        detail.json().get("hypervisors").forEach(h -> ids.add(h.get("id").asLong()));
        assertThat(ids).hasSize(HOSTS).isSorted().doesNotHaveDuplicates();
        assertThat(detail.json().get("hypervisors").get(DOWN).get("state").asText()).isEqualTo("down");
        assertThat(detail.json().get("hypervisors").get(DISABLED).get("service").get("disabled_reason").asText())
                .isEqualTo("rack 7 maintenance");
    }

    @Test
    void withServersShowsEachHostsInstancesWhicheverBatchItCameFrom() {
        Reply list = server.get("/v2.1/os-hypervisors?with_servers=true", "2.75");
        JsonNode hypervisors = list.json().get("hypervisors");
        assertThat(hypervisors).hasSize(HOSTS);
        for (int i = 0; i < HOSTS; i++) {
            String expected = hasInstance(i)
                    ? "[{\"name\":\"vm-%d\",\"uuid\":\"%s\"}]".formatted(i, instanceUuid(i))
                    : "[]";
            assertThat(hypervisors.get(i).get("servers").toString()).as("servers of %d", i).isEqualTo(expected);
        }
    }

    @Test
    void aPatternMatchingMoreThanOneBatchReturnsEveryMatch() {
        assertThat(ids(server.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=example.org", "2.53")))
                .isEqualTo(uuids());
        Reply search = server.get("/v2.1/os-hypervisors/scale-0/search", "2.1");
        assertThat(search.json().get("hypervisors")).hasSize(HOSTS);
    }

    @Test
    void aPatternMatchingHostsFarApartListsEachWithItsOwnStateAndStatus() {
        for (String suffix : new String[] {"00", "99"}) {
            String expected = IntStream.range(0, HOSTS).filter(i -> hostName(i).endsWith(suffix))
                    .mapToObj(HypervisorsAtScaleSpec::summary)
                    .collect(Collectors.joining(", ", "{\"hypervisors\": [", "]}"));
            assertJson(server.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=" + suffix + ".example.org",
                    "2.53"), 200, expected);
        }
    }

    @Test
    void aPageLargerThanOneBatchIsCompleteAndLinksToTheRest() {
        Reply first = server.get("/v2.1/os-hypervisors?limit=700", "2.53");
        assertThat(ids(first)).isEqualTo(uuids().subList(0, 700));
        String next = first.json().get("hypervisors_links").get(0).get("href").asText();
        assertThat(next).endsWith("/v2.1/os-hypervisors?limit=700&marker=" + uuids().get(699));

        Reply rest = server.get(next.substring(next.indexOf("/v2.1")), "2.53");
        assertThat(ids(rest)).isEqualTo(uuids().subList(700, HOSTS));
        assertThat(rest.json().has("hypervisors_links")).isFalse();
    }

    @Test
    void aDatabaseFailureBeforeAListingStartsIsAFaultNotABrokenResponse() {
        try (TestServer broken = TestServer.start()) {
            broken.seed(Host.named("lonely"));
            broken.database().close();
            for (String path : List.of("/v2.1/os-hypervisors", "/v2.1/os-hypervisors/detail")) {
                Reply reply = broken.get(path, "2.1");
                // The request id, not the failure's class: the log has the rest under that id.
                assertFault(reply, 500, "computeFault", "Unexpected API Error. Please contact the administrator,"
                        + " quoting request id " + reply.header("x-openstack-request-id") + ".");
            }
        }
    }
}
