package io.hyperstatus.core.port;

import io.hyperstatus.core.services.ServiceChange;
import io.hyperstatus.core.services.ServiceRef;
import io.hyperstatus.domain.Service;
import java.util.Optional;

/** The services table: live (not deleted) service rows as stored, and their administrative writes. */
public interface ServiceStore {
    /**
     * Live services in id order, optionally only those of one host and/or binary (exact, case-sensitive matches),
     * read {@code batchSize} rows per query as the cursor is consumed; each batch carries the database clock.
     */
    KeysetCursor<Service> scan(Optional<String> host, Optional<String> binary, int batchSize);

    /** The live service the reference names, with the database clock. */
    Optional<RowAt<Service>> find(ServiceRef ref);

    /**
     * Locks the row of the live service the reference names until the open transaction ends, so that a concurrent
     * delete of it waits for this transaction; false when it is not there (or was deleted meanwhile).
     */
    boolean lock(ServiceRef ref);

    /**
     * Writes the change's status (with its reason) and/or forced-down flag, moves updated_at, and reads the row
     * back; empty when the service is no longer there. The caller decides whether there is anything to write.
     */
    Optional<RowAt<Service>> save(long id, ServiceChange change);

    /** Whether any instance runs on the host. */
    boolean hasInstances(String host);

    /**
     * Soft-deletes the service; for a nova-compute service also its host's compute nodes and the host's place in
     * every aggregate, as Nova does. False when the service was no longer there.
     */
    boolean delete(Service service);
}
