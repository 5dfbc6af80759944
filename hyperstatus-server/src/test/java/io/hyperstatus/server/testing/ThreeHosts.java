package io.hyperstatus.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standard fixture: three compute hosts and a scheduler.
 * <ul>
 *   <li>compute-0001: up, enabled, two instances;</li>
 *   <li>compute-0002: disabled with reason "maintenance" and forced down (so down), no instances;</li>
 *   <li>compute-0003: an ironic node "bm-node-0003", up, enabled, empty cpu_info, no uptime, no instances.</li>
 * </ul>
 */
public final class ThreeHosts {
    public static final String NODE1 = "31bfbb40-558b-58b7-9d75-86cda558a1ce";
    public static final String NODE2 = "7c3cfce4-eca0-5adc-ac5b-995d327d9d40";
    public static final String NODE3 = "2f30eaac-f9de-5316-9aef-2b38ee78aac9";
    public static final String UPTIME1 = " 06:45:30 up 120 days, 17:53,  4 users,  load average: 1.91, 2.56, 0.60";

    public final String service1;
    public final String service2;
    public final String service3;
    public final String scheduler;

    private ThreeHosts(TestServer server) {
        server.seed(
                Host.named("compute-0001").uuid(NODE1).hypervisorHostname("compute-0001.example.org")
                        .with("host_ip", "192.0.2.11").with("cpu_info", "{\"arch\": \"x86_64\", \"vendor\": \"AMD\"}")
                        .with("running_vms", 2)
                        .instance("2bd0c710-beb0-5cfd-9396-d394db959a45", "instance-00000001")
                        .instance("6e6e5b2f-7f3b-5d3a-8a7c-3d2b1a0f9e8d", "instance-00000002"),
                Host.named("compute-0002").uuid(NODE2).hypervisorHostname("compute-0002.example.org")
                        .with("host_ip", "192.0.2.12").with("vcpus_used", 2).with("memory_mb_used", 4608)
                        .with("local_gb_used", 20).with("disk_available_least", 980).with("running_vms", 0)
                        .with("cpu_info", "{\"arch\": \"x86_64\", \"vendor\": \"Intel\"}")
                        .with("uptime", " 12:45:50 up 369 days, 13:25,  5 users,  load average: 3.20, 1.78, 3.74"),
                Host.named("compute-0003").uuid(NODE3).hypervisorHostname("bm-node-0003")
                        .with("hypervisor_type", "ironic").with("hypervisor_version", 1)
                        .with("host_ip", "192.0.2.13").with("vcpus", 48).with("vcpus_used", 0)
                        .with("memory_mb", 65536).with("memory_mb_used", 512).with("local_gb", 500)
                        .with("local_gb_used", 0).with("disk_available_least", null).with("running_vms", 0)
                        .with("cpu_info", "").with("uptime", null));
        server.seedService("controller", "nova-scheduler");
        service1 = server.serviceUuid("compute-0001", "nova-compute");
        service2 = server.serviceUuid("compute-0002", "nova-compute");
        service3 = server.serviceUuid("compute-0003", "nova-compute");
        scheduler = server.serviceUuid("controller", "nova-scheduler");
        Reply disabled = server.put("/v2.1/os-services/" + service2, "2.53",
                "{\"status\": \"disabled\", \"disabled_reason\": \"maintenance\", \"forced_down\": true}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    }

    public static ThreeHosts seed(TestServer server) {
        return new ThreeHosts(server);
    }
}
