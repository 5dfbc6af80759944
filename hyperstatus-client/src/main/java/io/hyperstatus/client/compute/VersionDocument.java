package io.hyperstatus.client.compute;

import io.hyperstatus.protocol.Microversion;

/** What {@code GET /v2.1/} says of the API: the range of microversions the server offers. */
public record VersionDocument(String id, String status, Microversion minVersion, Microversion maxVersion) {
}
