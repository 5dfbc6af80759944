package io.hyperstatus.client;

import io.hyperstatus.client.keystone.KeystoneSession;
import io.hyperstatus.client.tls.ClientTls;
import io.hyperstatus.config.AgentOptions;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.ServiceKey;
import io.hyperstatus.protocol.agent.AgentCodec;
import io.hyperstatus.protocol.agent.ComputeNodeReport;
import io.hyperstatus.protocol.agent.ComputeNodesRequest;
import io.hyperstatus.protocol.agent.HeartbeatsRequest;
import io.hyperstatus.protocol.agent.RegisterServicesRequest;
import io.hyperstatus.protocol.agent.RegisteredService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;


/**
 * The agent interface ({@code /agent/v1}, see docs/agent-api.md) as Java calls. Large lists go out in batches
 * that stay well under the servers' request size limit.
 */
public final class AgentApiClient {
    static final int KEY_BATCH = 1000;
    static final int NODE_BATCH = 100;

    private final HttpTransport transport;
    private final AgentCodec codec = new AgentCodec();

    public AgentApiClient(List<String> serverUrls, TokenSource tokens, Duration timeout) {
        this(serverUrls, tokens, timeout, ClientTls.systemTrust());
    }

    /** {@code tls}: how https:// servers are checked, and the agent's client certificate if any. */
    public AgentApiClient(List<String> serverUrls, TokenSource tokens, Duration timeout, ClientTls tls) {
        this.transport = new HttpTransport(serverUrls, tokens, timeout, tls);
    }

    /** A client authenticating as the agent's options say: a Keystone service user, or noauth2's fixed token. */
    public static AgentApiClient create(List<String> serverUrls, AgentOptions options, Duration timeout) {
        TokenSource tokens = options.keystone().<TokenSource>map(KeystoneSession::create)
                .orElseGet(() -> TokenSource.fixed(options.authToken()));
        return new AgentApiClient(serverUrls, tokens, timeout, ClientTls.of(options.tls()));
    }

    public List<RegisteredService> register(List<ServiceKey> services) {
        List<RegisteredService> result = new ArrayList<>();
        for (List<ServiceKey> batch : batches(services, KEY_BATCH)) {
            RegisterServicesRequest request = new RegisterServicesRequest(batch);
            String body = codec.toJson(json -> codec.write(json, request));
            result.addAll(codec.readRegisterServicesResponse(transport.post("/agent/v1/services", body)).services());
        }
        return result;
    }

    /** Reports nodes, every figure given; returns each node's UUID in order. */
    public List<String> report(List<NodeReport> nodes) {
        List<String> uuids = new ArrayList<>();
        for (List<NodeReport> batch : batches(nodes, NODE_BATCH)) {
            ComputeNodesRequest request = new ComputeNodesRequest(batch.stream().map(ComputeNodeReport::of).toList());
            String body = codec.toJson(json -> codec.write(json, request));
            codec.readComputeNodesResponse(transport.post("/agent/v1/compute-nodes", body)).computeNodes()
                    .forEach(node -> uuids.add(node.uuid()));
        }
        return uuids;
    }

    /** Heartbeats; returns the services the servers do not know (to register again). */
    public List<ServiceKey> heartbeat(List<ServiceKey> services) {
        List<ServiceKey> unknown = new ArrayList<>();
        for (List<ServiceKey> batch : batches(services, KEY_BATCH)) {
            HeartbeatsRequest request = new HeartbeatsRequest(batch);
            String body = codec.toJson(json -> codec.write(json, request));
            unknown.addAll(codec.readHeartbeatsResponse(transport.post("/agent/v1/heartbeats", body)).unknown());
        }
        return unknown;
    }

    private static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }

}
