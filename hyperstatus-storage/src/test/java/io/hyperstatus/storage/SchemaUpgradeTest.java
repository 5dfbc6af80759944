package io.hyperstatus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.core.port.HypervisorQuery;
import io.hyperstatus.core.port.HypervisorRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that an older release filled keeps listing the same hypervisors after the schema is upgraded. */
class SchemaUpgradeTest {
    @TempDir
    Path folder;

    @Test
    void nodesStoredBeforeTheServiceColumnBelongToTheirHostsLiveComputeServiceAfterTheUpgrade() {
        DatabaseUrl url = DatabaseUrl.parse("sqlite:///" + folder.resolve("old.sqlite"));
        try (Database database = Database.open(url, 2)) {
            assertThat(database.migrateTo("3")).isEqualTo(3);
            database.jdbi().useHandle(handle -> {
                // alpha was deleted once and registered again; beta's compute service is gone; gamma has a scheduler only.
                handle.execute("INSERT INTO services (id, uuid, host, binary_name, created_at, deleted)"
                        + " VALUES (1, 'svc-alpha-old', 'alpha', 'nova-compute', 1, 1),"
                        + " (2, 'svc-alpha', 'alpha', 'nova-compute', 2, 0),"
                        + " (3, 'svc-beta', 'beta', 'nova-compute', 3, 3),"
                        + " (4, 'svc-gamma', 'gamma', 'nova-scheduler', 4, 0)");
                for (String host : List.of("alpha", "beta", "gamma")) {
                    handle.execute("INSERT INTO compute_nodes (uuid, host, hypervisor_hostname, hypervisor_type,"
                            + " hypervisor_version, vcpus, vcpus_used, memory_mb, memory_mb_used, local_gb,"
                            + " local_gb_used, cpu_info, created_at) VALUES (?, ?, ?, 'QEMU', 1, 1, 0, 1, 0, 1, 0,"
                            + " '{}', 1)", "node-" + host, host, host + ".example.org");
                }
            });

            assertThat(database.migrate()).isEqualTo(5);

            JdbiHypervisorStore store = new JdbiHypervisorStore(database, 10, 10);
            List<String> listed = new ArrayList<>();
            store.list(HypervisorQuery.all()).forEachRemaining(
                    (HypervisorRow h) -> listed.add(h.node().uuid() + " of " + h.service().uuid()));
            assertThat(listed).containsExactly("node-alpha of svc-alpha");
        }
    }
}
