package io.hyperstatus.agent;

import io.hyperstatus.client.ServerUnreachableException;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.ServiceKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * API servers that remember each call as one line ("register compute-1/nova-compute", "report node-1",
 * "heartbeat compute-1/nova-compute"), can be made unreachable, and can answer that they do not know a service.
 */
final class TestingApiServers implements ApiServers {
    private final List<String> calls = new ArrayList<>();
    private final List<ServiceKey> unknownAtNextHeartbeat = new ArrayList<>();
    private boolean reachable = true;

    /** The calls since the last look, in order; looking forgets them. */
    List<String> takeCalls() {
        List<String> taken = List.copyOf(calls);
        calls.clear();
        return taken;
    }

    void unreachable() {
        reachable = false;
    }

    void reachable() {
        reachable = true;
    }

    /** The next heartbeat answers that these services are unknown, as after an operator deleted them. */
    void forget(ServiceKey... services) {
        unknownAtNextHeartbeat.addAll(List.of(services));
    }

    @Override
    public void register(List<ServiceKey> services) {
        call("register " + keys(services));
    }

    @Override
    public void report(List<NodeReport> nodes) {
        call("report " + nodes.stream().map(NodeReport::uuid).collect(Collectors.joining(", ")));
    }

    @Override
    public List<ServiceKey> heartbeat(List<ServiceKey> services) {
        call("heartbeat " + keys(services));
        List<ServiceKey> unknown = List.copyOf(unknownAtNextHeartbeat);
        unknownAtNextHeartbeat.clear();
        return unknown;
    }

    private void call(String call) {
        if (!reachable) {
            throw new ServerUnreachableException("cannot reach http://api.test: connection refused",
                    new IOException("connection refused"));
        }
        calls.add(call);
    }

    private static String keys(List<ServiceKey> services) {
        return services.stream().map(k -> k.host() + "/" + k.binary()).collect(Collectors.joining(", "));
    }
}
