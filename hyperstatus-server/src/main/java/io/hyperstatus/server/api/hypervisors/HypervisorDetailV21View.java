package io.hyperstatus.server.api.hypervisors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.server.api.Json;
import java.io.IOException;

/**
 * Detail from 2.1 to 2.87: resource counters, and {@code cpu_info} as the driver's raw string until 2.27, as a JSON
 * object from 2.28.
 */
record HypervisorDetailV21View(boolean cpuInfoAsObject) implements HypervisorDetailView {
    @Override
    public void writeFields(JsonGenerator json, Hypervisor hypervisor, HypervisorProfile format) throws IOException {
        HypervisorFields.writeSummary(json, hypervisor, format);
        HypervisorFields.writeHostAndService(json, hypervisor, format);
        HypervisorFields.writeStatistics(json, hypervisor);
        if (cpuInfoAsObject) {
            json.writeFieldName("cpu_info");
            json.writeTree(cpuInfoObject(hypervisor.node().resources().cpuInfo()));
        } else {
            json.writeStringField("cpu_info", hypervisor.node().resources().cpuInfo());
        }
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
