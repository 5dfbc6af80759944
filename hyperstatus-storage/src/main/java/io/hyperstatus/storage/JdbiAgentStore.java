package io.hyperstatus.storage;

import io.hyperstatus.core.ConflictingWriteException;
import io.hyperstatus.core.ServiceAlreadyRegisteredException;
import io.hyperstatus.core.agents.AgentReports;
import io.hyperstatus.core.port.AgentStore;
import io.hyperstatus.core.services.Registration;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.NodeResources;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The writes compute agents make, on Jdbi: register services, report compute nodes and instances, heartbeat. */
public final class JdbiAgentStore implements AgentStore {
    private static final int HEARTBEAT_CHUNK = 500;
    /**
     * The live nova-compute service of the host bound as {@code :host}, which a compute node belongs to. Set on every
     * node report and when that service registers; a node first reported in the very moment its service registers
     * from another connection gets it with its next report.
     */
    private static final String COMPUTE_SERVICE_OF_HOST = "SELECT id FROM services WHERE host = :host"
            + " AND binary_name = '" + Service.COMPUTE_BINARY + "' AND deleted = 0";
    private final Database database;

    public JdbiAgentStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Registration> registered(ServiceKey key) {
        return database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT id, uuid FROM services WHERE host = :host AND binary_name = :binary AND deleted = 0")
                .bind("host", key.host()).bind("binary", key.binary())
                .map((rs, ctx) -> new Registration(key, rs.getLong("id"), rs.getString("uuid"), false))
                .findFirst());
    }

    @Override
    public Service insert(ServiceKey key) {
        String uuid = UUID.randomUUID().toString();
        try {
            return insert(key, uuid);
        } catch (JdbiException e) {
            if (ConstraintViolations.isConstraintViolation(e)) {
                throw new ServiceAlreadyRegisteredException(key, e);
            }
            throw e;
        }
    }

    private Service insert(ServiceKey key, String uuid) {
        return database.jdbi().inTransaction(handle -> {
            handle.createUpdate("INSERT INTO services"
                            + " (uuid, host, binary_name, report_count, disabled, forced_down, created_at, deleted)"
                            + " VALUES (:uuid, :host, :binary, 0, :no, :no, " + database.dialect().nowMicros() + ", 0)")
                    .bind("uuid", uuid).bind("host", key.host()).bind("binary", key.binary()).bind("no", false)
                    .execute();
            if (key.binary().equals(Service.COMPUTE_BINARY)) {
                // Nodes reported before their host's compute service registered belong to it from now on.
                handle.createUpdate(VersionedRows.update(VersionedRows.Table.COMPUTE_NODES,
                                "service_id = (" + COMPUTE_SERVICE_OF_HOST + ")", "host = :host AND deleted = 0"))
                        .bind("host", key.host()).execute();
            }
            return handle.createQuery("SELECT " + Rows.SERVICE_COLUMNS + " FROM services s WHERE s.uuid = :uuid")
                    .bind("uuid", uuid).map((rs, ctx) -> Rows.service(rs)).one();
        });
    }

    /**
     * Records heartbeats with one UPDATE per binary and up to 500 hosts, in one transaction. Returns the services
     * that are not registered (deleted by an operator, say), so their agent can register again; they are looked up
     * only when the update touched fewer rows than it was given hosts. A heartbeat is the one write that leaves the
     * row's version alone (the exception {@link VersionedRows} names): it changes only what listings read every
     * time.
     */
    @Override
    public List<ServiceKey> heartbeat(List<ServiceKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> hostsByBinary = new TreeMap<>();
        for (ServiceKey key : new LinkedHashSet<>(keys)) {
            hostsByBinary.computeIfAbsent(key.binary(), b -> new ArrayList<>()).add(key.host());
        }
        String now = database.dialect().nowMicros();
        Set<ServiceKey> unknown = database.jdbi().inTransaction(handle -> {
            Set<ServiceKey> missing = new HashSet<>();
            hostsByBinary.forEach((binary, hosts) -> {
                for (int from = 0; from < hosts.size(); from += HEARTBEAT_CHUNK) {
                    List<String> chunk = hosts.subList(from, Math.min(hosts.size(), from + HEARTBEAT_CHUNK));
                    int updated = handle.createUpdate("UPDATE services SET report_count = report_count + 1,"
                                    + " last_seen_up = " + now + ", updated_at = " + now
                                    + " WHERE binary_name = :binary AND deleted = 0 AND host IN (<hosts>)")
                            .bind("binary", binary).bindList("hosts", chunk).execute();
                    if (updated < chunk.size()) {
                        Set<String> registered = new HashSet<>(handle.createQuery("SELECT host FROM services"
                                        + " WHERE binary_name = :binary AND deleted = 0 AND host IN (<hosts>)")
                                .bind("binary", binary).bindList("hosts", chunk).mapTo(String.class).list());
                        chunk.stream().filter(host -> !registered.contains(host))
                                .forEach(host -> missing.add(new ServiceKey(host, binary)));
                    }
                }
            });
            return missing;
        });
        return keys.stream().filter(unknown::contains).toList();
    }

    @Override
    public List<String> report(List<NodeReport> reports) {
        try {
            return database.jdbi().inTransaction(handle -> {
                List<String> uuids = new ArrayList<>();
                for (NodeReport report : reports) {
                    String uuid = upsertNode(handle, report);
                    replaceInstances(handle, report);
                    uuids.add(uuid);
                }
                return uuids;
            });
        } catch (JdbiException e) {
            if (ConstraintViolations.isConstraintViolation(e)) {
                throw new ConflictingWriteException("The report conflicts with stored compute nodes: a node's UUID, and"
                        + " its host with its hypervisor hostname, each belong to one node only.", e);
            }
            throw e;
        }
    }

    private String upsertNode(Handle handle, NodeReport report) {
        // A node is known by its UUID even when deleted: a compute service that an operator deleted and that
        // comes back brings its node back under the same identity, as Nova restores a deleted compute node.
        Optional<Map.Entry<String, String>> stored = handle.createQuery("SELECT uuid, host FROM compute_nodes WHERE"
                        + (report.uuid() != null ? " uuid = :uuid" : " host = :host AND hypervisor_hostname = :hostname AND deleted = 0"))
                .bind("uuid", report.uuid()).bind("host", report.host()).bind("hostname", report.hypervisorHostname())
                .map((rs, ctx) -> Map.entry(rs.getString("uuid"), rs.getString("host"))).findFirst();
        // A node never moves to another host (deleted or not): that would take it from the host it belongs to.
        if (stored.isPresent() && !stored.get().getValue().equals(report.host())) {
            throw AgentReports.nodeOfAnotherHost(stored.get().getKey(), stored.get().getValue(), report.host());
        }
        Optional<String> existing = stored.map(Map.Entry::getKey);
        String now = database.dialect().nowMicros();
        String columns = "host = :host, hypervisor_hostname = :hostname, hypervisor_type = :type,"
                + " hypervisor_version = :version, host_ip = :hostIp, vcpus = :vcpus, vcpus_used = :vcpusUsed,"
                + " memory_mb = :memoryMb, memory_mb_used = :memoryMbUsed, local_gb = :localGb,"
                + " local_gb_used = :localGbUsed, free_ram_mb = :freeRamMb, free_disk_gb = :freeDiskGb,"
                + " current_workload = :workload, running_vms = :runningVms,"
                + " disk_available_least = :diskAvailableLeast, cpu_info = :cpuInfo, uptime = :uptime,"
                + " service_id = (" + COMPUTE_SERVICE_OF_HOST + ")";
        String uuid = existing.orElseGet(() -> report.uuid() != null ? report.uuid() : UUID.randomUUID().toString());
        var statement = existing.isPresent()
                ? handle.createUpdate(VersionedRows.update(VersionedRows.Table.COMPUTE_NODES,
                        columns + ", updated_at = " + now + ", deleted = 0, deleted_at = NULL", "uuid = :uuid"))
                : handle.createUpdate("INSERT INTO compute_nodes (uuid, host, hypervisor_hostname, hypervisor_type,"
                        + " hypervisor_version, host_ip, vcpus, vcpus_used, memory_mb, memory_mb_used, local_gb,"
                        + " local_gb_used, free_ram_mb, free_disk_gb, current_workload, running_vms,"
                        + " disk_available_least, cpu_info, uptime, service_id, created_at, deleted) VALUES (:uuid,"
                        + " :host, :hostname, :type, :version, :hostIp, :vcpus, :vcpusUsed, :memoryMb, :memoryMbUsed,"
                        + " :localGb, :localGbUsed, :freeRamMb, :freeDiskGb, :workload, :runningVms,"
                        + " :diskAvailableLeast, :cpuInfo, :uptime, (" + COMPUTE_SERVICE_OF_HOST + "), " + now + ", 0)");
        NodeResources resources = report.resources();
        statement.bind("uuid", uuid)
                .bind("host", report.host())
                .bind("hostname", report.hypervisorHostname())
                .bind("type", resources.hypervisorType())
                .bind("version", resources.hypervisorVersion())
                .bind("hostIp", resources.hostIp())
                .bind("vcpus", resources.vcpus())
                .bind("vcpusUsed", resources.vcpusUsed())
                .bind("memoryMb", resources.memoryMb())
                .bind("memoryMbUsed", resources.memoryMbUsed())
                .bind("localGb", resources.localGb())
                .bind("localGbUsed", resources.localGbUsed())
                .bind("freeRamMb", resources.freeRamMb())
                .bind("freeDiskGb", resources.freeDiskGb())
                .bind("workload", resources.currentWorkload())
                .bind("runningVms", resources.runningVms())
                .bind("diskAvailableLeast", resources.diskAvailableLeast())
                .bind("cpuInfo", resources.cpuInfo())
                .bind("uptime", resources.uptime())
                .execute();
        return uuid;
    }

    private void replaceInstances(Handle handle, NodeReport report) {
        handle.createUpdate("DELETE FROM instances WHERE host = :host AND node = :node")
                .bind("host", report.host()).bind("node", report.hypervisorHostname()).execute();
        if (report.instances().isEmpty()) {
            return;
        }
        // An instance that moved here from another host is no longer there.
        handle.createUpdate("DELETE FROM instances WHERE uuid IN (<uuids>)")
                .bindList("uuids", report.instances().stream().map(Instance::uuid).toList()).execute();
        PreparedBatch insert = handle.prepareBatch("INSERT INTO instances (uuid, name, host, node, created_at)"
                + " VALUES (:uuid, :name, :host, :node, " + database.dialect().nowMicros() + ")");
        for (Instance instance : report.instances()) {
            insert.bind("uuid", instance.uuid()).bind("name", instance.name())
                    .bind("host", report.host()).bind("node", report.hypervisorHostname()).add();
        }
        insert.execute();
    }
}
