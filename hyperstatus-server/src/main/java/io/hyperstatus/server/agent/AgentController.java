package io.hyperstatus.server.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.core.agents.AgentReports;
import io.hyperstatus.core.services.Registration;
import io.hyperstatus.core.services.ServiceAdministration;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.ServiceKey;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.RequestActor;
import io.hyperstatus.server.api.policy.PolicyRule;
import io.hyperstatus.server.api.validation.RequestSchema;
import io.hyperstatus.server.api.error.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * The internal interface compute agents report through, version 1 (see docs/agent-api.md). Every call takes
 * many hosts at once so one agent process can speak for thousands of simulated hosts.
 */
public final class AgentController {
    private static final RequestSchema SERVICES = RequestSchema.load("agent-services");
    private static final RequestSchema HEARTBEATS = RequestSchema.load("agent-heartbeats");
    private static final RequestSchema COMPUTE_NODES = RequestSchema.load("agent-compute-nodes");

    private final ServiceAdministration services;
    private final AgentReports agentReports;

    public AgentController(ServiceAdministration services, AgentReports agentReports) {
        this.services = services;
        this.agentReports = agentReports;
    }

    /** {@code POST /agent/v1/services}: register services (idempotent). */
    public ApiResponse registerServices(ApiRequest request) {
        JsonNode body = request.body(SERVICES);
        request.authorize(PolicyRule.AGENT_REPORT);
        List<Registration> registrations = services.register(keys(body.get("services")), RequestActor.agent(request));
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("services");
            for (Registration registration : registrations) {
                json.writeStartObject();
                json.writeStringField("host", registration.key().host());
                json.writeStringField("binary", registration.key().binary());
                json.writeNumberField("id", registration.id());
                json.writeStringField("uuid", registration.uuid());
                json.writeBooleanField("created", registration.created());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** {@code POST /agent/v1/heartbeats}: answers with the services that must register again. */
    public ApiResponse heartbeat(ApiRequest request) {
        JsonNode body = request.body(HEARTBEATS);
        request.authorize(PolicyRule.AGENT_REPORT);
        List<ServiceKey> unknown = agentReports.heartbeat(keys(body.get("heartbeats")));
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("unknown");
            for (ServiceKey key : unknown) {
                json.writeStartObject();
                json.writeStringField("host", key.host());
                json.writeStringField("binary", key.binary());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** {@code POST /agent/v1/compute-nodes}: create or update nodes and replace their instance lists. */
    public ApiResponse reportComputeNodes(ApiRequest request) {
        JsonNode body = request.body(COMPUTE_NODES);
        request.authorize(PolicyRule.AGENT_REPORT);
        List<NodeReport> reports = new ArrayList<>();
        Set<String> instanceUuids = new HashSet<>();
        for (JsonNode node : body.get("compute_nodes")) {
            NodeReport report = report(node);
            for (Instance instance : report.instances()) {
                // An instance runs on one node: a report naming it twice cannot be stored as it stands.
                if (!instanceUuids.add(instance.uuid())) {
                    throw ApiException.badRequest("Instance " + instance.uuid() + " is reported more than once.");
                }
            }
            reports.add(report);
        }
        List<String> uuids = agentReports.report(reports);
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("compute_nodes");
            for (int i = 0; i < reports.size(); i++) {
                json.writeStartObject();
                json.writeStringField("host", reports.get(i).host());
                json.writeStringField("hypervisor_hostname", reports.get(i).hypervisorHostname());
                json.writeStringField("uuid", uuids.get(i));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static List<ServiceKey> keys(JsonNode array) {
        List<ServiceKey> keys = new ArrayList<>();
        array.forEach(k -> keys.add(new ServiceKey(k.get("host").asText(), k.get("binary").asText())));
        return keys;
    }

    private static NodeReport report(JsonNode node) {
        long memoryMb = node.get("memory_mb").asLong();
        long memoryUsed = node.path("memory_mb_used").asLong(0);
        long localGb = node.get("local_gb").asLong();
        long localUsed = node.path("local_gb_used").asLong(0);
        List<Instance> instances = new ArrayList<>();
        node.path("instances").forEach(i -> instances.add(new Instance(i.get("uuid").asText(), i.get("name").asText())));
        JsonNode cpuInfo = node.get("cpu_info");
        return new NodeReport(
                node.get("host").asText(),
                node.get("hypervisor_hostname").asText(),
                textOrNull(node.get("uuid")),
                node.get("hypervisor_type").asText(),
                node.get("hypervisor_version").asLong(),
                textOrNull(node.get("host_ip")),
                node.get("vcpus").asInt(),
                node.path("vcpus_used").asInt(0),
                memoryMb,
                memoryUsed,
                localGb,
                localUsed,
                // Free amounts follow from total minus used unless the agent says otherwise.
                node.has("free_ram_mb") ? longOrNull(node.get("free_ram_mb")) : Long.valueOf(memoryMb - memoryUsed),
                node.has("free_disk_gb") ? longOrNull(node.get("free_disk_gb")) : Long.valueOf(localGb - localUsed),
                node.has("current_workload") ? intOrNull(node.get("current_workload")) : Integer.valueOf(0),
                node.has("running_vms") ? intOrNull(node.get("running_vms")) : Integer.valueOf(instances.size()),
                longOrNull(node.get("disk_available_least")),
                cpuInfo == null ? "" : cpuInfo.isTextual() ? cpuInfo.textValue() : cpuInfo.toString(),
                textOrNull(node.get("uptime")),
                instances);
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
