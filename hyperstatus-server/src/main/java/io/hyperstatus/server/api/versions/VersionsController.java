package io.hyperstatus.server.api.versions;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.server.api.Json;
import io.hyperstatus.server.api.microversion.Microversions;
import java.io.IOException;

/** The version discovery documents: the list at {@code /}, one version at {@code /v2.1/} and {@code /v2/}. */
public final class VersionsController {
    private static final String V21_UPDATED = "2013-07-23T11:33:21Z";
    private static final String V2_UPDATED = "2025-07-04T12:00:00Z";

    /** {@code GET /}: both API versions. */
    public byte[] list(String baseUrl) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("versions");
            json.writeStartObject();
            writeSummary(json, baseUrl, false);
            json.writeEndObject();
            json.writeStartObject();
            writeSummary(json, baseUrl, true);
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /**
     * {@code GET /v2.1/} or {@code GET /v2/}: one version with its media type and documentation link. The self
     * link is given separately: Nova answers {@code /v2.1/versions/v2.0} with the v2.0 document linking to v2.1.
     */
    public byte[] show(String baseUrl, boolean v21, boolean selfLinkV21) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("version");
            json.writeStringField("id", v21 ? "v2.1" : "v2.0");
            json.writeArrayFieldStart("links");
            writeLink(json, "self", baseUrl + (selfLinkV21 ? "/v2.1/" : "/v2/"));
            json.writeStartObject();
            json.writeStringField("href", "http://docs.openstack.org/");
            json.writeStringField("rel", "describedby");
            json.writeStringField("type", "text/html");
            json.writeEndObject();
            json.writeEndArray();
            json.writeArrayFieldStart("media-types");
            writeMediaType(json, v21);
            json.writeEndArray();
            writeVersionFields(json, v21);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** The 300 answer for a path outside both APIs: where that path would live in each. */
    public byte[] choices(String baseUrl, String path) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("choices");
            for (boolean v21 : new boolean[] {false, true}) {
                json.writeStartObject();
                json.writeStringField("id", v21 ? "v2.1" : "v2.0");
                json.writeStringField("status", v21 ? "CURRENT" : "DEPRECATED");
                json.writeArrayFieldStart("links");
                writeLink(json, "self", baseUrl + (v21 ? "/v2.1" : "/v2") + path);
                json.writeEndArray();
                json.writeArrayFieldStart("media-types");
                writeMediaType(json, v21);
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void writeSummary(JsonGenerator json, String baseUrl, boolean v21) throws IOException {
        json.writeStringField("id", v21 ? "v2.1" : "v2.0");
        json.writeArrayFieldStart("links");
        writeLink(json, "self", baseUrl + (v21 ? "/v2.1/" : "/v2/"));
        json.writeEndArray();
        writeVersionFields(json, v21);
    }

    private static void writeVersionFields(JsonGenerator json, boolean v21) throws IOException {
        json.writeStringField("status", v21 ? "CURRENT" : "DEPRECATED");
        json.writeStringField("version", v21 ? Microversions.MAX.toString() : "");
        json.writeStringField("min_version", v21 ? Microversions.MIN.toString() : "");
        json.writeStringField("updated", v21 ? V21_UPDATED : V2_UPDATED);
    }

    private static void writeLink(JsonGenerator json, String rel, String href) throws IOException {
        json.writeStartObject();
        json.writeStringField("href", href);
        json.writeStringField("rel", rel);
        json.writeEndObject();
    }

    private static void writeMediaType(JsonGenerator json, boolean v21) throws IOException {
        json.writeStartObject();
        json.writeStringField("base", "application/json");
        json.writeStringField("type", "application/vnd.openstack.compute+json;version=" + (v21 ? "2.1" : "2"));
        json.writeEndObject();
    }
}
