package io.hyperstatus.core.events;

import io.hyperstatus.domain.Service;
import java.util.Objects;

/** The service an event is about, as it was named then: kept with the event, so a deleted one stays findable. */
public record EventSubject(long serviceId, String serviceUuid, String host, String binary) {
    public EventSubject {
        Objects.requireNonNull(serviceUuid, "serviceUuid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(binary, "binary");
    }

    public static EventSubject of(Service service) {
        return new EventSubject(service.id(), service.uuid(), service.host(), service.binary());
    }
}
