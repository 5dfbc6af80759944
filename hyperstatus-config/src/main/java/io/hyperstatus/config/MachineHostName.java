package io.hyperstatus.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default of {@code [DEFAULT] host}: the name the system gives this machine, as Nova's
 * {@code socket.gethostname()}, used whether or not it resolves. Java only offers it through a lookup, so on Linux
 * it is read from the kernel first; only when no source has a name is {@code localhost} used, and then the log says
 * so and why, since two agents of that name would register as one host.
 */
final class MachineHostName {
    static final String FALLBACK = "localhost";
    private static final Logger LOG = LoggerFactory.getLogger(MachineHostName.class);
    private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

    /** One place a host name may be found; empty with the reason when it has none. */
    interface Source {
        Optional<String> hostName(List<String> reasons);
    }

    private MachineHostName() {
    }

    static String determine() {
        return determine(List.of(MachineHostName::fromKernel, MachineHostName::fromLocalHostLookup));
    }

    static String determine(List<Source> sources) {
        List<String> reasons = new ArrayList<>();
        for (Source source : sources) {
            Optional<String> name = source.hostName(reasons).map(String::strip).filter(n -> !n.isEmpty());
            if (name.isPresent()) {
                return name.get();
            }
        }
        LOG.warn("[DEFAULT] host is not set and this machine's host name cannot be determined ({}); using '{}'."
                + " Set [DEFAULT] host so that every agent registers under its own name.",
                String.join("; ", reasons), FALLBACK);
        return FALLBACK;
    }

    private static Optional<String> fromKernel(List<String> reasons) {
        if (!Files.isReadable(KERNEL_HOST_NAME)) {
            reasons.add(KERNEL_HOST_NAME + " cannot be read");
            return Optional.empty();
        }
        try {
            String name = Files.readString(KERNEL_HOST_NAME);
            if (name.isBlank()) {
                reasons.add(KERNEL_HOST_NAME + " is empty");
            }
            return Optional.of(name);
        } catch (IOException e) {
            reasons.add(KERNEL_HOST_NAME + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Elsewhere than Linux: Java's local host, which needs the name to resolve. */
    private static Optional<String> fromLocalHostLookup(List<String> reasons) {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            reasons.add("the local host lookup failed: " + e.getMessage());
            return Optional.empty();
        }
    }
}
