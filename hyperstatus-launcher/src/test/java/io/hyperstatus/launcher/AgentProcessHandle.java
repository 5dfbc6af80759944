package io.hyperstatus.launcher;

import io.hyperstatus.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real {@code hyperstatus agent} process, started from this test's class path, with its log in a file. */
final class AgentProcessHandle implements AutoCloseable {
    private final Process process;
    private final Path log;

    private AgentProcessHandle(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The secret of the test servers' agent bound to every host, in {@code folder}, readable by its owner only. */
    static Path secretFile(Path folder) throws IOException {
        Path file = folder.resolve("agent-secret");
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, TestServer.AGENT_SECRET + "\n");
        }
        return file;
    }

    static AgentProcessHandle start(Path configFile, String... command) throws IOException {
        Path log = Files.createTempFile(configFile.getParent(), "agent", ".log");
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Hyperstatus.class.getName()));
        line.addAll(List.of(command.length == 0 ? new String[] {"agent"} : command));
        line.addAll(List.of("--config-file", configFile.toString()));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AgentProcessHandle(process, log);
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM and waits; returns whether the process ended in time. */
    boolean terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor(15, TimeUnit.SECONDS);
    }

    boolean waitForExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    int exitCode() {
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Kills the process if it still runs; an interrupt while waiting for it stays set for the caller. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
