package io.hyperstatus.server.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a simulated compute host (one nova-compute service and its node) as an agent would report it. */
public final class Host {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String host;
    private final Map<String, Object> node = new LinkedHashMap<>();
    private final List<String[]> instances = new ArrayList<>();
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

    public Host with(String field, Object value) {
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
        instances.add(new String[] {uuid, name});
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

    ObjectNode nodeJson() {
        ObjectNode json = MAPPER.valueToTree(node);
        ArrayNode list = json.putArray("instances");
        for (String[] instance : instances) {
            list.addObject().put("uuid", instance[0]).put("name", instance[1]);
        }
        return json;
    }
}
