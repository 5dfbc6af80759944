package io.hyperstatus.agent.libvirt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.agent.ComputeDriver;
import io.hyperstatus.agent.HostFacts;
import io.hyperstatus.agent.ReportedHost;
import io.hyperstatus.config.ConfigException;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.Reported;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.libvirt.jna.Libvirt;

/**
 * This host as libvirt sees it: the hypervisor's processors and memory, the disk under the instances path, and
 * every domain defined on it. One connection stays open between reports and is reopened when it drops, so a
 * libvirtd restart costs one failed tick at most.
 */
public final class LibvirtDriver implements ComputeDriver {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long KIB_PER_MIB = 1024L;
    private static final long BYTES_PER_GIB = 1024L * 1024L * 1024L;
    /**
     * libvirt prints every error to stderr unless a handler is set, which would repeat each tick while the daemon
     * is down; the errors reach the agent as exceptions, and it logs them once. Held here so it is never collected.
     */
    private static final Libvirt.VirErrorCallback IGNORE_ERRORS = (userData, error) -> { };

    private final String connectionUri;
    private final String host;
    private final Path instancesPath;
    private final String hostIp;
    private final int reservedHostMemoryMb;

    /** Null after the connection dropped and could not be reopened yet. */
    private Connect connection;
    private boolean closed;

    public LibvirtDriver(String connectionUri, String host, Path instancesPath, Optional<String> myIp,
            int reservedHostMemoryMb) {
        this.connectionUri = Objects.requireNonNull(connectionUri, "connectionUri");
        this.host = Objects.requireNonNull(host, "host");
        this.instancesPath = Objects.requireNonNull(instancesPath, "instancesPath");
        this.hostIp = myIp.orElseGet(HostFacts::defaultRouteAddress);
        this.reservedHostMemoryMb = reservedHostMemoryMb;
        try {
            Connect.setErrorCallback(IGNORE_ERRORS);
            connection = open();
        } catch (LibvirtException e) {
            throw cannotOpen(describe(e), e);
        } catch (LinkageError e) {
            throw cannotOpen("the libvirt client library (libvirt.so.0, Debian package libvirt0) cannot be loaded: "
                    + e, e);
        }
    }

    private ConfigException cannotOpen(String why, Throwable cause) {
        return new ConfigException("Cannot open [libvirt] connection_uri '" + connectionUri + "': " + why, cause);
    }

    @Override
    public synchronized List<ReportedHost> hosts() {
        if (closed) {
            throw new IllegalStateException("The libvirt driver for " + connectionUri + " is closed");
        }
        try {
            return List.of(new ReportedHost(report(connected()), true));
        } catch (LibvirtException firstFailure) {
            if (!connectionDropped()) {
                throw failure(firstFailure);
            }
            // The daemon went away under an open connection (a libvirtd restart): try once on a fresh one.
            discardConnection();
            try {
                return List.of(new ReportedHost(report(connected()), true));
            } catch (LibvirtException secondFailure) {
                if (connectionDropped()) {
                    discardConnection();
                }
                throw failure(secondFailure);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        discardConnection();
    }

    /** The connection in use; package-private so a test can break it the way a daemon restart would. */
    synchronized Connect connectionInUse() {
        return connection;
    }

    private Connect open() throws LibvirtException {
        // Read-only is all a status report needs, and libvirtd grants it to more users than read-write.
        return new Connect(connectionUri, true);
    }

    private Connect connected() throws LibvirtException {
        if (connection == null) {
            connection = open();
        }
        return connection;
    }

    private boolean connectionDropped() {
        if (connection == null) {
            return true;
        }
        try {
            return !connection.isAlive();
        } catch (LibvirtException e) {
            return true;
        }
    }

    private void discardConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (LibvirtException e) {
                // Closing a dead connection may fail; it is dropped either way.
            }
            connection = null;
        }
    }

    private RuntimeException failure(LibvirtException e) {
        return new IllegalStateException("libvirt at " + connectionUri + " failed: " + describe(e), e);
    }

    private static String describe(LibvirtException e) {
        // The binding's own message is a multi-line dump of every error field; libvirt's message says it all.
        String message = e.getError() == null ? null : e.getError().getMessage();
        return message == null || message.isBlank() ? String.valueOf(e.getMessage()).strip() : message.strip();
    }

