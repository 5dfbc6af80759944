package io.hyperstatus.client.compute;

/**
 * What enabling, disabling or forcing down a service answered. Before 2.53 the action routes answer only host,
 * binary and the changed field, so the id and the fields not changed are null.
 */
public record ServiceChange(String id, String host, String binary, String status, String disabledReason,
                            Boolean forcedDown) {
}
