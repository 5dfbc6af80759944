package io.hyperstatus.server.api.hypervisors;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.domain.Hypervisor;
import java.io.IOException;

/** The detail shape of a hypervisor (detail list and show) for one range of microversions. */
interface HypervisorDetailView {
    /** Writes the fields of one hypervisor into an object the caller has opened. */
    void writeFields(JsonGenerator json, Hypervisor hypervisor, HypervisorProfile format) throws IOException;
}
