package io.hyperstatus.client.compute;

/**
 * A service as {@code GET /os-services} lists it. The id is an integer before 2.53 and a UUID from 2.53;
 * {@code forcedDown} is null before 2.11; a service of a cell that does not answer (2.69+) has only host, binary
 * and status {@code UNKNOWN}, the other fields null.
 */
public record Service(String id, String binary, String host, String zone, String status, String state,
                      String updatedAt, String disabledReason, Boolean forcedDown) {
}
