package io.hyperstatus.storage;

import io.hyperstatus.domain.ComputeNode;
import java.util.Optional;

/** What the deprecated os-hosts API reads about a host beyond its services: its first compute node. */
public final class HostStore {
    private final Database database;

    public HostStore(Database database) {
        this.database = database;
    }

    /** The host's live compute node of lowest id (Nova's {@code get_first_node_by_host_for_old_compat}). */
    public Optional<ComputeNode> firstNode(String host) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + Rows.NODE_COLUMNS
                        + " FROM compute_nodes cn WHERE cn.deleted = 0 AND cn.host = :host ORDER BY cn.id")
                .bind("host", host)
                .map((rs, ctx) -> Rows.node(rs)).stream()
                // MariaDB compares strings case-insensitively; host names are exact.
                .filter(node -> node.host().equals(host))
                .findFirst());
    }
}
