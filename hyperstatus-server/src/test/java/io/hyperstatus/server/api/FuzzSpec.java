package io.hyperstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.agent.AgentController;
import io.hyperstatus.server.api.events.EventsController;
import io.hyperstatus.server.api.aggregates.AggregatesController;
import io.hyperstatus.server.api.availabilityzones.AvailabilityZonesController;
import io.hyperstatus.server.api.extensions.ExtensionsController;
import io.hyperstatus.server.api.hosts.HostsController;
import io.hyperstatus.server.api.hypervisors.HypervisorsController;
import io.hyperstatus.server.api.services.ServicesController;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestDatabase;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import io.hyperstatus.server.testing.ThreeHosts;
import io.hyperstatus.server.testing.fuzz.Corpus;
import io.hyperstatus.server.testing.fuzz.FuzzReport;
import io.hyperstatus.server.testing.fuzz.FuzzRequest;
import io.hyperstatus.server.testing.fuzz.FuzzRunner;
import io.hyperstatus.server.testing.fuzz.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fuzz stage: thousands of generated bad requests over every route of the compute API (under /v2.1,
 * /v2.1/{project_id}, /v2 and /v2/{project_id}), the agent interface and the version roots, each answered within
 * 5 s, never with a 5xx, with a JSON fault in Nova's shape for every error (or the exact not-found pages Nova has),
 * no Java class name, stack trace or HTML in any body, no write accepted, and the data the same afterwards.
 *
 * <p>The corpus is drawn from a seed ({@code -Dhyperstatus.fuzz.seed=N}, printed on failure). All violations are
 * collected and reported together, grouped by class, with a request that reproduces each; the whole list goes to
 * {@code target/fuzz-report-<database>.txt}.
 */
class FuzzSpec {
    private static final long DEFAULT_SEED = 20_261_201L;
    private static final long SEED = Long.getLong("hyperstatus.fuzz.seed", DEFAULT_SEED);
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final int CONCURRENCY = 4;
    private static final String PROJECT = "6f70656e737461636b20697320636f6f6c";
    private static final int MIN_REQUESTS = 5_000;

    // A long service_down_time keeps every host's state still while the corpus runs, so the data compares exactly.
    @RegisterExtension static final TestServerExtension SERVER =
            TestServerExtension.withThreeHosts("[DEFAULT]\nservice_down_time = 86400\n");
    private TestServer server;
    private ThreeHosts hosts;

    /** Every route of every resource, as {@code METHOD /path} below a mount, from the controllers themselves. */
    static List<String> computeRoutes() {
        List<Resource> resources = List.of(new HypervisorsController(null, 1000, true),
                new ServicesController(null, null, null, 1), new AggregatesController(null),
                new AvailabilityZonesController(null, null), new HostsController(null, null, null),
                new ExtensionsController(Set.of()));
        List<String> routes = new ArrayList<>();
        for (Resource resource : resources) {
            resource.routes().forEach(e -> routes.add(e.method() + " " + e.path()));
        }
        Endpoint versions = new VersionDocuments(Optional.empty(), null).byId();
        routes.add(versions.method() + " " + versions.path());
        return routes;
    }

    static List<String> hyperstatusRoutes() {
        List<String> routes = new ArrayList<>();
        new EventsController(null, null, 1000).routes().forEach(e -> routes.add(e.method() + " " + e.path()));
        return routes;
    }

    static List<String> agentRoutes() {
        List<String> routes = new ArrayList<>();
        new AgentController(null).routes().forEach(e -> routes.add(e.method() + " " + e.path()));
        return routes;
    }

