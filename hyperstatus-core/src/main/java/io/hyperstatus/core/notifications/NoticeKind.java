package io.hyperstatus.core.notifications;

/** What a notification announces: Nova's three about a service's record, and the liveness ones Nova never sends. */
public enum NoticeKind {
    /** Nova's {@code service.create}. */
    SERVICE_CREATE,
    /** Nova's {@code service.update}: one per save that set the status, the reason or forced_down. */
    SERVICE_UPDATE,
    /** Nova's {@code service.delete}. */
    SERVICE_DELETE,
    /** The liveness detector recorded the service down. */
    SERVICE_DOWN,
    /** The liveness detector recorded the service up again. */
    SERVICE_UP,
    /** The liveness detector recorded a zone's disruption. */
    ZONE_DISRUPTED;

    /** Whether Nova sends it too (else it is one of hyperstatus's own). */
    public boolean isNovas() {
        return this == SERVICE_CREATE || this == SERVICE_UPDATE || this == SERVICE_DELETE;
    }
}
