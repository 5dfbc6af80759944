package io.hyperstatus.client.events;

import java.util.List;

/** One page of events as the server answered it, and the path of the next page (null on the last one). */
public record EventPage(List<Event> events, String next) {
    public EventPage {
        events = List.copyOf(events);
    }
}
