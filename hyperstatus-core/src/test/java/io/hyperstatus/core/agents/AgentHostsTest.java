package io.hyperstatus.core.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentHostsTest {
    @Test
    void aHostNameAllowsThatHostOnly() {
        AgentHosts hosts = new AgentHosts("agent-a", List.of("compute-01"));

        assertThat(hosts.allows("compute-01")).isTrue();
        assertThat(List.of("compute-010", "Compute-01", "compute-0")).noneMatch(hosts::allows);
    }

    @Test
    void aStarStandsForAnyRunOfCharactersAndNothingElseIsSpecial() {
        AgentHosts hosts = new AgentHosts("sim", List.of("sim-*.rack1", "a.b"));

        assertThat(List.of("sim-.rack1", "sim-0001.rack1", "a.b")).allMatch(hosts::allows);
        assertThat(List.of("sim-0001.rack2", "aXb")).noneMatch(hosts::allows);
    }

    @Test
    void aLoneStarAllowsEveryHost() {
        AgentHosts hosts = new AgentHosts("simulator", List.of("*"));

        assertThat(List.of("anything", "")).allMatch(hosts::allows);
    }

    @Test
    void noneAllowsNoHostAndIsNoAgent() {
        assertThat(AgentHosts.NONE.allows("compute-01")).isFalse();
        assertThat(AgentHosts.NONE.isAgent()).isFalse();
        assertThat(new AgentHosts("a", List.of("h")).isAgent()).isTrue();
    }
}
