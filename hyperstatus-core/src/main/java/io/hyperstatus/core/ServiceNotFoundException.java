package io.hyperstatus.core;

/** No live service has the id or UUID given (Nova's {@code ServiceNotFound}). */
public final class ServiceNotFoundException extends NotFoundException {
    public ServiceNotFoundException(String serviceId) {
        super("Service " + serviceId + " could not be found.");
    }
}
