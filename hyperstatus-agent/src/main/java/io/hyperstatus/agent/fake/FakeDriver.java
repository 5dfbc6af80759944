package io.hyperstatus.agent.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperstatus.agent.ComputeDriver;
import io.hyperstatus.agent.HostFacts;
import io.hyperstatus.agent.ReportedHost;
import io.hyperstatus.config.ConfigException;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.NodeResources;
import io.hyperstatus.domain.Reported;
import io.hyperstatus.domain.ServiceKey;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deterministic hosts without a hypervisor. With {@code [fake] hosts_file} it simulates every host of that file
 * (re-read when the file changes); without it, this one machine with its real CPU count, memory and disk.
 */
public final class FakeDriver implements ComputeDriver {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MIB = 1024L * 1024L;
    private static final long GIB = MIB * 1024L;

    private final Optional<Path> hostsFile;
    private final String thisHost;
    private final Path diskPath;
    private final String hostIp;

    private FileTime loadedAt;
    private List<ReportedHost> hosts = List.of();
    private List<ServiceKey> services = List.of();

    public FakeDriver(Optional<Path> hostsFile, String thisHost, Path diskPath, Optional<String> myIp) {
        this.hostsFile = hostsFile;
        this.thisHost = thisHost;
        this.diskPath = diskPath;
        this.hostIp = myIp.orElseGet(HostFacts::defaultRouteAddress);
        hostsFile.ifPresent(this::load);
    }

    @Override
    public synchronized List<ReportedHost> hosts() {
        if (hostsFile.isEmpty()) {
            return List.of(new ReportedHost(thisMachine(), true));
        }
        reloadIfChanged(hostsFile.get());
        return hosts;
    }

    @Override
    public synchronized List<ServiceKey> otherServices() {
        return services;
    }

    private void reloadIfChanged(Path file) {
        try {
            if (!Files.getLastModifiedTime(file).equals(loadedAt)) {
                load(file);
            }
        } catch (IOException | ConfigException e) {
            // Keep simulating what was loaded last; an edit in progress is read on a later tick.
        }
    }

