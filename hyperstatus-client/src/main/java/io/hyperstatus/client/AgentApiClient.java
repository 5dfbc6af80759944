package io.hyperstatus.client;

import io.hyperstatus.client.keystone.KeystoneSession;
import io.hyperstatus.config.AgentOptions;
import io.hyperstatus.config.ConfigException;
import io.hyperstatus.config.PrivateFiles;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.ServiceKey;
import io.hyperstatus.protocol.agent.AgentCodec;
import io.hyperstatus.protocol.agent.ComputeNodeReport;
import io.hyperstatus.protocol.agent.ComputeNodesRequest;
import io.hyperstatus.protocol.agent.HeartbeatsRequest;
import io.hyperstatus.protocol.agent.RegisterServicesRequest;
import io.hyperstatus.protocol.agent.RegisteredService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * The agent interface ({@code /agent/v1}, see docs/agent-api.md) as Java calls. Large lists go out in batches
 * that stay well under the servers' request size limit.
 */
public final class AgentApiClient {
    static final int KEY_BATCH = 1000;
    static final int NODE_BATCH = 100;

    private final HttpTransport transport;
    private final AgentCodec codec = new AgentCodec();

    /** The header a noauth2 agent presents its shared secret in (see docs/agent-identity.md). */
    public static final String SECRET_HEADER = "X-Hyperstatus-Agent-Secret";

    private final Map<String, String> headers;

    public AgentApiClient(List<String> serverUrls, TokenSource tokens, Duration timeout) {
        this(serverUrls, tokens, Map.of(), timeout);
    }

    /** A client sending {@code headers} with every call besides its token (if its token source gives any). */
    public AgentApiClient(List<String> serverUrls, TokenSource tokens, Map<String, String> headers, Duration timeout) {
        this.transport = new HttpTransport(serverUrls, tokens, timeout);
        this.headers = Map.copyOf(headers);
    }

    /**
     * A client authenticating as the agent's options say: as its Keystone user, or with noauth2 by the shared secret
     * of {@code [agent] secret_file}, which it then requires (read here, so a missing, unreadable or world-readable
     * file stops start-up).
     */
    public static AgentApiClient create(List<String> serverUrls, AgentOptions options, Duration timeout) {
        if (options.keystone().isPresent()) {
            return new AgentApiClient(serverUrls, KeystoneSession.create(options.keystone().get()), timeout);
        }
        String option = AgentOptions.secretFileOption();
        Path file = options.secretFile().orElseThrow(() -> new ConfigException("With [api] auth_strategy = noauth2"
                + " the agent needs " + option + ", the file of its shared secret (see docs/agent-identity.md)"));
        String secret = PrivateFiles.read(file, option).strip();
        if (secret.isEmpty() || !secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConfigException("Invalid value for option " + option + ": '" + file
                    + "' must hold one secret of visible ASCII characters");
        }
        return new AgentApiClient(serverUrls, TokenSource.none(), Map.of(SECRET_HEADER, secret), timeout);
    }

    public List<RegisteredService> register(List<ServiceKey> services) {
        List<RegisteredService> result = new ArrayList<>();
        for (List<ServiceKey> batch : batches(services, KEY_BATCH)) {
            RegisterServicesRequest request = new RegisterServicesRequest(batch);
            String body = codec.toJson(json -> codec.write(json, request));
            result.addAll(codec.readRegisterServicesResponse(transport.post("/agent/v1/services", body, headers))
                    .services());
        }
        return result;
    }

    /** Reports nodes, every figure given; returns each node's UUID in order. */
    public List<String> report(List<NodeReport> nodes) {
        List<String> uuids = new ArrayList<>();
        for (List<NodeReport> batch : batches(nodes, NODE_BATCH)) {
            ComputeNodesRequest request = new ComputeNodesRequest(batch.stream().map(ComputeNodeReport::of).toList());
            String body = codec.toJson(json -> codec.write(json, request));
            codec.readComputeNodesResponse(transport.post("/agent/v1/compute-nodes", body, headers)).computeNodes()
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
            unknown.addAll(codec.readHeartbeatsResponse(transport.post("/agent/v1/heartbeats", body, headers)).unknown());
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
