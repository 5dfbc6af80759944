package io.hyperstatus.server.api.hypervisors;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.ServiceState;
import java.io.IOException;

/**
 * Detail from 2.88: no resource counters or {@code cpu_info}, but the host's {@code uptime} line, which is null
 * while the host is down or when its driver cannot tell.
 */
final class HypervisorDetailV288View implements HypervisorDetailView {
    @Override
    public void writeFields(JsonGenerator json, Hypervisor hypervisor, HypervisorProfile format) throws IOException {
        HypervisorFields.writeSummary(json, hypervisor, format);
        HypervisorFields.writeHostAndService(json, hypervisor, format);
        String uptime = hypervisor.node().resources().uptime();
        json.writeStringField("uptime", hypervisor.state() == ServiceState.UP ? uptime : null);
    }
}
