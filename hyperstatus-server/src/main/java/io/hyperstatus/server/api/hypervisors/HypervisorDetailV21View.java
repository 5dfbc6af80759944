package io.hyperstatus.server.api.hypervisors;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.domain.Hypervisor;
import java.io.IOException;

/** Detail from 2.1 to 2.27: resource counters, and {@code cpu_info} as the driver's raw string. */
final class HypervisorDetailV21View implements HypervisorDetailView {
    @Override
    public void writeFields(JsonGenerator json, Hypervisor hypervisor, HypervisorProfile format) throws IOException {
        HypervisorFields.writeSummary(json, hypervisor, format);
        HypervisorFields.writeHostAndService(json, hypervisor, format);
        HypervisorFields.writeStatistics(json, hypervisor);
        json.writeStringField("cpu_info", hypervisor.node().cpuInfo());
    }
}
