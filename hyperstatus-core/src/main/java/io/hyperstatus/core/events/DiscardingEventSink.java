package io.hyperstatus.core.events;

/** A sink that keeps no event: what the server uses until events are stored. */
public final class DiscardingEventSink implements EventSink {
    @Override
    public void publish(ServiceEvent event) {
        // Nothing keeps events yet.
    }
}
