-- Services, the compute nodes (hypervisors) of nova-compute services, and the instances on each host.
-- Times are epoch microseconds stamped with the database clock. Soft-deleted rows keep deleted = id so that
-- a host can register again under the same (host, binary) while the old row stays for the record.

CREATE TABLE services (
    id @id_column@,
    uuid VARCHAR(36) NOT NULL,
    host VARCHAR(255) NOT NULL,
    binary_name VARCHAR(255) NOT NULL,
    report_count BIGINT NOT NULL DEFAULT 0,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    disabled_reason VARCHAR(255),
    forced_down BOOLEAN NOT NULL DEFAULT FALSE,
    last_seen_up BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT,
    deleted_at BIGINT,
    deleted BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX services_uuid_idx ON services (uuid);
CREATE UNIQUE INDEX services_host_binary_deleted_idx ON services (host, binary_name, deleted);

CREATE TABLE compute_nodes (
    id @id_column@,
    uuid VARCHAR(36) NOT NULL,
    host VARCHAR(255) NOT NULL,
    hypervisor_hostname VARCHAR(255) NOT NULL,
    hypervisor_type VARCHAR(255) NOT NULL,
    hypervisor_version BIGINT NOT NULL,
    host_ip VARCHAR(64),
    vcpus INTEGER NOT NULL,
    vcpus_used INTEGER NOT NULL,
    memory_mb BIGINT NOT NULL,
    memory_mb_used BIGINT NOT NULL,
    local_gb BIGINT NOT NULL,
    local_gb_used BIGINT NOT NULL,
    free_ram_mb BIGINT,
    free_disk_gb BIGINT,
    current_workload INTEGER,
    running_vms INTEGER,
    disk_available_least BIGINT,
    cpu_info TEXT NOT NULL,
    uptime VARCHAR(255),
    created_at BIGINT NOT NULL,
    updated_at BIGINT,
    deleted_at BIGINT,
    deleted BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX compute_nodes_uuid_idx ON compute_nodes (uuid);
CREATE UNIQUE INDEX compute_nodes_host_node_deleted_idx ON compute_nodes (host, hypervisor_hostname, deleted);
-- Pages walk live nodes in id order.
CREATE INDEX compute_nodes_deleted_id_idx ON compute_nodes (deleted, id);

CREATE TABLE instances (
    id @id_column@,
    uuid VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    host VARCHAR(255) NOT NULL,
    node VARCHAR(255) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX instances_uuid_idx ON instances (uuid);
CREATE INDEX instances_host_idx ON instances (host);
