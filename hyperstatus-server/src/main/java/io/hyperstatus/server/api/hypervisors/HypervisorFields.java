package io.hyperstatus.server.api.hypervisors;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.Instance;
import java.io.IOException;
import java.util.List;

/** The fields every hypervisor view shares, written the same way in all of them. */
final class HypervisorFields {
    private HypervisorFields() {
    }

    static void writeId(JsonGenerator json, String field, long id, String uuid, HypervisorFormat format)
            throws IOException {
        if (format.uuidIds()) {
            json.writeStringField(field, uuid);
        } else {
            json.writeNumberField(field, id);
        }
    }

    /** id, hypervisor_hostname, and (unless the legacy status extension is unloaded) state and status. */
    static void writeSummary(JsonGenerator json, Hypervisor hypervisor, HypervisorFormat format) throws IOException {
        writeId(json, "id", hypervisor.node().id(), hypervisor.node().uuid(), format);
        json.writeStringField("hypervisor_hostname", hypervisor.node().hypervisorHostname());
        if (format.showStatus()) {
            json.writeStringField("state", hypervisor.state().wireName());
            json.writeStringField("status", hypervisor.status().wireName());
        }
    }

    /** host_ip, hypervisor type and version, and the service block. */
    static void writeHostAndService(JsonGenerator json, Hypervisor hypervisor, HypervisorFormat format)
            throws IOException {
        json.writeStringField("host_ip", hypervisor.node().hostIp());
        json.writeStringField("hypervisor_type", hypervisor.node().hypervisorType());
        json.writeNumberField("hypervisor_version", hypervisor.node().hypervisorVersion());
        json.writeObjectFieldStart("service");
        json.writeStringField("host", hypervisor.service().host());
        writeId(json, "id", hypervisor.service().id(), hypervisor.service().uuid(), format);
        if (format.showStatus()) {
            json.writeStringField("disabled_reason", hypervisor.service().disabledReason());
        }
        json.writeEndObject();
    }

    /** The resource counters shown before 2.88. */
    static void writeStatistics(JsonGenerator json, Hypervisor hypervisor) throws IOException {
        var node = hypervisor.node();
        json.writeNumberField("vcpus", node.vcpus());
        json.writeNumberField("memory_mb", node.memoryMb());
        json.writeNumberField("local_gb", node.localGb());
        json.writeNumberField("vcpus_used", node.vcpusUsed());
        json.writeNumberField("memory_mb_used", node.memoryMbUsed());
        json.writeNumberField("local_gb_used", node.localGbUsed());
        writeNullable(json, "free_ram_mb", node.freeRamMb());
        writeNullable(json, "free_disk_gb", node.freeDiskGb());
        writeNullable(json, "current_workload", node.currentWorkload());
        writeNullable(json, "running_vms", node.runningVms());
        writeNullable(json, "disk_available_least", node.diskAvailableLeast());
    }

    /** The servers list when with_servers asked for it: omitted when empty before 2.75, {@code []} from 2.75. */
    static void writeServers(JsonGenerator json, List<Instance> servers, HypervisorFormat format) throws IOException {
        if (servers == null || (servers.isEmpty() && !format.emptyServersShown())) {
            return;
        }
        json.writeArrayFieldStart("servers");
        for (Instance server : servers) {
            json.writeStartObject();
            json.writeStringField("name", server.name());
            json.writeStringField("uuid", server.uuid());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeNullable(JsonGenerator json, String field, Number value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value.longValue());
        }
    }
}
