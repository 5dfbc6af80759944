package io.hyperstatus.core.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentHostsTest {
    @Test
    void aHostNameAllowsThatHostOnly() {
        AgentHosts hosts = new AgentHosts("agent-a", List.of("compute-01"));

        assertThat(hosts.allows("compute-01")).isTrue();
        assertThat(hosts.allows("compute-010")).isFalse();
        assertThat(hosts.allows("Compute-01")).isFalse();
        assertThat(hosts.allows("compute-0")).isFalse();
    }

    @Test
    void aStarStandsForAnyRunOfCharactersAndNothingElseIsSpecial() {
        AgentHosts hosts = new AgentHosts("sim", List.of("sim-*.rack1", "a.b"));

        assertThat(hosts.allows("sim-.rack1")).isTrue();
        assertThat(hosts.allows("sim-0001.rack1")).isTrue();
        assertThat(hosts.allows("sim-0001.rack2")).isFalse();
        assertThat(hosts.allows("a.b")).isTrue();
        assertThat(hosts.allows("aXb")).isFalse();
    }

    @Test
    void aLoneStarAllowsEveryHost() {
        AgentHosts hosts = new AgentHosts("simulator", List.of("*"));

        assertThat(hosts.allows("anything")).isTrue();
        assertThat(hosts.allows("")).isTrue();
    }

    @Test
    void noneAllowsNoHostAndIsNoAgent() {
        assertThat(AgentHosts.NONE.allows("compute-01")).isFalse();
        assertThat(AgentHosts.NONE.isAgent()).isFalse();
        assertThat(new AgentHosts("a", List.of("h")).isAgent()).isTrue();
    }
}
