package io.hyperstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A write racing a delete of what it writes to, over real HTTP: every answer is one Nova could give (the write's
 * success or its not-found, never a 500), and what is left afterwards is consistent. Each test runs a bounded number
 * of rounds, and stops early when its time is up.
 */
class ConcurrentDeleteSpec {
    private static final int ROUNDS = 100;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.empty();
    private TestServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anUpdateRacingTheDeleteOfItsServiceIsEitherDoneOrNotFound() {
        List<String> outcomes = race("service update", round -> {
            Reply update = racingTheDeleteOfANewService("race-" + round, true,
                    uuid -> server.put("/v2.1/os-services/" + uuid, "2.53",
                            "{\"status\": \"disabled\", \"disabled_reason\": \"rack 12\", \"forced_down\": true}"),
                    uuid -> "Service " + uuid + " could not be found.");
            return update.status() == 200 ? "updated" : "not found";
        });
        assertThat(outcomes).isNotEmpty();
    }

    @Test
    void aPreV253ActionRacingTheDeleteOfItsServiceIsEitherDoneOrNotFound() {
        race("disable-log-reason", round -> {
            String host = "race-" + round;
            racingTheDeleteOfANewService(host, false,
                    id -> server.put("/v2.1/os-services/disable-log-reason", "2.1",
                            "{\"host\": \"" + host + "\", \"binary\": \"nova-compute\", \"disabled_reason\": \"r\"}"),
                    id -> "Host '" + host + "' is not mapped to any cell");
            return "";
        });
    }

    @Test
    void addingAHostRacingTheDeleteOfItsServiceLeavesNoMembershipBehind() {
        String aggregate = created("{\"aggregate\": {\"name\": \"rack-12\"}}").get("id").asText();
        race("add_host", round -> {
            String host = "race-" + round;
            racingTheDeleteOfANewService(host, true,
                    uuid -> post("/v2.1/os-aggregates/" + aggregate + "/action", "{\"add_host\": {\"host\": \"" + host + "\"}}"),
                    uuid -> "Compute host " + host + " could not be found.");
            JsonNode hosts = server.get("/v2.1/os-aggregates/" + aggregate, "2.41").json().get("aggregate").get("hosts");
            assertThat(hosts).as("hosts of the aggregate after round %d", round).isEmpty();
            return "";
        });
    }

    /**
     * {@code write} to the service of a new {@code host}, sent with its delete (by UUID from 2.53, else by integer
     * id, {@code write} getting the same): the delete succeeds, the write is done or not found as
     * {@code notFound} of the id says, and the service is gone after. The write's answer.
     */
    private Reply racingTheDeleteOfANewService(String host, boolean byUuid, Function<String, Reply> write,
                                               Function<String, String> notFound) throws Exception {
        server.seed(Host.named(host));
        String id = byUuid ? server.serviceUuid(host, "nova-compute") : String.valueOf(server.serviceId(host, "nova-compute"));
        Reply[] replies = both(() -> server.delete("/v2.1/os-services/" + id, byUuid ? "2.53" : "2.1"),
                () -> write.apply(id));
        assertThat(replies[0].status()).as(replies[0].body()).isEqualTo(204);
        assertUpdatedOrNotFound(replies[1], notFound.apply(id));
        assertServiceGone(host);
        return replies[1];
    }

    @Test
    void aChangeOfAnAggregateRacingItsDeleteIsEitherDoneOrNotFound() {
        race("aggregate update and metadata", round -> {
            String id = created("{\"aggregate\": {\"name\": \"agg-" + round + "\"}}").get("id").asText();
            String notFound = "Aggregate " + id + " could not be found.";
            Reply[] replies = both(
                    () -> server.delete("/v2.1/os-aggregates/" + id, "2.41"),
                    () -> round % 2 == 0
                            ? server.put("/v2.1/os-aggregates/" + id, "2.41",
                                    "{\"aggregate\": {\"name\": \"renamed-" + round + "\", \"availability_zone\": \"z\"}}")
                            : post("/v2.1/os-aggregates/" + id + "/action",
                                    "{\"set_metadata\": {\"metadata\": {\"ssd\": \"true\"}}}"));
            assertThat(replies[0].status()).as(replies[0].body()).isEqualTo(200);
            assertUpdatedOrNotFound(replies[1], notFound);
            JsonNode shown = server.get("/v2.1/os-aggregates/" + id, "2.41").json();
            assertThat(shown.get("itemNotFound").get("message").asText()).isEqualTo(notFound);
            return "";
        });
        assertThat(server.get("/v2.1/os-aggregates", "2.41").json().get("aggregates")).isEmpty();
    }

