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
import java.util.function.Function;

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
        writeListOfObjects(json, "services", response.services(), (out, service) -> {
            out.writeStringField("host", service.host());
            out.writeStringField("binary", service.binary());
            out.writeNumberField("id", service.id());
            out.writeStringField("uuid", service.uuid());
            out.writeBooleanField("created", service.created());
        });
    }

    public RegisterServicesResponse readRegisterServicesResponse(JsonNode body) {
        return new RegisterServicesResponse(readList(body.get("services"), s -> new RegisteredService(
                s.get("host").asText(), s.get("binary").asText(), s.get("id").asLong(), s.get("uuid").asText(),
                s.path("created").asBoolean())));
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
        writeListObject(json, "compute_nodes", request.computeNodes(), this::write);
    }

    public ComputeNodesRequest readComputeNodesRequest(JsonNode body) {
        return new ComputeNodesRequest(readList(body.get("compute_nodes"), AgentCodec::readComputeNode));
    }

    public void write(JsonGenerator json, ComputeNodesResponse response) throws IOException {
        writeListOfObjects(json, "compute_nodes", response.computeNodes(), (out, node) -> {
            out.writeStringField("host", node.host());
            out.writeStringField("hypervisor_hostname", node.hypervisorHostname());
            out.writeStringField("uuid", node.uuid());
        });
    }

    public ComputeNodesResponse readComputeNodesResponse(JsonNode body) {
        return new ComputeNodesResponse(readList(body.get("compute_nodes"), n -> new ReportedNode(
                n.get("host").asText(), n.get("hypervisor_hostname").asText(), n.get("uuid").asText())));
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
        json.writeFieldName("disk_available_least");
        json.writeObject(node.diskAvailableLeast());
        json.writeStringField("cpu_info", node.cpuInfo());
        json.writeStringField("uptime", node.uptime());
        writeArray(json, "instances", node.instances(), (out, instance) -> {
            out.writeStartObject();
            out.writeStringField("uuid", instance.uuid());
            out.writeStringField("name", instance.name());
            out.writeEndObject();
        });
        json.writeEndObject();
    }

    private static ComputeNodeReport readComputeNode(JsonNode node) {
        List<Instance> instances = readList(node.path("instances"),
                i -> new Instance(i.get("uuid").asText(), i.get("name").asText()));
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

    /** Writes one item of a list. */
    @FunctionalInterface
    private interface ItemWriter<T> {
        void write(JsonGenerator json, T item) throws IOException;
    }

    /** {@code {"field": [item, ...]}}: the shape of every request and answer of the interface. */
    private static <T> void writeListObject(JsonGenerator json, String field, List<T> items, ItemWriter<T> item)
            throws IOException {
        json.writeStartObject();
        writeArray(json, field, items, item);
        json.writeEndObject();
    }

    /** {@code {"field": [...]}} with an object for each item, whose fields {@code fields} writes. */
    private static <T> void writeListOfObjects(JsonGenerator json, String field, List<T> items, ItemWriter<T> fields)
            throws IOException {
        writeListObject(json, field, items, (out, each) -> {
            out.writeStartObject();
            fields.write(out, each);
            out.writeEndObject();
        });
    }

    private static <T> void writeArray(JsonGenerator json, String field, List<T> items, ItemWriter<T> item)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (T each : items) {
            item.write(json, each);
        }
        json.writeEndArray();
    }

    private static <T> List<T> readList(JsonNode array, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        array.forEach(each -> items.add(item.apply(each)));
        return items;
    }

    private static void writeKeys(JsonGenerator json, String field, List<ServiceKey> keys) throws IOException {
        writeListOfObjects(json, field, keys, (out, key) -> {
            out.writeStringField("host", key.host());
            out.writeStringField("binary", key.binary());
        });
    }

    private static List<ServiceKey> keys(JsonNode array) {
        return readList(array, k -> new ServiceKey(k.get("host").asText(), k.get("binary").asText()));
    }

    private static void writeFigure(JsonGenerator json, String field, Reported<? extends Number> figure)
            throws IOException {
        if (figure.given()) {
            // A number, or null: Jackson writes either without an object mapper.
            json.writeFieldName(field);
            json.writeObject(figure.value());
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
