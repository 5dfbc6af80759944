package io.hyperstatus.core.port;

import io.hyperstatus.core.AggregateHostExistsException;
import io.hyperstatus.core.AggregateNameExistsException;
import io.hyperstatus.domain.Aggregate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Host aggregates: their rows, hosts and metadata, and the availability zones they give hosts. A write on an
 * aggregate that is no longer there answers empty (or false); the application layer says what that means.
 */
public interface AggregateStore {
    /** Every live aggregate, in id order. */
    List<Aggregate> list();

    Optional<Aggregate> find(long id);

    /**
     * Locks the live aggregate's row until the open transaction ends, so that a concurrent change or delete of it
     * waits for this one; false when it is not there (or was deleted by a transaction that committed meanwhile).
     */
    boolean lock(long id);

    /**
     * Creates an aggregate, with its availability zone as metadata when one is given (null for none).
     *
     * @throws AggregateNameExistsException when a live aggregate has the name
     */
    Aggregate create(String name, String availabilityZone);

    /**
     * Renames an aggregate; a new name moves updated_at, the same name changes nothing.
     *
     * @throws AggregateNameExistsException when another live aggregate has the name
     */
    Optional<Aggregate> rename(long id, String name);

    /** Sets the given keys, and removes those whose value is null; other keys stay. */
    Optional<Aggregate> updateMetadata(long id, Map<String, String> changes);

    /**
     * Adds a host; empty when the aggregate is not there.
     *
     * @throws AggregateHostExistsException when the host is in the aggregate already
     */
    Optional<Aggregate> addHost(long id, String host);

    /** Empty when the aggregate is not there or lacks the host. */
    Optional<Aggregate> removeHost(long id, String host);

    /** Soft-deletes an aggregate and its metadata; false when it was no longer there. */
    boolean delete(long id);

    /** The availability zones the aggregates give each of their hosts (hosts without one are absent), sorted. */
    Map<String, SortedSet<String>> zonesByHost();

    /** The availability zones one host's aggregates give it (empty when none), sorted. */
    default SortedSet<String> zonesOf(String host) {
        return zonesByHost().getOrDefault(host, new TreeSet<>());
    }

    /** How many instances the hosts have between them. */
    long instanceCount(Collection<String> hosts);
}