    private NodeReport report(Connect connect) throws LibvirtException {
        NodeInfo node = connect.nodeInfo();
        Guests guests = guests(connect);
        DiskSpace disk = diskSpace();
        long memoryMb = node.memory / KIB_PER_MIB;
        long memoryMbUsed = guests.runningMemoryKib() / KIB_PER_MIB + reservedHostMemoryMb;
        // Free memory and disk (total minus used) and the workload (0, libvirt has none) follow the domain's rules.
        return NodeReport.withDefaults(
                host,
                connect.getHostName(),
                null,
                connect.getType(),
                connect.getVersion(),
                hostIp,
                node.cpus,
                guests.runningVcpus(),
                memoryMb,
                memoryMbUsed,
                disk.totalGb(),
                disk.usedGb(),
                Reported.leftOut(),
                Reported.leftOut(),
                Reported.leftOut(),
                Reported.of(guests.running()),
                disk.totalGb() - disk.usedGb(),
                cpuInfo(hostCpu(connect), node),
                HostFacts.uptimeLine().orElse(null),
                guests.instances());
    }

    /** What the domains add up to: running ones use processors and memory, every defined one is an instance. */
    private record Guests(int runningVcpus, long runningMemoryKib, int running, List<Instance> instances) {
    }

    private static Guests guests(Connect connect) throws LibvirtException {
        int vcpus = 0;
        long memoryKib = 0;
        int running = 0;
        Map<String, Instance> instances = new LinkedHashMap<>();
        for (int id : connect.listDomains()) {
            Optional<Domain> domain = lookup(() -> connect.domainLookupByID(id));
            if (domain.isEmpty()) {
                continue;
            }
            try {
                DomainInfo info = domain.get().getInfo();
                vcpus += info.nrVirtCpu;
                memoryKib += info.memory;
                running++;
                Instance instance = new Instance(domain.get().getUUIDString(), domain.get().getName());
                instances.put(instance.uuid(), instance);
            } finally {
                free(domain.get());
            }
        }
        for (String name : connect.listDefinedDomains()) {
            Optional<Domain> domain = lookup(() -> connect.domainLookupByName(name));
            if (domain.isEmpty()) {
                continue;
            }
            try {
                Instance instance = new Instance(domain.get().getUUIDString(), domain.get().getName());
                instances.putIfAbsent(instance.uuid(), instance);
            } finally {
                free(domain.get());
            }
        }
        // libvirt lists inactive domains in no stable order; a stable one keeps unchanged reports equal.
        List<Instance> sorted = new ArrayList<>(instances.values());
        sorted.sort(Comparator.comparing(Instance::name).thenComparing(Instance::uuid));
        return new Guests(vcpus, memoryKib, running, sorted);
    }

    private interface DomainLookup {
        Domain find() throws LibvirtException;
    }

    /** A domain undefined or stopped between listing and lookup is simply not there any more. */
    private static Optional<Domain> lookup(DomainLookup lookup) throws LibvirtException {
        try {
            return Optional.of(lookup.find());
        } catch (LibvirtException e) {
            if (e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void free(Domain domain) {
        try {
            domain.free();
        } catch (LibvirtException e) {
            // Only releases the handle early; the binding's finalizer would release it too.
        }
    }

    /** Total and used space, in whole GiB, of the file system that holds (or will hold) the instances path. */
    private record DiskSpace(long totalGb, long usedGb) {
    }

    private DiskSpace diskSpace() {
        Path existing = instancesPath.toAbsolutePath();
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            FileStore store = Files.getFileStore(existing);
            long total = store.getTotalSpace();
            // Used as df counts it: blocks not free, including those reserved for root.
            long used = total - store.getUnallocatedSpace();
            return new DiskSpace(total / BYTES_PER_GIB, used / BYTES_PER_GIB);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the file system of [DEFAULT] instances_path " + instancesPath
                    + " (at " + existing + "): " + e.getMessage(), e);
        }
    }

    private HostCpu hostCpu(Connect connect) throws LibvirtException {
        try {
            return HostCpu.fromCapabilities(connect.getCapabilities());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("libvirt at " + connectionUri + " failed: " + e.getMessage(), e);
        }
    }

    /** Nova's cpu_info: what the capabilities say of the host CPU, and the topology nodeinfo counts. */
    private static String cpuInfo(HostCpu cpu, NodeInfo node) {
        ObjectNode json = MAPPER.createObjectNode();
        cpu.arch().ifPresent(arch -> json.put("arch", arch));
        cpu.model().ifPresent(model -> json.put("model", model));
        cpu.vendor().ifPresent(vendor -> json.put("vendor", vendor));
        ObjectNode topology = json.putObject("topology");
        topology.put("cells", node.nodes);
        topology.put("sockets", node.sockets);
        topology.put("cores", node.cores);
        topology.put("threads", node.threads);
        if (!cpu.features().isEmpty()) {
            var features = json.putArray("features");
            cpu.features().forEach(features::add);
        }
        return json.toString();
    }
}
