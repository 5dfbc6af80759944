package io.hyperstatus.storage;

import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.NodeResources;
import io.hyperstatus.domain.Service;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps result-set rows to domain records; the column lists below and these readers go together. */
final class Rows {
    static final String SERVICE_COLUMNS = "s.id AS s_id, s.uuid AS s_uuid, s.host AS s_host, "
            + "s.binary_name AS s_binary, s.disabled AS s_disabled, s.disabled_reason AS s_disabled_reason, "
            + "s.forced_down AS s_forced_down, s.created_at AS s_created_at, s.updated_at AS s_updated_at, "
            + "s.last_seen_up AS s_last_seen_up";

    static final String NODE_COLUMNS = "cn.id, cn.uuid, cn.host, cn.hypervisor_hostname, cn.hypervisor_type, "
            + "cn.hypervisor_version, cn.host_ip, cn.vcpus, cn.vcpus_used, cn.memory_mb, cn.memory_mb_used, "
            + "cn.local_gb, cn.local_gb_used, cn.free_ram_mb, cn.free_disk_gb, cn.current_workload, cn.running_vms, "
            + "cn.disk_available_least, cn.cpu_info, cn.uptime";

    private Rows() {
    }

    static Service service(ResultSet rs) throws SQLException {
        return new Service(
                rs.getLong("s_id"),
                rs.getString("s_uuid"),
                rs.getString("s_host"),
                rs.getString("s_binary"),
                rs.getBoolean("s_disabled"),
                rs.getString("s_disabled_reason"),
                rs.getBoolean("s_forced_down"),
                Times.fromMicros(rs.getLong("s_created_at")),
                Times.fromMicros(nullableLong(rs, "s_updated_at")),
                Times.fromMicros(nullableLong(rs, "s_last_seen_up")));
    }

    static ComputeNode node(ResultSet rs) throws SQLException {
        return new ComputeNode(
                rs.getLong("id"),
                rs.getString("uuid"),
                rs.getString("host"),
                rs.getString("hypervisor_hostname"),
                resources(rs));
    }

    private static NodeResources resources(ResultSet rs) throws SQLException {
        return new NodeResources(
                rs.getString("hypervisor_type"),
                rs.getLong("hypervisor_version"),
                rs.getString("host_ip"),
                rs.getInt("vcpus"),
                rs.getInt("vcpus_used"),
                rs.getLong("memory_mb"),
                rs.getLong("memory_mb_used"),
                rs.getLong("local_gb"),
                rs.getLong("local_gb_used"),
                nullableLong(rs, "free_ram_mb"),
                nullableLong(rs, "free_disk_gb"),
                nullableInt(rs, "current_workload"),
                nullableInt(rs, "running_vms"),
                nullableLong(rs, "disk_available_least"),
                rs.getString("cpu_info"),
                rs.getString("uptime"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