    @Test
    void noBadRequestGetsA5xxANonJsonErrorAClassNameASlowAnswerOrChangesTheData() throws IOException {
        String aggregate = createAggregate();
        Reply empty = server.send("POST", "/v2.1/os-aggregates", "{\"aggregate\": {\"name\": \"fuzz-empty\"}}", json());
        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        Corpus corpus = new Corpus(SEED, computeRoutes(), agentRoutes(), hyperstatusRoutes(), new Corpus.Fixture(PROJECT, hosts.service1,
                aggregate, empty.json().get("aggregate").get("id").asText(), ThreeHosts.NODE1));
        Map<String, List<FuzzRequest>> phases = corpus.phases();
        int total = phases.values().stream().mapToInt(List::size).sum();
        assertThat(total).as("requests in the corpus").isGreaterThanOrEqualTo(MIN_REQUESTS);

        List<Violation> violations = new ArrayList<>();
        List<String> dataChanges = new ArrayList<>();
        Map<String, String> before = snapshot();
        StringBuilder timings = new StringBuilder();
        long start = System.nanoTime();
        try (FuzzRunner runner = new FuzzRunner(server.port(), LIMIT, CONCURRENCY)) {
            for (Map.Entry<String, List<FuzzRequest>> phase : phases.entrySet()) {
                long phaseStart = System.nanoTime();
                violations.addAll(runner.run(phase.getValue()));
                String timing = String.format("  %-40s %5d requests %6d ms%n", phase.getKey(),
                        phase.getValue().size(), (System.nanoTime() - phaseStart) / 1_000_000);
                timings.append(timing);
                System.out.print(timing);
                if (!phase.getKey().equals(Corpus.MAY_STORE)) {
                    Map<String, String> after = snapshot();
                    dataChanges.addAll(changes(phase.getKey(), before, after));
                    before = after;
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String report = "fuzz stage on " + TestDatabase.kind() + ": " + total + " requests in " + millis + " ms, seed "
                + SEED + "\n" + timings;
        System.out.print(report.substring(0, report.indexOf('\n') + 1));
        Path file = Path.of("target", "fuzz-report-" + TestDatabase.kind() + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report + FuzzReport.full(SEED, violations, dataChanges), StandardCharsets.UTF_8);

        if (!violations.isEmpty() || !dataChanges.isEmpty()) {
            throw new AssertionError("fuzz stage on " + TestDatabase.kind() + ": "
                    + FuzzReport.summary(SEED, total, violations, dataChanges, 50));
        }
    }

    /** An aggregate with a zone, a host and metadata, so that its routes have something real to refuse to change. */
    private String createAggregate() {
        Reply created = server.send("POST", "/v2.1/os-aggregates",
                "{\"aggregate\": {\"name\": \"fuzz-aggregate\", \"availability_zone\": \"fuzz-zone\"}}", json());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().get("aggregate").get("id").asText();
        for (String action : List.of("{\"add_host\": {\"host\": \"compute-0001\"}}",
                "{\"set_metadata\": {\"metadata\": {\"fuzz\": \"original\"}}}")) {
            Reply reply = server.send("POST", "/v2.1/os-aggregates/" + id + "/action", action, json());
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
        return id;
    }

    private static Map<String, String> json() {
        return Map.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json");
    }

    /** What the API shows of the data: services, hypervisors in detail, aggregates and zones. */
    private Map<String, String> snapshot() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String path : List.of("/v2.1/os-services", "/v2.1/os-hypervisors/detail", "/v2.1/os-aggregates",
                "/v2.1/os-availability-zone/detail")) {
            Reply reply = server.get(path, "2.53");
            JsonNode json = reply.status() == 200 ? reply.json() : null;
            shown.put(path, json == null ? "status " + reply.status() + ": " + reply.body() : json.toString());
        }
        return shown;
    }

    private static List<String> changes(String phase, Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        before.forEach((path, was) -> {
            String now = after.get(path);
            if (!was.equals(now)) {
                int at = 0;
                while (at < Math.min(was.length(), now.length()) && was.charAt(at) == now.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 60);
                changes.add("after phase \"" + phase + "\", GET " + path + " differs: was ..."
                        + was.substring(from, Math.min(was.length(), at + 80)) + "... now ..."
                        + now.substring(from, Math.min(now.length(), at + 80)) + "...");
            }
        });
        return changes;
    }
}
