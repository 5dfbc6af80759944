package io.hyperstatus.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.client.keystone.KeystoneSession;
import io.hyperstatus.config.AgentOptions;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.ServiceKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;


/**
 * The agent interface ({@code /agent/v1}, see docs/agent-api.md) as Java calls. Large lists go out in batches
 * that stay well under the servers' request size limit.
 */
public final class AgentApiClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final int KEY_BATCH = 1000;
    static final int NODE_BATCH = 100;

    private final HttpTransport transport;

    public AgentApiClient(List<String> serverUrls, TokenSource tokens, Duration timeout) {
        this.transport = new HttpTransport(serverUrls, tokens, timeout);
    }

    /** A client authenticating as the agent's options say: a Keystone service user, or noauth2's fixed token. */
    public static AgentApiClient create(List<String> serverUrls, AgentOptions options, Duration timeout) {
        TokenSource tokens = options.keystone().<TokenSource>map(KeystoneSession::create)
                .orElseGet(() -> TokenSource.fixed(options.authToken()));
        return new AgentApiClient(serverUrls, tokens, timeout);
    }

    /** A service as registered: its database id and UUID. */
    public record Registration(ServiceKey key, long id, String uuid) {
    }

    public List<Registration> register(List<ServiceKey> services) {
        List<Registration> result = new ArrayList<>();
        for (List<ServiceKey> batch : batches(services, KEY_BATCH)) {
            JsonNode answer = transport.call("POST", "/agent/v1/services", keys("services", batch));
            answer.get("services").forEach(s -> result.add(new Registration(
                    new ServiceKey(s.get("host").asText(), s.get("binary").asText()),
                    s.get("id").asLong(), s.get("uuid").asText())));
        }
        return result;
    }

    /** Reports nodes; returns each node's UUID in order. */
    public List<String> report(List<NodeReport> nodes) {
        List<String> uuids = new ArrayList<>();
        for (List<NodeReport> batch : batches(nodes, NODE_BATCH)) {
            ObjectNode body = MAPPER.createObjectNode();
            ArrayNode array = body.putArray("compute_nodes");
            batch.forEach(node -> array.add(json(node)));
            transport.call("POST", "/agent/v1/compute-nodes", body).get("compute_nodes")
                    .forEach(n -> uuids.add(n.get("uuid").asText()));
        }
        return uuids;
    }

    /** Heartbeats; returns the services the servers do not know (to register again). */
    public List<ServiceKey> heartbeat(List<ServiceKey> services) {
        List<ServiceKey> unknown = new ArrayList<>();
        for (List<ServiceKey> batch : batches(services, KEY_BATCH)) {
            transport.call("POST", "/agent/v1/heartbeats", keys("heartbeats", batch)).get("unknown")
                    .forEach(k -> unknown.add(new ServiceKey(k.get("host").asText(), k.get("binary").asText())));
        }
        return unknown;
    }

    private static ObjectNode keys(String field, List<ServiceKey> keys) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode array = body.putArray(field);
        keys.forEach(k -> array.addObject().put("host", k.host()).put("binary", k.binary()));
        return body;
    }

    static ObjectNode json(NodeReport node) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("host", node.host());
        json.put("hypervisor_hostname", node.hypervisorHostname());
        if (node.uuid() != null) {
            json.put("uuid", node.uuid());
        }
        json.put("hypervisor_type", node.hypervisorType());
        json.put("hypervisor_version", node.hypervisorVersion());
        json.put("host_ip", node.hostIp());
        json.put("vcpus", node.vcpus());
        json.put("vcpus_used", node.vcpusUsed());
        json.put("memory_mb", node.memoryMb());
        json.put("memory_mb_used", node.memoryMbUsed());
        json.put("local_gb", node.localGb());
        json.put("local_gb_used", node.localGbUsed());
        json.put("free_ram_mb", node.freeRamMb());
        json.put("free_disk_gb", node.freeDiskGb());
        json.put("current_workload", node.currentWorkload());
        json.put("running_vms", node.runningVms());
        json.put("disk_available_least", node.diskAvailableLeast());
        json.put("cpu_info", node.cpuInfo());
        json.put("uptime", node.uptime());
        ArrayNode instances = json.putArray("instances");
        for (Instance instance : node.instances()) {
            instances.addObject().put("uuid", instance.uuid()).put("name", instance.name());
        }
        return json;
    }

    private static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }

}
