package io.hyperstatus.agent;

import io.hyperstatus.client.AgentApiClient;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.ServiceKey;
import java.util.List;

/**
 * What the agent asks of the API servers: over HTTP through {@link AgentApiClient} when it runs, and a fake in its
 * tests, so that the loop's timing and retries can be checked without a server.
 */
interface ApiServers {
    void register(List<ServiceKey> services);

    void report(List<NodeReport> nodes);

    /** Heartbeats; returns the services the servers do not know (to register again). */
    List<ServiceKey> heartbeat(List<ServiceKey> services);

    static ApiServers over(AgentApiClient client) {
        return new ApiServers() {
            @Override
            public void register(List<ServiceKey> services) {
                client.register(services);
            }

            @Override
            public void report(List<NodeReport> nodes) {
                client.report(nodes);
            }

            @Override
            public List<ServiceKey> heartbeat(List<ServiceKey> services) {
                return client.heartbeat(services);
            }
        };
    }
}
