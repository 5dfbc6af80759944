package io.hyperstatus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server and a real agent process with the fake driver: heartbeats of 0.5 s, hosts down after 2 s.
 */
class AgentEndToEndSpec {
    private static final String TIMING = "[DEFAULT]\nservice_down_time = 2\nreport_interval = 0.5\n";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path folder;
    private TestServer server;
    private final List<AgentProcessHandle> agents = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = TestServer.start(TIMING);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AgentProcessHandle agent : agents) {
            agent.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Path agentConfig(String host, String hostsFileJson) throws Exception {
        Path state = Files.createDirectories(folder.resolve("state-" + host));
        StringBuilder config = new StringBuilder("[DEFAULT]\nhost = " + host + "\nstate_path = " + state
                + "\nreport_interval = 0.5\nservice_down_time = 2\ncompute_driver = fake.FakeDriver\n"
                + "update_resources_interval = 5\n[agent]\napi_servers = " + server.baseUrl() + "\n"
                + "secret_file = " + AgentProcessHandle.secretFile(folder) + "\n"
                // Several agents run at once: each serves its metrics on a free port.
                + "[metrics]\nagent_port = 0\n");
        if (hostsFileJson != null) {
            Path hosts = folder.resolve("hosts-" + host + ".json");
            Files.writeString(hosts, hostsFileJson);
            config.append("[fake]\nhosts_file = ").append(hosts).append('\n');
        }
        Path file = folder.resolve("agent-" + host + ".conf");
        Files.writeString(file, config.toString());
        return file;
    }

    private AgentProcessHandle startAgent(Path config) throws Exception {
        AgentProcessHandle agent = AgentProcessHandle.start(config);
        agents.add(agent);
        return agent;
    }

    private JsonNode hypervisors() {
        return server.get("/v2.1/os-hypervisors/detail", "2.88").json().get("hypervisors");
    }

    private JsonNode waitFor(String what, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = hypervisors();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        StringBuilder logs = new StringBuilder();
        for (AgentProcessHandle agent : agents) {
            String log = agent.log();
            logs.append("\n--- agent log ---\n").append(log.substring(Math.max(0, log.length() - 3000)));
        }
        throw new AssertionError("timed out waiting until " + what + "; last answer: " + last + logs);
    }

    private static Predicate<JsonNode> hostState(String host, String state) {
        return list -> {
            for (JsonNode h : list) {
                if (h.get("service").get("host").asText().equals(host)) {
                    return h.get("state").asText().equals(state);
                }
            }
            return false;
        };
    }

    @Test
    void newAgentsHostAppearsUpAndEnabled() throws Exception {
        startAgent(agentConfig("compute-e2e", null));
        JsonNode list = waitFor("compute-e2e is up", hostState("compute-e2e", "up"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("status").asText()).isEqualTo("enabled");
        assertThat(list.get(0).get("hypervisor_hostname").asText()).isEqualTo("compute-e2e");
        assertThat(list.get(0).get("hypervisor_type").asText()).isEqualTo("fake");
    }

    @Test
    void killedAgentsHostTurnsDownWithinServiceDownTimePlusOneInterval() throws Exception {
        AgentProcessHandle agent = startAgent(agentConfig("compute-kill", null));
        waitFor("compute-kill is up", hostState("compute-kill", "up"));
        agent.kill();
        long killedAt = System.nanoTime();
        waitFor("compute-kill is down", hostState("compute-kill", "down"));
        Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
        // down time 2 s plus one 0.5 s interval, plus the polling step and a generous margin for a loaded machine
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        assertThat(took).isGreaterThan(Duration.ofSeconds(1));
    }

    @Test
    void restartedAgentComesBackUpWithTheSameIds() throws Exception {
        Path config = agentConfig("compute-restart", null);
        AgentProcessHandle first = startAgent(config);
        JsonNode before = waitFor("up", hostState("compute-restart", "up"));
        first.kill();
        waitFor("down", hostState("compute-restart", "down"));
        startAgent(config);
        JsonNode after = waitFor("up again", hostState("compute-restart", "up"));
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("id")).isEqualTo(before.get(0).get("id"));
        assertThat(after.get(0).get("service").get("id")).isEqualTo(before.get(0).get("service").get("id"));
        assertThat(server.get("/v2.1/os-services").json().get("services")).hasSize(1);
    }

    @Test
    void disablingTheHostWithAReasonShowsInDetailAndShow() throws Exception {
        startAgent(agentConfig("compute-disable", null));
        JsonNode list = waitFor("up", hostState("compute-disable", "up"));
        String serviceId = list.get(0).get("service").get("id").asText();
        Reply put = server.put("/v2.1/os-services/" + serviceId, "2.53",
                "{\"status\": \"disabled\", \"disabled_reason\": \"firmware upgrade\"}");
        assertThat(put.status()).isEqualTo(200);
        JsonNode detail = hypervisors().get(0);
        assertThat(detail.get("status").asText()).isEqualTo("disabled");
        assertThat(detail.get("state").asText()).isEqualTo("up");
        assertThat(detail.get("service").get("disabled_reason").asText()).isEqualTo("firmware upgrade");
        JsonNode show = server.get("/v2.1/os-hypervisors/" + detail.get("id").asText(), "2.88").json().get("hypervisor");
        assertThat(show.get("status").asText()).isEqualTo("disabled");
        assertThat(show.get("service").get("disabled_reason").asText()).isEqualTo("firmware upgrade");
    }

    @Test
    void simulatedHostsFollowTheHostsFileAndOneWithoutHeartbeatIsDown() throws Exception {
        startAgent(agentConfig("simulator", """
                {"services": [{"host": "controller", "binary": "nova-scheduler"}],
                 "hosts": [{"host": "sim-01", "uuid": "31bfbb40-558b-58b7-9d75-86cda558a1ce", "vcpus": 32,
                            "vcpus_used": 4, "memory_mb": 131072, "memory_mb_used": 8704, "local_gb": 1000,
                            "local_gb_used": 80, "cpu_info": {"arch": "x86_64"},
                            "instances": [{"uuid": "2bd0c710-beb0-5cfd-9396-d394db959a45", "name": "instance-00000001"}]},
                           {"host": "sim-02", "heartbeat": false}]}
                """));
        waitFor("sim-01 up and sim-02 down", list -> hostState("sim-01", "up").test(list)
                && hostState("sim-02", "down").test(list));
        JsonNode detail = server.get("/v2.1/os-hypervisors/31bfbb40-558b-58b7-9d75-86cda558a1ce?with_servers=true",
                "2.53").json().get("hypervisor");
        assertThat(detail.get("free_ram_mb").asLong()).isEqualTo(131072 - 8704);
        assertThat(detail.get("free_disk_gb").asLong()).isEqualTo(920);
        assertThat(detail.get("running_vms").asInt()).isEqualTo(1);
        assertThat(detail.get("servers").get(0).get("name").asText()).isEqualTo("instance-00000001");
        JsonNode services = server.get("/v2.1/os-services?binary=nova-scheduler").json().get("services");
        assertThat(services).hasSize(1);
        assertThat(services.get(0).get("state").asText()).isEqualTo("up");
        assertThat(services.get(0).get("zone").asText()).isEqualTo("internal");
    }

    @Test
    void serverOutageLosesNoHostAndCreatesNoDuplicate() throws Exception {
        startAgent(agentConfig("compute-outage", null));
        JsonNode before = waitFor("up", hostState("compute-outage", "up"));
        String databaseUrl = server.databaseUrl();
        int port = server.port();
        server.close();
        Thread.sleep(3000);
        server = TestServer.start(databaseUrl, port, TIMING);
        JsonNode after = waitFor("up after the outage", hostState("compute-outage", "up"));
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("id")).isEqualTo(before.get(0).get("id"));
        assertThat(server.get("/v2.1/os-services").json().get("services")).hasSize(1);
    }

    @Test
    void deletedServiceIsRegisteredAgainByItsAgent() throws Exception {
        startAgent(agentConfig("compute-deleted", null));
        JsonNode before = waitFor("up", hostState("compute-deleted", "up"));
        assertThat(server.delete("/v2.1/os-services/" + before.get(0).get("service").get("id").asText(), "2.53").status())
                .isEqualTo(204);
        JsonNode after = waitFor("registered again", hostState("compute-deleted", "up"));
        assertThat(after.get(0).get("service").get("id")).isNotEqualTo(before.get(0).get("service").get("id"));
        assertThat(after.get(0).get("id")).isEqualTo(before.get(0).get("id"));
    }

    @Test
    void sigtermStopsTheAgentCleanly() throws Exception {
        AgentProcessHandle agent = startAgent(agentConfig("compute-term", null));
        waitFor("up", hostState("compute-term", "up"));
        assertThat(agent.terminate()).isTrue();
        assertThat(agent.log()).doesNotContain("Exception");
    }

    @Test
    void agentRefusesToStartWhenItsKeptNodeBelongsToAnotherHost() throws Exception {
        Path config = agentConfig("compute-named", null);
        AgentProcessHandle first = startAgent(config);
        waitFor("up", hostState("compute-named", "up"));
        first.kill();
        // Same state directory and node name, but the agent now claims another host name.
        Path renamed = folder.resolve("renamed.conf");
        Files.writeString(renamed, Files.readString(config).replace("host = compute-named", "host = compute-renamed")
                + "[fake]\nhosts_file = " + folder.resolve("renamed-hosts.json") + "\n");
        Files.writeString(folder.resolve("renamed-hosts.json"),
                "{\"hosts\": [{\"host\": \"compute-renamed\", \"hypervisor_hostname\": \"compute-named\"}]}");
        AgentProcessHandle second = startAgent(renamed);
        assertThat(second.waitForExit(20)).isTrue();
        assertThat(second.exitCode()).isNotZero();
        assertThat(second.log()).contains("was registered by host compute-named");
    }
}
