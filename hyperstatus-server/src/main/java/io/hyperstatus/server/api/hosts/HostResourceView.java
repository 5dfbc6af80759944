package io.hyperstatus.server.api.hosts;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** One row of GET /os-hosts/{host_name}: {@code {"resource": {host, project, cpu, memory_mb, disk_gb}}}. */
final class HostResourceView {
    static void write(JsonGenerator json, String host, String project, long cpu, long memoryMb, long diskGb)
            throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("resource");
        json.writeStringField("host", host);
        json.writeStringField("project", project);
        json.writeNumberField("cpu", cpu);
        json.writeNumberField("memory_mb", memoryMb);
        json.writeNumberField("disk_gb", diskGb);
        json.writeEndObject();
        json.writeEndObject();
    }

    private HostResourceView() {
    }
}
