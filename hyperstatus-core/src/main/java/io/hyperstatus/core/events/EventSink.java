package io.hyperstatus.core.events;

/**
 * Where domain events go. The application layer publishes each event inside the transaction of its change (see
 * {@link io.hyperstatus.core.port.Transactions}), so a sink that stores events in the same database stores them
 * atomically with the change; a sink that throws rolls the change back.
 */
@FunctionalInterface
public interface EventSink {
    void publish(ServiceEvent event);
}
