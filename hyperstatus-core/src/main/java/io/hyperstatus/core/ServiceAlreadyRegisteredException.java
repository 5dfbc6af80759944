package io.hyperstatus.core;

import io.hyperstatus.domain.ServiceKey;

/**
 * A live service of the same host and binary was registered by another writer between the look-up and the insert;
 * the schema kept one row. Registration answers with that row instead.
 */
public final class ServiceAlreadyRegisteredException extends ConflictException {
    public ServiceAlreadyRegisteredException(ServiceKey key, Throwable cause) {
        super("Service " + key.binary() + " on host " + key.host() + " is registered already.", cause);
    }
}
