package io.hyperstatus.server.agent;

import static io.hyperstatus.server.api.microversion.VersionRange.ALL;
import static io.javalin.http.HandlerType.POST;

import io.hyperstatus.core.agents.AgentReports;
import io.hyperstatus.core.services.Registration;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.ServiceKey;
import io.hyperstatus.protocol.agent.AgentCodec;
import io.hyperstatus.protocol.agent.ComputeNodeReport;
import io.hyperstatus.protocol.agent.ComputeNodesRequest;
import io.hyperstatus.protocol.agent.ComputeNodesResponse;
import io.hyperstatus.protocol.agent.HeartbeatsRequest;
import io.hyperstatus.protocol.agent.HeartbeatsResponse;
import io.hyperstatus.protocol.agent.RegisterServicesRequest;
import io.hyperstatus.protocol.agent.RegisterServicesResponse;
import io.hyperstatus.protocol.agent.RegisteredService;
import io.hyperstatus.protocol.agent.ReportedNode;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.RequestActor;
import io.hyperstatus.server.api.Resource;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.policy.PolicyRule;
import io.hyperstatus.server.api.validation.RequestSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The internal interface compute agents report through, version 1 (see docs/agent-api.md). Every call takes
 * many hosts at once so one agent process can speak for thousands of simulated hosts.
 */
public final class AgentController implements Resource {
    private static final RequestSchema SERVICES = RequestSchema.load("agent-services");
    private static final RequestSchema HEARTBEATS = RequestSchema.load("agent-heartbeats");
    private static final RequestSchema COMPUTE_NODES = RequestSchema.load("agent-compute-nodes");

    private final AgentReports agentReports;
    private final AgentCodec codec = new AgentCodec();

    public AgentController(AgentReports agentReports) {
        this.agentReports = agentReports;
    }

    /**
     * {@code POST /agent/v1/services}: register services (idempotent). Every call is for the hosts the caller's
     * agent identity is bound to: one other host refuses the whole call (403), before anything is written.
     */
    public ApiResponse registerServices(ApiRequest request) {
        RegisterServicesRequest body = codec.readRegisterServicesRequest(request.body(SERVICES));
        request.authorize(PolicyRule.AGENT_REPORT);
        List<Registration> registrations = agentReports.register(request.credentials().agentHosts(), body.services(),
                RequestActor.agent(request));
        RegisterServicesResponse answer = new RegisterServicesResponse(registrations.stream()
                .map(r -> new RegisteredService(r.key(), r.id(), r.uuid(), r.created())).toList());
        return ApiResponse.ok(json -> codec.write(json, answer));
    }

    /** {@code POST /agent/v1/heartbeats}: answers with the services that must register again. */
    public ApiResponse heartbeat(ApiRequest request) {
        HeartbeatsRequest body = codec.readHeartbeatsRequest(request.body(HEARTBEATS));
        request.authorize(PolicyRule.AGENT_REPORT);
        List<ServiceKey> unknown = agentReports.heartbeat(request.credentials().agentHosts(), body.heartbeats());
        HeartbeatsResponse answer = new HeartbeatsResponse(unknown);
        return ApiResponse.ok(json -> codec.write(json, answer));
    }

    /** {@code POST /agent/v1/compute-nodes}: create or update nodes and replace their instance lists. */
    public ApiResponse reportComputeNodes(ApiRequest request) {
        ComputeNodesRequest body = codec.readComputeNodesRequest(request.body(COMPUTE_NODES));
        request.authorize(PolicyRule.AGENT_REPORT);
        List<NodeReport> reports = new ArrayList<>();
        Set<String> instanceUuids = new HashSet<>();
        for (ComputeNodeReport node : body.computeNodes()) {
            NodeReport report = node.toNodeReport();
            for (Instance instance : report.instances()) {
                // An instance runs on one node: a report naming it twice cannot be stored as it stands.
                if (!instanceUuids.add(instance.uuid())) {
                    throw ApiException.badRequest("Instance " + instance.uuid() + " is reported more than once.");
                }
            }
            reports.add(report);
        }
        List<String> uuids = agentReports.report(request.credentials().agentHosts(), reports);
        List<ReportedNode> nodes = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            nodes.add(new ReportedNode(reports.get(i).host(), reports.get(i).hypervisorHostname(), uuids.get(i)));
        }
        ComputeNodesResponse answer = new ComputeNodesResponse(nodes);
        return ApiResponse.ok(json -> codec.write(json, answer));
    }

    /** The agents' routes; the interface has no microversions, so every route is in the whole range. */
    @Override
    public List<Endpoint> routes() {
        return List.of(
                new Endpoint(POST, "/services", ALL, this::registerServices),
                new Endpoint(POST, "/heartbeats", ALL, this::heartbeat),
                new Endpoint(POST, "/compute-nodes", ALL, this::reportComputeNodes));
    }
}
