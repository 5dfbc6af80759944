package io.hyperstatus.core.port;

/** The connection pool at one instant: connections in use and idle, its size limit, and callers waiting for one. */
public record PoolUsage(int active, int idle, int max, int waiting) {
}
