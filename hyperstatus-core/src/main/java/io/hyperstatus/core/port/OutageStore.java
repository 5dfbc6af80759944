package io.hyperstatus.core.port;

import io.hyperstatus.domain.DatabaseOutage;
import java.util.Optional;

/** The last database outage any API server on this database recorded, read for the liveness rule's grace. */
@FunctionalInterface
public interface OutageStore {
    /** No outage recorded: liveness goes by heartbeats alone. */
    OutageStore NONE = Optional::empty;

    Optional<DatabaseOutage> lastOutage();
}
