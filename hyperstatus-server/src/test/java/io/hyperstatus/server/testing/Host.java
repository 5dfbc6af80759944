package io.hyperstatus.server.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.Reported;
import io.hyperstatus.protocol.agent.AgentCodec;
import io.hyperstatus.protocol.agent.ComputeNodeReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Builds a simulated compute host (one nova-compute service and its node) as an agent would report it. */
public final class Host {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AgentCodec CODEC = new AgentCodec();
    private static final Set<String> FIELDS = Set.of("host", "hypervisor_hostname", "uuid", "hypervisor_type",
            "hypervisor_version", "host_ip", "vcpus", "vcpus_used", "memory_mb", "memory_mb_used", "local_gb",
            "local_gb_used", "free_ram_mb", "free_disk_gb", "current_workload", "running_vms", "disk_available_least",
            "cpu_info", "uptime");

    private final String host;
    private final Map<String, Object> node = new LinkedHashMap<>();
    private final List<Instance> instances = new ArrayList<>();
    private boolean heartbeat = true;

    private Host(String host) {
        this.host = host;
        node.put("host", host);
        node.put("hypervisor_hostname", host + ".example.org");
        node.put("hypervisor_type", "QEMU");
        node.put("hypervisor_version", 8002000);
        node.put("host_ip", "192.0.2.10");
        node.put("vcpus", 32);
        node.put("vcpus_used", 4);
        node.put("memory_mb", 131072);
        node.put("memory_mb_used", 8704);
        node.put("local_gb", 1000);
        node.put("local_gb_used", 80);
        node.put("disk_available_least", 900);
        node.put("cpu_info", "{\"arch\": \"x86_64\", \"vendor\": \"AMD\"}");
        node.put("uptime", " 06:45:30 up 120 days, 17:53,  4 users,  load average: 1.91, 2.56, 0.60");
    }

    public static Host named(String host) {
        return new Host(host);
    }

    /** Sets a field of the node report by its wire name; fields never set are left out of the report. */
    public Host with(String field, Object value) {
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException("not a field of a node report: " + field);
        }
        node.put(field, value);
        return this;
    }

    public Host uuid(String uuid) {
        return with("uuid", uuid);
    }

    public Host hypervisorHostname(String name) {
        return with("hypervisor_hostname", name);
    }

    public Host instance(String uuid, String name) {
        instances.add(new Instance(uuid, name));
        return this;
    }

    /** A host whose agent registered and reported but never heartbeated. */
    public Host withoutHeartbeat() {
        heartbeat = false;
        return this;
    }

    public String host() {
        return host;
    }

    public String hypervisorHostname() {
        return (String) node.get("hypervisor_hostname");
    }

    boolean heartbeats() {
        return heartbeat;
    }

    /** The node as the agent interface carries it: fields never set are left out, so the server fills them in. */
    ComputeNodeReport report() {
        return new ComputeNodeReport((String) node.get("host"), (String) node.get("hypervisor_hostname"),
                (String) node.get("uuid"), (String) node.get("hypervisor_type"), number("hypervisor_version"),
                (String) node.get("host_ip"), (int) number("vcpus"), (int) number("vcpus_used"), number("memory_mb"),
                number("memory_mb_used"), number("local_gb"), number("local_gb_used"),
                figure("free_ram_mb", Number::longValue), figure("free_disk_gb", Number::longValue),
                figure("current_workload", Number::intValue), figure("running_vms", Number::intValue),
                node.get("disk_available_least") == null ? null : number("disk_available_least"),
                node.containsKey("cpu_info") ? (String) node.get("cpu_info") : "", (String) node.get("uptime"),
                instances);
    }

    public ObjectNode nodeJson() {
        try {
            return (ObjectNode) MAPPER.readTree(CODEC.toJson(json -> CODEC.write(json, report())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long number(String field) {
        Object value = node.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private <T> Reported<T> figure(String field, Function<Number, T> type) {
        if (!node.containsKey(field)) {
            return Reported.leftOut();
        }
        Object value = node.get(field);
        return Reported.of(value == null ? null : type.apply((Number) value));
    }
}