    @Test
    void anAggregateIsNeverDeletedWhileAHostJoinsIt() {
        server.seed(Host.named("compute-1"));
        race("delete against add_host", round -> {
            String id = created("{\"aggregate\": {\"name\": \"agg-" + round + "\"}}").get("id").asText();
            Reply[] replies = both(
                    () -> server.delete("/v2.1/os-aggregates/" + id, "2.41"),
                    () -> post("/v2.1/os-aggregates/" + id + "/action", "{\"add_host\": {\"host\": \"compute-1\"}}"));
            Reply shown = server.get("/v2.1/os-aggregates/" + id, "2.41");
            if (replies[0].status() == 200) {
                // Deleted first: the host could not join.
                assertUpdatedOrNotFound(replies[1], "Aggregate " + id + " could not be found.");
                assertThat(replies[1].status()).as(replies[1].body()).isEqualTo(404);
                assertThat(shown.status()).isEqualTo(404);
            } else {
                // Joined first: the delete is refused, and the aggregate keeps its host.
                assertThat(replies[0].status()).as(replies[0].body()).isEqualTo(400);
                assertThat(replies[1].status()).as(replies[1].body()).isEqualTo(200);
                assertThat(shown.json().get("aggregate").get("hosts")).hasSize(1);
                Reply removed = post("/v2.1/os-aggregates/" + id + "/action", "{\"remove_host\": {\"host\": \"compute-1\"}}");
                assertThat(removed.status()).as(removed.body()).isEqualTo(200);
            }
            return "";
        });
    }

    private interface Round {
        String run(int round) throws Exception;
    }

    private List<String> race(String what, Round round) {
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < ROUNDS && System.nanoTime() < deadline; i++) {
            try {
                outcomes.add(round.run(i));
            } catch (Exception e) {
                throw new AssertionError(what + ", round " + i, e);
            }
        }
        return outcomes;
    }

    /** Sends both requests at the same moment; answers in the order given. */
    private Reply[] both(Supplier<Reply> first, Supplier<Reply> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Reply> a = CompletableFuture.supplyAsync(() -> afterBarrier(start, first), pool);
        CompletableFuture<Reply> b = CompletableFuture.supplyAsync(() -> afterBarrier(start, second), pool);
        return new Reply[] {a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS)};
    }

    private static Reply afterBarrier(CyclicBarrier start, Supplier<Reply> request) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return request.get();
    }

    private static void assertUpdatedOrNotFound(Reply reply, String notFoundMessage) {
        if (reply.status() == 404) {
            assertThat(reply.json()).as(reply.body()).isEqualTo(Reply.parse(
                    "{\"itemNotFound\": {\"code\": 404, \"message\": " + quoted(notFoundMessage) + "}}"));
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
    }

    private void assertServiceGone(String host) {
        assertThat(server.get("/v2.1/os-services?host=" + host, "2.53").json().get("services")).isEmpty();
        assertThat(server.get("/v2.1/os-hypervisors/detail", "2.53").json().get("hypervisors").findValuesAsText("hypervisor_hostname"))
                .doesNotContain(host + ".example.org");
    }

    private JsonNode created(String body) {
        Reply reply = post("/v2.1/os-aggregates", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("aggregate");
    }

    private Reply post(String path, String body) {
        return server.send("POST", path, body, Map.of("X-Auth-Token", TestServer.ADMIN,
                "OpenStack-API-Version", "compute 2.41", "Content-Type", "application/json"));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
