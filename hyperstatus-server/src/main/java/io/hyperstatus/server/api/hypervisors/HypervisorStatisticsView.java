package io.hyperstatus.server.api.hypervisors;

import io.hyperstatus.domain.HypervisorStatistics;
import io.hyperstatus.server.api.Json;

/** The body of {@code GET /os-hypervisors/statistics}. */
final class HypervisorStatisticsView {
    private HypervisorStatisticsView() {
    }

    static Json.Writer of(HypervisorStatistics stats) {
        return json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("hypervisor_statistics");
            json.writeNumberField("count", stats.count());
            json.writeNumberField("vcpus", stats.vcpus());
            json.writeNumberField("memory_mb", stats.memoryMb());
            json.writeNumberField("local_gb", stats.localGb());
            json.writeNumberField("vcpus_used", stats.vcpusUsed());
            json.writeNumberField("memory_mb_used", stats.memoryMbUsed());
            json.writeNumberField("local_gb_used", stats.localGbUsed());
            json.writeNumberField("free_ram_mb", stats.freeRamMb());
            json.writeNumberField("free_disk_gb", stats.freeDiskGb());
            json.writeNumberField("current_workload", stats.currentWorkload());
            json.writeNumberField("running_vms", stats.runningVms());
            json.writeNumberField("disk_available_least", stats.diskAvailableLeast());
            json.writeEndObject();
            json.writeEndObject();
        };
    }
}
