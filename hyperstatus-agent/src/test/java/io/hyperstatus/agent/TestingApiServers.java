package io.hyperstatus.agent;

import io.hyperstatus.client.ApiCallException;
import io.hyperstatus.client.ServerUnreachableException;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.ServiceKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * API servers that remember each call as one line ("register compute-1/nova-compute", "report node-1",
 * "heartbeat compute-1/nova-compute"), can be made unreachable, can refuse heartbeats with an error status, can
 * answer that they do not know a service, and can hold a heartbeat call until the test lets it go (a wedged call).
 */
final class TestingApiServers implements ApiServers {
    private final List<String> calls = new ArrayList<>();
    private final List<ServiceKey> unknownAtNextHeartbeat = new ArrayList<>();
    private volatile boolean reachable = true;
    private volatile Integer refusal;
    private volatile CountDownLatch heldCall;
    private volatile CountDownLatch callHeld;

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

    /** Heartbeats are answered with this error status (as for an expired credential: 401) until {@link #accept()}. */
    void refuse(int status) {
        refusal = status;
    }

    void accept() {
        refusal = null;
    }

    /**
     * The next heartbeat call does not return until {@link #release()}; the returned latch opens once a call is
     * held, so the test knows the loop is stuck.
     */
    CountDownLatch holdNextHeartbeat() {
        heldCall = new CountDownLatch(1);
        callHeld = new CountDownLatch(1);
        return callHeld;
    }

    void release() {
        CountDownLatch held = heldCall;
        heldCall = null;
        if (held != null) {
            held.countDown();
        }
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
        CountDownLatch held = heldCall;
        if (held != null) {
            callHeld.countDown();
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerUnreachableException("interrupted", e);
            }
        }
        Integer status = refusal;
        if (status != null) {
            throw new ApiCallException(status, "The request you have made requires authentication.");
        }
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
