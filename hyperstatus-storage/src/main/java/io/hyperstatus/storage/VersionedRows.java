package io.hyperstatus.storage;

/**
 * The one way to write an UPDATE of a services or compute_nodes row: every such write moves the row's version,
 * which is how {@link HypervisorDescriptions} knows a remembered description is stale. The single exception is
 * the heartbeat (JdbiAgentStore), which changes only columns a listing reads every time and leaves the version
 * alone so that heartbeats do not empty the cache.
 */
final class VersionedRows {
    /** The tables whose rows carry a version the listing cache depends on. */
    enum Table { SERVICES("services"), COMPUTE_NODES("compute_nodes");
        private final String name;

        Table(String name) {
            this.name = name;
        }
    }

    private VersionedRows() {
    }

    /** {@code UPDATE <table> SET <assignments>, version = version + 1 WHERE <condition>}. */
    static String update(Table table, String assignments, String condition) {
        return "UPDATE " + table.name + " SET " + assignments + ", version = version + 1 WHERE " + condition;
    }
}
