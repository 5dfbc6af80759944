package io.hyperstatus.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers Nova gives at microversion 2.1 for the {@link ThreeHosts} fixture, shared by several specs. */
public final class ThreeHostsBodies {
    private ThreeHostsBodies() {
    }

    public static final String LIST_V21 = """
            {"hypervisors": [
              {"id": 1, "hypervisor_hostname": "compute-0001.example.org", "state": "up", "status": "enabled"},
              {"id": 2, "hypervisor_hostname": "compute-0002.example.org", "state": "down", "status": "disabled"},
              {"id": 3, "hypervisor_hostname": "bm-node-0003", "state": "up", "status": "enabled"}]}""";

    public static final String DETAIL_V21 = """
            {"hypervisors": [
              {"id": 1, "hypervisor_hostname": "compute-0001.example.org", "state": "up", "status": "enabled",
               "host_ip": "192.0.2.11", "hypervisor_type": "QEMU", "hypervisor_version": 8002000,
               "service": {"host": "compute-0001", "id": 1, "disabled_reason": null},
               "vcpus": 32, "memory_mb": 131072, "local_gb": 1000, "vcpus_used": 4, "memory_mb_used": 8704,
               "local_gb_used": 80, "free_ram_mb": 122368, "free_disk_gb": 920, "current_workload": 0,
               "running_vms": 2, "disk_available_least": 900,
               "cpu_info": "{\\"arch\\": \\"x86_64\\", \\"vendor\\": \\"AMD\\"}"},
              {"id": 2, "hypervisor_hostname": "compute-0002.example.org", "state": "down", "status": "disabled",
               "host_ip": "192.0.2.12", "hypervisor_type": "QEMU", "hypervisor_version": 8002000,
               "service": {"host": "compute-0002", "id": 2, "disabled_reason": "maintenance"},
               "vcpus": 32, "memory_mb": 131072, "local_gb": 1000, "vcpus_used": 2, "memory_mb_used": 4608,
               "local_gb_used": 20, "free_ram_mb": 126464, "free_disk_gb": 980, "current_workload": 0,
               "running_vms": 0, "disk_available_least": 980,
               "cpu_info": "{\\"arch\\": \\"x86_64\\", \\"vendor\\": \\"Intel\\"}"},
              {"id": 3, "hypervisor_hostname": "bm-node-0003", "state": "up", "status": "enabled",
               "host_ip": "192.0.2.13", "hypervisor_type": "ironic", "hypervisor_version": 1,
               "service": {"host": "compute-0003", "id": 3, "disabled_reason": null},
               "vcpus": 48, "memory_mb": 65536, "local_gb": 500, "vcpus_used": 0, "memory_mb_used": 512,
               "local_gb_used": 0, "free_ram_mb": 65024, "free_disk_gb": 500, "current_workload": 0,
               "running_vms": 0, "disk_available_least": null, "cpu_info": ""}]}""";

    public static final String SHOW1_V21 = """
            {"hypervisor": {"id": 1, "hypervisor_hostname": "compute-0001.example.org", "state": "up", "status": "enabled",
             "host_ip": "192.0.2.11", "hypervisor_type": "QEMU", "hypervisor_version": 8002000,
             "service": {"host": "compute-0001", "id": 1, "disabled_reason": null},
             "vcpus": 32, "memory_mb": 131072, "local_gb": 1000, "vcpus_used": 4, "memory_mb_used": 8704,
             "local_gb_used": 80, "free_ram_mb": 122368, "free_disk_gb": 920, "current_workload": 0,
             "running_vms": 2, "disk_available_least": 900,
             "cpu_info": "{\\"arch\\": \\"x86_64\\", \\"vendor\\": \\"AMD\\"}"}}""";

    /** A body of these before 2.28 as from 2.28, where cpu_info is the driver's JSON as an object (empty text: {}). */
    public static String withCpuInfoObjects(String body) {
        String objects = body
                .replace("\"cpu_info\": \"{\\\"arch\\\": \\\"x86_64\\\", \\\"vendor\\\": \\\"AMD\\\"}\"",
                        "\"cpu_info\": {\"arch\": \"x86_64\", \"vendor\": \"AMD\"}")
                .replace("\"cpu_info\": \"{\\\"arch\\\": \\\"x86_64\\\", \\\"vendor\\\": \\\"Intel\\\"}\"",
                        "\"cpu_info\": {\"arch\": \"x86_64\", \"vendor\": \"Intel\"}")
                .replace("\"cpu_info\": \"\"", "\"cpu_info\": {}");
        assertThat(objects).doesNotContain("\\\"arch");
        return objects;
    }
}
