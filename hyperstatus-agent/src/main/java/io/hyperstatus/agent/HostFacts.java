package io.hyperstatus.agent;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Facts about the machine the agent runs on, read the way Nova's drivers read them. */
public final class HostFacts {
    private HostFacts() {
    }

    /**
     * The host's {@code uptime} line, e.g. {@code " 06:45:30 up 120 days, 17:53,  4 users,  load average: ..."}:
     * from the {@code uptime} command when there is one, else composed from /proc.
     */
    public static Optional<String> uptimeLine() {
        try {
            Process process = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0) {
                String line = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
                if (!line.isEmpty()) {
                    return Optional.of(line);
                }
            } else {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            // no uptime command here: fall back to /proc
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fromProc();
    }

    // Only the leading fields are used, and a line with too few of them must still fail (no trailing "").
    @SuppressWarnings("StringSplitter")
    private static Optional<String> fromProc() {
        try {
            double seconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split("\\s+")[0]);
            String[] load = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            long minutes = (long) seconds / 60;
            long days = minutes / 1440;
            String clock = String.format("%2d:%02d", (minutes % 1440) / 60, minutes % 60);
            String since = days > 0 ? days + (days == 1 ? " day, " : " days, ") + clock : clock;
            // The machine's own zone, as uptime(1) prints it.
            String time = LocalTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
            return Optional.of(" " + time + " up " + since
                    + ",  0 users,  load average: " + load[0] + ", " + load[1] + ", " + load[2]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The address of the default route (what {@code [DEFAULT] my_ip} defaults to in Nova). */
    public static String defaultRouteAddress() {
        try (DatagramSocket socket = new DatagramSocket()) {
            // Connecting a UDP socket sends nothing; it only asks the kernel which source address it would use.
            socket.connect(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 9));
            InetAddress local = socket.getLocalAddress();
            if (local != null && !local.isAnyLocalAddress()) {
                return local.getHostAddress();
            }
        } catch (IOException e) {
            // no route: fall back to loopback
        }
        return "127.0.0.1";
    }
}
