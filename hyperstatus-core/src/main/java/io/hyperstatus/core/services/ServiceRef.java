package io.hyperstatus.core.services;

import io.hyperstatus.core.NotFoundException;
import io.hyperstatus.core.ServiceNotFoundException;
import io.hyperstatus.domain.ServiceKey;
import java.util.Objects;

/**
 * How a request names a service: by id (before 2.53), by UUID (from 2.53), or by host and binary (the pre-2.53
 * action routes). Each way has its own answer when the service is not there, also when it was deleted while the
 * request ran.
 */
public sealed interface ServiceRef {
    NotFoundException notFound();

    record ById(long id) implements ServiceRef {
        @Override
        public NotFoundException notFound() {
            return new ServiceNotFoundException(Long.toString(id));
        }
    }

    record ByUuid(String uuid) implements ServiceRef {
        public ByUuid {
            Objects.requireNonNull(uuid, "uuid");
        }

        @Override
        public NotFoundException notFound() {
            return new ServiceNotFoundException(uuid);
        }
    }

    /** Nova finds a host through its cell mapping; a host that has no such service is not mapped to any cell. */
    record ByKey(ServiceKey key) implements ServiceRef {
        public ByKey {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public NotFoundException notFound() {
            return new NotFoundException("Host '" + key.host() + "' is not mapped to any cell");
        }
    }

    static ServiceRef byId(long id) {
        return new ById(id);
    }

    static ServiceRef byUuid(String uuid) {
        return new ByUuid(uuid);
    }

    static ServiceRef byKey(String host, String binary) {
        return new ByKey(new ServiceKey(host, binary));
    }
}
