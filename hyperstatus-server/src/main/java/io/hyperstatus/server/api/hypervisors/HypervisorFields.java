package io.hyperstatus.server.api.hypervisors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.Instance;
import java.io.IOException;
import java.util.List;

/**
 * The fields every hypervisor view shares, written the same way in all of them. Field names are encoded once:
 * a full listing writes them hundreds of thousands of times.
 */
final class HypervisorFields {
    private static final SerializableString ID = name("id");
    private static final SerializableString HYPERVISOR_HOSTNAME = name("hypervisor_hostname");
    private static final SerializableString STATE = name("state");
    private static final SerializableString STATUS = name("status");
    private static final SerializableString HOST_IP = name("host_ip");
    private static final SerializableString HYPERVISOR_TYPE = name("hypervisor_type");
    private static final SerializableString HYPERVISOR_VERSION = name("hypervisor_version");
    private static final SerializableString SERVICE = name("service");
    private static final SerializableString HOST = name("host");
    private static final SerializableString DISABLED_REASON = name("disabled_reason");
    private static final SerializableString VCPUS = name("vcpus");
    private static final SerializableString MEMORY_MB = name("memory_mb");
    private static final SerializableString LOCAL_GB = name("local_gb");
    private static final SerializableString VCPUS_USED = name("vcpus_used");
    private static final SerializableString MEMORY_MB_USED = name("memory_mb_used");
    private static final SerializableString LOCAL_GB_USED = name("local_gb_used");
    private static final SerializableString FREE_RAM_MB = name("free_ram_mb");
    private static final SerializableString FREE_DISK_GB = name("free_disk_gb");
    private static final SerializableString CURRENT_WORKLOAD = name("current_workload");
    private static final SerializableString RUNNING_VMS = name("running_vms");
    private static final SerializableString DISK_AVAILABLE_LEAST = name("disk_available_least");
    private static final SerializableString SERVERS = name("servers");
    private static final SerializableString NAME = name("name");
    private static final SerializableString UUID = name("uuid");

    private HypervisorFields() {
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }

    private static void writeId(JsonGenerator json, long id, String uuid, HypervisorProfile format) throws IOException {
        json.writeFieldName(ID);
        if (format.uuidIds()) {
            json.writeString(uuid);
        } else {
            json.writeNumber(id);
        }
    }

    /** id, hypervisor_hostname, and (unless the legacy status extension is unloaded) state and status. */
    static void writeSummary(JsonGenerator json, Hypervisor hypervisor, HypervisorProfile format) throws IOException {
        writeId(json, hypervisor.node().id(), hypervisor.node().uuid(), format);
        writeString(json, HYPERVISOR_HOSTNAME, hypervisor.node().hypervisorHostname());
        if (format.showStatus()) {
            writeString(json, STATE, hypervisor.state().wireName());
            writeString(json, STATUS, hypervisor.status().wireName());
        }
    }

    /** host_ip, hypervisor type and version, and the service block. */
    static void writeHostAndService(JsonGenerator json, Hypervisor hypervisor, HypervisorProfile format)
            throws IOException {
        writeString(json, HOST_IP, hypervisor.node().resources().hostIp());
        writeString(json, HYPERVISOR_TYPE, hypervisor.node().resources().hypervisorType());
        writeNumber(json, HYPERVISOR_VERSION, hypervisor.node().resources().hypervisorVersion());
        json.writeFieldName(SERVICE);
        json.writeStartObject();
        writeString(json, HOST, hypervisor.service().host());
        writeId(json, hypervisor.service().id(), hypervisor.service().uuid(), format);
        if (format.showStatus()) {
            writeString(json, DISABLED_REASON, hypervisor.service().disabledReason());
        }
        json.writeEndObject();
    }

    /** The resource counters shown before 2.88. */
    static void writeStatistics(JsonGenerator json, Hypervisor hypervisor) throws IOException {
        var node = hypervisor.node().resources();
        writeNumber(json, VCPUS, node.vcpus());
        writeNumber(json, MEMORY_MB, node.memoryMb());
        writeNumber(json, LOCAL_GB, node.localGb());
        writeNumber(json, VCPUS_USED, node.vcpusUsed());
        writeNumber(json, MEMORY_MB_USED, node.memoryMbUsed());
        writeNumber(json, LOCAL_GB_USED, node.localGbUsed());
        writeNullable(json, FREE_RAM_MB, node.freeRamMb());
        writeNullable(json, FREE_DISK_GB, node.freeDiskGb());
        writeNullable(json, CURRENT_WORKLOAD, node.currentWorkload());
        writeNullable(json, RUNNING_VMS, node.runningVms());
        writeNullable(json, DISK_AVAILABLE_LEAST, node.diskAvailableLeast());
    }

    /** The servers list when with_servers asked for it: omitted when empty before 2.75, {@code []} from 2.75. */
    static void writeServers(JsonGenerator json, List<Instance> servers, HypervisorProfile format) throws IOException {
        if (servers == null || (servers.isEmpty() && !format.emptyServersShown())) {
            return;
        }
        json.writeFieldName(SERVERS);
        json.writeStartArray();
        for (Instance server : servers) {
            json.writeStartObject();
            writeString(json, NAME, server.name());
            writeString(json, UUID, server.uuid());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeString(JsonGenerator json, SerializableString field, String value) throws IOException {
        json.writeFieldName(field);
        json.writeString(value);
    }

    private static void writeNumber(JsonGenerator json, SerializableString field, long value) throws IOException {
        json.writeFieldName(field);
        json.writeNumber(value);
    }

    /**
     * A number, or null. Not {@code writeObject}: these generators carry the object mapper, which would look up a
     * serializer for each value of every hypervisor of a list.
     */
    private static void writeNullable(JsonGenerator json, SerializableString field, Number value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value.longValue());
        }
    }
}
