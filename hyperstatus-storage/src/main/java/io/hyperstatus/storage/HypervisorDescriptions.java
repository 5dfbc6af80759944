package io.hyperstatus.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hyperstatus.domain.ComputeNode;
import java.util.Objects;

/**
 * What rarely changes about each hypervisor, kept in memory between listings: its compute node's row, and its
 * service's UUID and disabled reason, each with the version of the row it was read from. Every write to a compute
 * node or service row moves that row's version except a heartbeat's (see VersionedRows), so a listing
 * reads only ids, versions and the columns liveness and status depend on, and uses a description only when both
 * versions still match. State and status are never taken from here.
 */
final class HypervisorDescriptions {
    record Description(long nodeVersion, long serviceId, long serviceVersion, ComputeNode node, String serviceUuid,
                       String disabledReason) {
        Description {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(serviceUuid, "serviceUuid");
        }

        boolean matches(long nodeVersion, long serviceId, long serviceVersion) {
            return this.nodeVersion == nodeVersion && this.serviceId == serviceId && this.serviceVersion == serviceVersion;
        }
    }

    private final Cache<Long, Description> byNodeId;

    /** {@code maximumSize}: how many hypervisors to keep; 0 keeps none, so every listing reads whole rows. */
    HypervisorDescriptions(int maximumSize) {
        if (maximumSize < 0) {
            throw new IllegalArgumentException("maximumSize must not be negative: " + maximumSize);
        }
        // Upkeep runs on the listing's own thread: a listing of 10,000 reads would otherwise hand it to the common
        // pool many times over, and waking a pool thread costs more than the upkeep.
        this.byNodeId = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
    }

    /** The description of a node read at these versions, or null. */
    Description current(long nodeId, long nodeVersion, long serviceId, long serviceVersion) {
        Description description = byNodeId.getIfPresent(nodeId);
        return description != null && description.matches(nodeVersion, serviceId, serviceVersion) ? description : null;
    }

    void remember(Description description) {
        byNodeId.put(description.node().id(), description);
    }
}
