package io.hyperstatus.server.api.hypervisors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.server.api.Json;
import java.io.IOException;

/** Detail from 2.28 to 2.87: resource counters, and {@code cpu_info} as a JSON object. */
final class HypervisorDetailV228View implements HypervisorDetailView {
    @Override
    public void writeFields(JsonGenerator json, Hypervisor hypervisor, HypervisorProfile format) throws IOException {
        HypervisorFields.writeSummary(json, hypervisor, format);
        HypervisorFields.writeHostAndService(json, hypervisor, format);
        HypervisorFields.writeStatistics(json, hypervisor);
        json.writeFieldName("cpu_info");
        json.writeTree(cpuInfoObject(hypervisor.node().cpuInfo()));
    }

    /**
     * The stored text parsed as JSON. An empty value is {@code {}}, as in Nova; so is text that is not JSON, where
     * Nova would fail the whole request.
     */
    static JsonNode cpuInfoObject(String cpuInfo) {
        if (cpuInfo == null || cpuInfo.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(cpuInfo);
        } catch (IOException notJson) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
