package io.hyperstatus.core.notifications;

import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.LoggedEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which notifications the event log's events give, as Nova decides them in its service object's save: a
 * registration gives {@code service.create}, a deletion {@code service.delete}, and each save that sets the
 * status, the reason or forced_down one {@code service.update}, whether or not the value changed. The liveness
 * detector's events give hyperstatus's own notices, unless they are turned off.
 *
 * <p>One save that changes two things is logged as two events (disabled, then forced_down, say), written one after
 * the other by one transaction: same service, same request, same state after. They make one update, announced
 * with the first of them.
 */
public final class NotificationPlan {
    private static final Set<EventKind> SAVES = EnumSet.of(EventKind.ENABLED, EventKind.DISABLED,
            EventKind.REASON_CHANGED, EventKind.FORCED_DOWN, EventKind.FORCED_UP, EventKind.UNCHANGED);

    private final boolean livenessNotices;

    public NotificationPlan(boolean livenessNotices) {
        this.livenessNotices = livenessNotices;
    }

    /**
     * The notices of {@code events} (consecutive ids, oldest first); {@code previous} is the event just before the
     * first, when it is known (null otherwise), so that a save split across two reads is announced once.
     */
    public List<Notice> noticesOf(LoggedEvent previous, List<LoggedEvent> events) {
        List<Notice> notices = new ArrayList<>(events.size());
        LoggedEvent before = previous;
        for (LoggedEvent event : events) {
            NoticeKind kind = kindOf(event, before);
            if (kind != null) {
                notices.add(new Notice(kind, event));
            }
            before = event;
        }
        return notices;
    }

    private NoticeKind kindOf(LoggedEvent event, LoggedEvent before) {
        return switch (event.kind()) {
            case CREATED -> NoticeKind.SERVICE_CREATE;
            case DELETED -> NoticeKind.SERVICE_DELETE;
            case ENABLED, DISABLED, REASON_CHANGED, FORCED_DOWN, FORCED_UP, UNCHANGED ->
                    sameSave(before, event) ? null : NoticeKind.SERVICE_UPDATE;
            case WENT_DOWN -> livenessNotices ? NoticeKind.SERVICE_DOWN : null;
            case CAME_UP -> livenessNotices ? NoticeKind.SERVICE_UP : null;
            case ZONE_DISRUPTED -> livenessNotices ? NoticeKind.ZONE_DISRUPTED : null;
        };
    }

    /** Whether {@code event} was written by the save that wrote {@code before}, the event just before it. */
    private static boolean sameSave(LoggedEvent before, LoggedEvent event) {
        if (before == null || before.id() != event.id() - 1 || !SAVES.contains(before.kind())) {
            return false;
        }
        String requestId = event.record().actor().requestId();
        return requestId != null
                && requestId.equals(before.record().actor().requestId())
                && before.record().subject().serviceUuid().equals(event.record().subject().serviceUuid())
                && Objects.equals(before.record().after(), event.record().after());
    }
}
