package io.hyperstatus.config;

import java.time.Duration;
import java.util.Objects;

/** The {@code [http]} limits on what clients can make an API server hold, with the rule that ties two of them. */
public record HttpOptions(
        int maxConnections,
        int maxThreads,
        int maxConcurrentRequests,
        int maxQueuedRequests,
        Duration queueTimeout,
        Duration bodyTimeout,
        Duration idleTimeout,
        int maxHeaderSize) {

    /** Threads Jetty keeps for accepting connections and I/O, beyond those that handle requests. */
    public static final int IO_THREADS = 8;

    public HttpOptions {
        Objects.requireNonNull(queueTimeout, "queueTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxThreads < maxConcurrentRequests + IO_THREADS) {
            throw HttpDeclarations.MAX_THREADS.invalidBecause(maxThreads + " must be at least "
                    + HttpDeclarations.MAX_CONCURRENT_REQUESTS + " (" + maxConcurrentRequests + ") + " + IO_THREADS
                    + ", or requests would wait for threads that accept and read connections");
        }
    }

    static HttpOptions from(IniOptions ini) {
        return new HttpOptions(
                ini.value(HttpDeclarations.MAX_CONNECTIONS),
                ini.value(HttpDeclarations.MAX_THREADS),
                ini.value(HttpDeclarations.MAX_CONCURRENT_REQUESTS),
                ini.value(HttpDeclarations.MAX_QUEUED_REQUESTS),
                ini.value(HttpDeclarations.QUEUE_TIMEOUT),
                ini.value(HttpDeclarations.BODY_TIMEOUT),
                ini.value(HttpDeclarations.IDLE_TIMEOUT),
                ini.value(HttpDeclarations.MAX_HEADER_SIZE));
    }
}
