package io.hyperstatus.client.compute;

/**
 * A hypervisor as lists show it. The id is the compute node's integer id before 2.53 and its UUID from 2.53,
 * kept as text either way since it is only ever sent back.
 */
public record Hypervisor(String id, String hostname, String state, String status) {
}
