package io.hyperstatus.core.notifications;

import io.hyperstatus.core.events.LoggedEvent;
import java.util.Objects;

/** One notification to send: what it announces and the logged event it is made from (its id names it for good). */
public record Notice(NoticeKind kind, LoggedEvent event) {
    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(event, "event");
    }
}