    private void load(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            FakeHostsFile parsed = FakeHostsFile.parse(MAPPER.readTree(file.toFile()), file.toString(), hostIp);
            hosts = parsed.hosts();
            services = parsed.services();
            loadedAt = modified;
        } catch (IOException e) {
            throw new ConfigException("Cannot read [fake] hosts_file " + file + ": " + e.getMessage(), e);
        }
    }

    /** This machine as a hypervisor: its processors, memory and the disk under the instances path. */
    private NodeReport thisMachine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long memoryMb = os.getTotalMemorySize() / MIB;
        long freeMemoryMb = os.getFreeMemorySize() / MIB;
        long localGb = 0;
        long freeGb = 0;
        try {
            Path existing = diskPath;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            FileStore store = Files.getFileStore(existing == null ? Path.of("/") : existing);
            localGb = store.getTotalSpace() / GIB;
            freeGb = store.getUsableSpace() / GIB;
        } catch (IOException e) {
            // no disk figures: report zero rather than fail the host
        }
        int vcpus = Runtime.getRuntime().availableProcessors();
        String cpuInfo = "{\"arch\": \"" + System.getProperty("os.arch").replace("amd64", "x86_64")
                + "\", \"topology\": {\"cells\": 1, \"sockets\": 1, \"cores\": " + vcpus + ", \"threads\": 1}}";
        return new NodeReport(thisHost, thisHost, null, new NodeResources("fake", 1000, hostIp, vcpus, 0, memoryMb,
                memoryMb - freeMemoryMb, localGb, localGb - freeGb, freeMemoryMb, freeGb, 0, 0, freeGb, cpuInfo,
                HostFacts.uptimeLine().orElse(null)), List.<Instance>of());
    }

    /** What a hosts file holds, validated. */
    record FakeHostsFile(List<ReportedHost> hosts, List<ServiceKey> services) {
        static FakeHostsFile parse(JsonNode json, String source, String defaultHostIp) {
            if (json == null || !json.isObject()) {
                throw invalid(source, "the file must hold a JSON object with \"hosts\" and \"services\"");
            }
            List<ReportedHost> hosts = new ArrayList<>();
            JsonNode hostList = json.path("hosts");
            for (int i = 0; i < hostList.size(); i++) {
                hosts.add(host(hostList.get(i), source + ": hosts[" + i + "]", defaultHostIp));
            }
            List<ServiceKey> services = new ArrayList<>();
            JsonNode serviceList = json.path("services");
            for (int i = 0; i < serviceList.size(); i++) {
                String where = source + ": services[" + i + "]";
                services.add(new ServiceKey(text(serviceList.get(i), "host", where), text(serviceList.get(i), "binary", where)));
            }
            return new FakeHostsFile(List.copyOf(hosts), List.copyOf(services));
        }

        private static ReportedHost host(JsonNode h, String where, String defaultHostIp) {
            String host = text(h, "host", where);
            long memoryMb = number(h, "memory_mb", 8192, where);
            long memoryUsed = number(h, "memory_mb_used", 512, where);
            long localGb = number(h, "local_gb", 1028, where);
            long localUsed = number(h, "local_gb_used", 0, where);
            List<Instance> instances = new ArrayList<>();
            for (JsonNode instance : h.path("instances")) {
                instances.add(new Instance(text(instance, "uuid", where + ".instances"),
                        text(instance, "name", where + ".instances")));
            }
            JsonNode cpuInfo = h.get("cpu_info");
            // Figures the file leaves out are filled in by the domain's rules, as the server does for a request.
            NodeReport node = NodeReport.withDefaults(
                    host,
                    h.hasNonNull("hypervisor_hostname") ? text(h, "hypervisor_hostname", where) : host,
                    h.hasNonNull("uuid") ? text(h, "uuid", where) : null,
                    h.hasNonNull("hypervisor_type") ? text(h, "hypervisor_type", where) : "fake",
                    number(h, "hypervisor_version", 1000, where),
                    h.hasNonNull("host_ip") ? text(h, "host_ip", where) : defaultHostIp,
                    (int) number(h, "vcpus", 1, where),
                    (int) number(h, "vcpus_used", 0, where),
                    memoryMb, memoryUsed, localGb, localUsed,
                    h.has("free_ram_mb") ? Reported.of(nullableNumber(h, "free_ram_mb", where)) : Reported.leftOut(),
                    h.has("free_disk_gb") ? Reported.of(nullableNumber(h, "free_disk_gb", where)) : Reported.leftOut(),
                    h.hasNonNull("current_workload")
                            ? Reported.of((int) number(h, "current_workload", 0, where)) : Reported.leftOut(),
                    h.hasNonNull("running_vms") ? Reported.of((int) number(h, "running_vms", 0, where)) : Reported.leftOut(),
                    h.has("disk_available_least") ? nullableNumber(h, "disk_available_least", where) : Long.valueOf(localGb - localUsed),
                    cpuInfo == null || cpuInfo.isNull() ? "{}" : cpuInfo.isTextual() ? cpuInfo.textValue() : cpuInfo.toString(),
                    h.hasNonNull("uptime") ? text(h, "uptime", where) : null,
                    instances);
            return new ReportedHost(node, !h.has("heartbeat") || h.get("heartbeat").asBoolean(true));
        }

        private static String text(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
                throw invalid(where, "\"" + field + "\" must be a non-empty string");
            }
            return value.textValue();
        }

        private static long number(JsonNode node, String field, long defaultValue, String where) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return defaultValue;
            }
            if (!value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 0) {
                throw invalid(where, "\"" + field + "\" must be a non-negative integer");
            }
            return value.longValue();
        }

        private static Long nullableNumber(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber()) {
                throw invalid(where, "\"" + field + "\" must be an integer or null");
            }
            return value.longValue();
        }

        private static ConfigException invalid(String where, String why) {
            return new ConfigException("Invalid [fake] hosts_file " + where + ": " + why);
        }
    }
}
