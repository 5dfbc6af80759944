package io.hyperstatus.agent;

import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.NodeResources;
import io.hyperstatus.domain.ServiceKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A driver whose hosts the test sets: one node per host, with the resources and uptime the test gives. */
final class TestingDriver implements ComputeDriver {
    private final Map<String, NodeReport> nodes = new LinkedHashMap<>();
    private final List<ServiceKey> otherServices = new ArrayList<>();
    private RuntimeException nextFailure;

    /** Adds or replaces the host's node; its UUID is {@code node-<host>}. */
    TestingDriver host(String host, int vcpusUsed, String uptime) {
        nodes.put(host, new NodeReport(host, host + ".example.org", "node-" + host, new NodeResources("QEMU", 8002000,
                "192.0.2.10", 32, vcpusUsed, 131072, 8704, 1000, 80, null, null, null, 0, 900L, "{}", uptime),
                List.of()));
        return this;
    }

    TestingDriver otherService(String host, String binary) {
        otherServices.add(new ServiceKey(host, binary));
        return this;
    }

    /** The next read of the hosts fails, as when libvirt restarts under the agent. */
    void failNextRead(RuntimeException failure) {
        nextFailure = failure;
    }

    @Override
    public List<ReportedHost> hosts() {
        if (nextFailure != null) {
            RuntimeException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        return nodes.values().stream().map(node -> new ReportedHost(node, true)).toList();
    }

    @Override
    public List<ServiceKey> otherServices() {
        return List.copyOf(otherServices);
    }
}
