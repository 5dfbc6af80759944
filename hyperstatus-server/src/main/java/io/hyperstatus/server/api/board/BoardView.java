package io.hyperstatus.server.api.board;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.core.hypervisors.BoardEntry;
import io.hyperstatus.core.hypervisors.BoardPage;
import io.hyperstatus.core.hypervisors.ZoneSummaries;
import io.hyperstatus.core.hypervisors.ZoneSummary;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.Service;
import io.hyperstatus.server.api.Json;
import java.io.IOException;

/** The JSON of the board's page and of the zones' summary (see docs/hypervisor-board.md). */
final class BoardView {
    void page(JsonGenerator json, BoardPage page, int offset, int limit) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("hypervisors");
        for (BoardEntry entry : page.hypervisors()) {
            entry(json, entry);
        }
        json.writeEndArray();
        json.writeNumberField("total", page.total());
        json.writeNumberField("offset", offset);
        json.writeNumberField("limit", limit);
        json.writeStringField("now", Json.time(page.now()));
        json.writeEndObject();
    }

    private static void entry(JsonGenerator json, BoardEntry entry) throws IOException {
        Hypervisor hypervisor = entry.hypervisor();
        Service service = hypervisor.service();
        json.writeStartObject();
        json.writeStringField("id", hypervisor.node().uuid());
        json.writeStringField("hypervisor_hostname", hypervisor.node().hypervisorHostname());
        json.writeStringField("host", service.host());
        json.writeStringField("state", hypervisor.state().wireName());
        json.writeStringField("status", hypervisor.status().wireName());
        json.writeStringField("disabled_reason", service.disabledReason());
        json.writeBooleanField("forced_down", service.forcedDown());
        // The last heartbeat liveness counts from; before the first one the service is judged by its creation.
        json.writeStringField("last_heartbeat", service.lastSeenUp() == null ? null : Json.time(service.lastSeenUp()));
        json.writeStringField("zone", entry.zone());
        json.writeArrayFieldStart("aggregates");
        for (String name : entry.aggregates()) {
            json.writeString(name);
        }
        json.writeEndArray();
        json.writeStringField("hypervisor_type", hypervisor.node().resources().hypervisorType());
        Integer runningVms = hypervisor.node().resources().runningVms();
        if (runningVms == null) {
            json.writeNullField("running_vms");
        } else {
            json.writeNumberField("running_vms", runningVms);
        }
        json.writeObjectFieldStart("service");
        json.writeStringField("id", service.uuid());
        json.writeStringField("binary", service.binary());
        json.writeEndObject();
        json.writeEndObject();
    }

    void zones(JsonGenerator json, ZoneSummaries summaries) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("zones");
        for (ZoneSummary zone : summaries.zones()) {
            json.writeStartObject();
            json.writeStringField("zone", zone.zone());
            json.writeNumberField("hypervisors", zone.hypervisors());
            json.writeObjectFieldStart("up");
            json.writeNumberField("enabled", zone.upEnabled());
            json.writeNumberField("disabled", zone.upDisabled());
            json.writeEndObject();
            json.writeObjectFieldStart("down");
            json.writeNumberField("enabled", zone.downEnabled());
            json.writeNumberField("disabled", zone.downDisabled());
            json.writeEndObject();
            json.writeBooleanField("disrupted", zone.disrupted());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("now", Json.time(summaries.now()));
        json.writeEndObject();
    }
}
