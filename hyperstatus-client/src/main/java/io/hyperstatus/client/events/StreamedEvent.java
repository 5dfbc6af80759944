package io.hyperstatus.client.events;

import java.util.Objects;

/** An event as the stream delivered it: read into a record, and its JSON as sent (one line), for programs. */
public record StreamedEvent(Event event, String json) {
    public StreamedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(json, "json");
    }
}
