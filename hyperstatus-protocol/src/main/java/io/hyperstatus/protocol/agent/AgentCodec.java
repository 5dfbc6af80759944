package io.hyperstatus.protocol.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.Reported;
import io.hyperstatus.domain.ServiceKey;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of the agent interface's requests and answers (docs/agent-api.md), both ways. Writing goes to a
 * caller's generator, so each side keeps its own output settings (the server escapes non-ASCII characters, the
 * agent does not); fields come out in the documented order. Reading takes a parsed body the server has already
 * validated against its schema, so it does not check types again.
 */
public final class AgentCodec {
    private final JsonFactory factory = new JsonFactory();

    /** Writes one value with {@code writer} into a string, compact and unescaped: the body an agent sends. */
    public String toJson(Writer writer) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = factory.createGenerator(text)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Writes one JSON value to a generator. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    // ---- POST /agent/v1/services ---------------------------------------------------------------------------

    public void write(JsonGenerator json, RegisterServicesRequest request) throws IOException {
        writeKeys(json, "services", request.services());
    }

    public RegisterServicesRequest readRegisterServicesRequest(JsonNode body) {
        return new RegisterServicesRequest(keys(body.get("services")));
    }

    public void write(JsonGenerator json, RegisterServicesResponse response) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("services");
        for (RegisteredService service : response.services()) {
            json.writeStartObject();
            json.writeStringField("host", service.host());
            json.writeStringField("binary", service.binary());
            json.writeNumberField("id", service.id());
            json.writeStringField("uuid", service.uuid());
            json.writeBooleanField("created", service.created());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    public RegisterServicesResponse readRegisterServicesResponse(JsonNode body) {
        List<RegisteredService> services = new ArrayList<>();
        body.get("services").forEach(s -> services.add(new RegisteredService(s.get("host").asText(),
                s.get("binary").asText(), s.get("id").asLong(), s.get("uuid").asText(), s.path("created").asBoolean())));
        return new RegisterServicesResponse(services);
    }

    // ---- POST /agent/v1/heartbeats -------------------------------------------------------------------------

    public void write(JsonGenerator json, HeartbeatsRequest request) throws IOException {
        writeKeys(json, "heartbeats", request.heartbeats());
    }

    public HeartbeatsRequest readHeartbeatsRequest(JsonNode body) {
        return new HeartbeatsRequest(keys(body.get("heartbeats")));
    }

    public void write(JsonGenerator json, HeartbeatsResponse response) throws IOException {
        writeKeys(json, "unknown", response.unknown());
    }

    public HeartbeatsResponse readHeartbeatsResponse(JsonNode body) {
        return new HeartbeatsResponse(keys(body.get("unknown")));
    }

    // ---- POST /agent/v1/compute-nodes ----------------------------------------------------------------------

    public void write(JsonGenerator json, ComputeNodesRequest request) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("compute_nodes");
        for (ComputeNodeReport node : request.computeNodes()) {
            write(json, node);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    public ComputeNodesRequest readComputeNodesRequest(JsonNode body) {
        List<ComputeNodeReport> nodes = new ArrayList<>();
        body.get("compute_nodes").forEach(node -> nodes.add(readComputeNode(node)));
        return new ComputeNodesRequest(nodes);
    }

    public void write(JsonGenerator json, ComputeNodesResponse response) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("compute_nodes");
        for (ReportedNode node : response.computeNodes()) {
            json.writeStartObject();
            json.writeStringField("host", node.host());
            json.writeStringField("hypervisor_hostname", node.hypervisorHostname());
            json.writeStringField("uuid", node.uuid());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    public ComputeNodesResponse readComputeNodesResponse(JsonNode body) {
        List<ReportedNode> nodes = new ArrayList<>();
        body.get("compute_nodes").forEach(n -> nodes.add(new ReportedNode(n.get("host").asText(),
                n.get("hypervisor_hostname").asText(), n.get("uuid").asText())));
        return new ComputeNodesResponse(nodes);
    }

    /** One node: a missing UUID is left out, other unknown figures are written as null, left-out ones not at all. */
    public void write(JsonGenerator json, ComputeNodeReport node) throws IOException {
        json.writeStartObject();
        json.writeStringField("host", node.host());
        json.writeStringField("hypervisor_hostname", node.hypervisorHostname());
        if (node.uuid() != null) {
            json.writeStringField("uuid", node.uuid());
        }
        json.writeStringField("hypervisor_type", node.hypervisorType());
        json.writeNumberField("hypervisor_version", node.hypervisorVersion());
        json.writeStringField("host_ip", node.hostIp());
        json.writeNumberField("vcpus", node.vcpus());
        json.writeNumberField("vcpus_used", node.vcpusUsed());
        json.writeNumberField("memory_mb", node.memoryMb());
        json.writeNumberField("memory_mb_used", node.memoryMbUsed());
        json.writeNumberField("local_gb", node.localGb());
        json.writeNumberField("local_gb_used", node.localGbUsed());
        writeFigure(json, "free_ram_mb", node.freeRamMb());
        writeFigure(json, "free_disk_gb", node.freeDiskGb());
        writeFigure(json, "current_workload", node.currentWorkload());
        writeFigure(json, "running_vms", node.runningVms());
        writeNumberOrNull(json, "disk_available_least", node.diskAvailableLeast());
        json.writeStringField("cpu_info", node.cpuInfo());
        json.writeStringField("uptime", node.uptime());
        json.writeArrayFieldStart("instances");
        for (Instance instance : node.instances()) {
            json.writeStartObject();
            json.writeStringField("uuid", instance.uuid());
            json.writeStringField("name", instance.name());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static ComputeNodeReport readComputeNode(JsonNode node) {
        List<Instance> instances = new ArrayList<>();
        node.path("instances").forEach(i -> instances.add(new Instance(i.get("uuid").asText(), i.get("name").asText())));
        JsonNode cpuInfo = node.get("cpu_info");
        return new ComputeNodeReport(
                node.get("host").asText(),
                node.get("hypervisor_hostname").asText(),
                textOrNull(node.get("uuid")),
                node.get("hypervisor_type").asText(),
                node.get("hypervisor_version").asLong(),
                textOrNull(node.get("host_ip")),
                node.get("vcpus").asInt(),
                node.path("vcpus_used").asInt(0),
                node.get("memory_mb").asLong(),
                node.path("memory_mb_used").asLong(0),
                node.get("local_gb").asLong(),
                node.path("local_gb_used").asLong(0),
                node.has("free_ram_mb") ? Reported.of(longOrNull(node.get("free_ram_mb"))) : Reported.leftOut(),
                node.has("free_disk_gb") ? Reported.of(longOrNull(node.get("free_disk_gb"))) : Reported.leftOut(),
                node.has("current_workload") ? Reported.of(intOrNull(node.get("current_workload"))) : Reported.leftOut(),
                node.has("running_vms") ? Reported.of(intOrNull(node.get("running_vms"))) : Reported.leftOut(),
                longOrNull(node.get("disk_available_least")),
                cpuInfo == null ? "" : cpuInfo.isTextual() ? cpuInfo.textValue() : cpuInfo.toString(),
                textOrNull(node.get("uptime")),
                instances);
    }

    // ---- shared pieces ---------------------------------------------------------------------------------------

    private static void writeKeys(JsonGenerator json, String field, List<ServiceKey> keys) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart(field);
        for (ServiceKey key : keys) {
            json.writeStartObject();
            json.writeStringField("host", key.host());
            json.writeStringField("binary", key.binary());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static List<ServiceKey> keys(JsonNode array) {
        List<ServiceKey> keys = new ArrayList<>();
        array.forEach(k -> keys.add(new ServiceKey(k.get("host").asText(), k.get("binary").asText())));
        return keys;
    }

    private static void writeFigure(JsonGenerator json, String field, Reported<? extends Number> figure)
            throws IOException {
        if (figure.given()) {
            writeNumberOrNull(json, field, figure.value());
        }
    }

    private static void writeNumberOrNull(JsonGenerator json, String field, Number value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value.longValue());
        }
    }

    private static String textOrNull(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long longOrNull(JsonNode value) {
        return value == null || value.isNull() ? null : value.asLong();
    }

    private static Integer intOrNull(JsonNode value) {
        return value == null || value.isNull() ? null : value.asInt();
    }
}
