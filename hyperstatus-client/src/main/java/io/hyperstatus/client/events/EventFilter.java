package io.hyperstatus.client.events;

import java.time.Instant;
import java.util.List;

/**
 * Which events a list or a stream asks for; every part may be null (or empty) for no filter. {@code actor} is
 * {@code user}, {@code agent}, {@code liveness} or a user id; the times bound the events' {@code time}.
 */
public record EventFilter(String host, String binary, List<String> kinds, String actor, Instant changesSince,
                          Instant changesBefore) {
    public static final EventFilter ALL = new EventFilter(null, null, List.of(), null, null, null);

    public EventFilter {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        if (changesSince != null && changesBefore != null && !changesSince.isBefore(changesBefore)) {
            throw new IllegalArgumentException("changes-since " + changesSince + " is not before changes-before "
                    + changesBefore);
        }
    }

    public EventFilter withKinds(List<String> others) {
        return new EventFilter(host, binary, others, actor, changesSince, changesBefore);
    }

    public EventFilter withChangesSince(Instant since) {
        return new EventFilter(host, binary, kinds, actor, since, changesBefore);
    }
}
