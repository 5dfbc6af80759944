package io.hyperstatus.protocol.agent;

import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.NodeResources;
import io.hyperstatus.domain.Reported;
import java.util.List;
import java.util.Objects;

/**
 * One compute node as the wire carries it, figures left out included: what {@link NodeReport} becomes once the
 * domain has filled those in. A null {@code uuid}, {@code hostIp}, {@code diskAvailableLeast} or {@code uptime}
 * means the same whether it was sent as null or not sent; used amounts not sent are 0; {@code cpuInfo} not sent is
 * "", and one sent as a JSON object is held as that object's JSON text (which is what the server stores).
 */
public record ComputeNodeReport(
        String host,
        String hypervisorHostname,
        String uuid,
        String hypervisorType,
        long hypervisorVersion,
        String hostIp,
        int vcpus,
        int vcpusUsed,
        long memoryMb,
        long memoryMbUsed,
        long localGb,
        long localGbUsed,
        Reported<Long> freeRamMb,
        Reported<Long> freeDiskGb,
        Reported<Integer> currentWorkload,
        Reported<Integer> runningVms,
        Long diskAvailableLeast,
        String cpuInfo,
        String uptime,
        List<Instance> instances) {

    public ComputeNodeReport {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hypervisorHostname, "hypervisorHostname");
        Objects.requireNonNull(hypervisorType, "hypervisorType");
        Objects.requireNonNull(freeRamMb, "freeRamMb");
        Objects.requireNonNull(freeDiskGb, "freeDiskGb");
        Objects.requireNonNull(currentWorkload, "currentWorkload");
        Objects.requireNonNull(runningVms, "runningVms");
        Objects.requireNonNull(cpuInfo, "cpuInfo");
        instances = List.copyOf(instances);
    }

    /** A complete report, every figure given, as the agent sends it. */
    public static ComputeNodeReport of(NodeReport node) {
        NodeResources r = node.resources();
        return new ComputeNodeReport(node.host(), node.hypervisorHostname(), node.uuid(), r.hypervisorType(),
                r.hypervisorVersion(), r.hostIp(), r.vcpus(), r.vcpusUsed(), r.memoryMb(), r.memoryMbUsed(),
                r.localGb(), r.localGbUsed(), Reported.of(r.freeRamMb()), Reported.of(r.freeDiskGb()),
                Reported.of(r.currentWorkload()), Reported.of(r.runningVms()), r.diskAvailableLeast(), r.cpuInfo(),
                r.uptime(), node.instances());
    }

    /** The report with the figures left out filled in by the domain's rules. */
    public NodeReport toNodeReport() {
        return NodeReport.withDefaults(host, hypervisorHostname, uuid, hypervisorType, hypervisorVersion, hostIp,
                vcpus, vcpusUsed, memoryMb, memoryMbUsed, localGb, localGbUsed, freeRamMb, freeDiskGb,
                currentWorkload, runningVms, diskAvailableLeast, cpuInfo, uptime, instances);
    }
}
