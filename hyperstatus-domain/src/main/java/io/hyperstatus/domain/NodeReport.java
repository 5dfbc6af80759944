package io.hyperstatus.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a compute agent reports about one of its hypervisors: its identity, its resources and the instances it runs.
 * {@code uuid} may be null for a node the server has not seen; the server then assigns one.
 */
public record NodeReport(String host, String hypervisorHostname, String uuid, NodeResources resources,
                         List<Instance> instances) {

    public NodeReport {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hypervisorHostname, "hypervisorHostname");
        Objects.requireNonNull(resources.cpuInfo(), "cpuInfo");
        instances = List.copyOf(instances);
    }

    /**
     * A report whose left-out figures are filled in as docs/agent-api.md says: free memory and free disk are the
     * total minus the used amount, the workload is 0 and the running VMs are the instances reported. Every role
     * that builds a report from partial figures (the server from a request, the fake driver from its hosts file)
     * comes through here, so the rule lives in one place.
     */
    public static NodeReport withDefaults(String host, String hypervisorHostname, String uuid, String hypervisorType,
            long hypervisorVersion, String hostIp, int vcpus, int vcpusUsed, long memoryMb, long memoryMbUsed,
            long localGb, long localGbUsed, Reported<Long> freeRamMb, Reported<Long> freeDiskGb,
            Reported<Integer> currentWorkload, Reported<Integer> runningVms, Long diskAvailableLeast, String cpuInfo,
            String uptime, List<Instance> instances) {
        return new NodeReport(host, hypervisorHostname, uuid, new NodeResources(hypervisorType, hypervisorVersion,
                hostIp, vcpus, vcpusUsed, memoryMb, memoryMbUsed, localGb, localGbUsed,
                freeRamMb.orElse(memoryMb - memoryMbUsed),
                freeDiskGb.orElse(localGb - localGbUsed),
                currentWorkload.orElse(0),
                runningVms.orElse(instances.size()),
                diskAvailableLeast, cpuInfo, uptime), instances);
    }

    public NodeReport withUuid(String newUuid) {
        return new NodeReport(host, hypervisorHostname, newUuid, resources, instances);
    }

    public NodeReport withUptime(String newUptime) {
        return new NodeReport(host, hypervisorHostname, uuid, resources.withUptime(newUptime), instances);
    }
}
