package io.hyperstatus.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.client.keystone.KeystoneSession;
import io.hyperstatus.client.tls.ClientTls;
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
import io.hyperstatus.protocol.agent.ReportedNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;


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
        this(serverUrls, tokens, timeout, ClientTls.systemTrust());
    }

    /** {@code tls}: how https:// servers are checked, and the agent's client certificate if any. */
    public AgentApiClient(List<String> serverUrls, TokenSource tokens, Duration timeout, ClientTls tls) {
        this(serverUrls, tokens, Map.of(), timeout, tls);
    }

    /** A client sending {@code headers} with every call besides its token (if its token source gives any). */
    public AgentApiClient(List<String> serverUrls, TokenSource tokens, Map<String, String> headers, Duration timeout,
                          ClientTls tls) {
        this.transport = new HttpTransport(serverUrls, tokens, timeout, tls);
        this.headers = Map.copyOf(headers);
    }

    /**
     * A client authenticating as the agent's options say: as its Keystone user, or with noauth2 by the shared secret
     * of {@code [agent] secret_file}, which it then requires (read here, so a missing, unreadable or world-readable
     * file stops start-up).
     */
    public static AgentApiClient create(List<String> serverUrls, AgentOptions options, Duration timeout) {
        if (options.keystone().isPresent()) {
            return new AgentApiClient(serverUrls, KeystoneSession.create(options.keystone().get()), timeout,
                    ClientTls.of(options.tls()));
        }
        String option = AgentOptions.secretFileOption();
        Path file = options.secretFile().orElseThrow(() -> new ConfigException("With [api] auth_strategy = noauth2"
                + " the agent needs " + option + ", the file of its shared secret (see docs/agent-identity.md)"));
        String secret = PrivateFiles.read(file, option).strip();
        if (secret.isEmpty() || !secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConfigException("Invalid value for option " + option + ": '" + file
                    + "' must hold one secret of visible ASCII characters");
        }
        return new AgentApiClient(serverUrls, TokenSource.none(), Map.of(SECRET_HEADER, secret), timeout,
                ClientTls.of(options.tls()));
    }

    public List<RegisteredService> register(List<ServiceKey> services) {
        return inBatches(services, KEY_BATCH, batch -> codec.readRegisterServicesResponse(
                post("/agent/v1/services", json -> codec.write(json, new RegisterServicesRequest(batch)))).services());
    }

    /** Reports nodes, every figure given; returns each node's UUID in order. */
    public List<String> report(List<NodeReport> nodes) {
        return inBatches(nodes, NODE_BATCH, batch -> {
            ComputeNodesRequest request = new ComputeNodesRequest(batch.stream().map(ComputeNodeReport::of).toList());
            return codec.readComputeNodesResponse(post("/agent/v1/compute-nodes", json -> codec.write(json, request)))
                    .computeNodes().stream().map(ReportedNode::uuid).toList();
        });
    }

    /** Heartbeats; returns the services the servers do not know (to register again). */
    public List<ServiceKey> heartbeat(List<ServiceKey> services) {
        return inBatches(services, KEY_BATCH, batch -> codec.readHeartbeatsResponse(
                post("/agent/v1/heartbeats", json -> codec.write(json, new HeartbeatsRequest(batch)))).unknown());
    }

    private JsonNode post(String path, AgentCodec.Writer body) {
        return transport.post(path, codec.toJson(body), headers);
    }

    /** One call per batch of at most {@code size} items, in order; the answers joined in the same order. */
    private static <T, R> List<R> inBatches(List<T> items, int size, Function<List<T>, List<R>> call) {
        List<R> results = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            results.addAll(call.apply(items.subList(from, Math.min(items.size(), from + size))));
        }
        return results;
    }

}
