package io.hyperstatus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code hyperstatus ...} as an operator would: a separate process from this test's class path, with its
 * stdout and stderr captured apart (so into files, never a terminal) and none of the caller's OS_* settings.
 */
final class CliProcess {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CliProcess() {
    }

    /** What one run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
        }
    }

    /** Runs against the server at {@code baseUrl}, with the token unless it is null, and no environment. */
    static Result against(String baseUrl, String token, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(List.of("--os-endpoint", baseUrl));
        if (token != null) {
            line.addAll(List.of("--os-token", token));
        }
        return run(Map.of(), line);
    }

    /** The run, once it is asserted to have ended well and written nothing to stderr. */
    static Result succeeded(Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).as(result.toString()).isEmpty();
        return result;
    }

    /** The run ended with {@code exitCode}, printing nothing but {@code stderr}, all of it. */
    static void failed(Result result, int exitCode, String stderr) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.stdout()).as(result.toString()).isEmpty();
        assertThat(result.stderr()).isEqualTo(stderr);
    }

    /** What a successful run printed with {@code -f json}. */
    static JsonNode json(Result result) throws IOException {
        return MAPPER.readTree(succeeded(result).stdout());
    }

    /**
     * A command that runs until it is stopped ({@code event watch}), its output read while it runs from the files
     * {@code out} and {@code err}.
     */
    record Running(Process process, Path out, Path err) implements AutoCloseable {
        String stdout() throws IOException {
            return Files.readString(out);
        }

        String stderr() throws IOException {
            return Files.readString(err);
        }

        /** Waits until stdout has {@code lines} lines, failing with what was printed if not within a minute. */
        void awaitLines(int lines) throws IOException, InterruptedException {
            await(() -> stdout().lines().count() >= lines, lines + " line(s)");
        }

        void awaitStderr(String text) throws IOException, InterruptedException {
            await(() -> stderr().contains(text), "'" + text + "' on stderr");
        }

        /** A check of the output so far. */
        private interface Output {
            boolean shows() throws IOException;
        }

        private void await(Output expected, String what) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!expected.shows()) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("expected " + what + "; alive " + process.isAlive()
                            + "\n--- stdout ---\n" + stdout() + "--- stderr ---\n" + stderr());
                }
                Thread.sleep(50);
            }
        }

        /** Sends SIGINT, as Ctrl-C at a terminal does, and waits for the end; the exit status. */
        int interrupt() throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("did not end within 30 s of SIGINT\n--- stdout ---\n" + stdout()
                        + "--- stderr ---\n" + stderr());
            }
            return process.exitValue();
        }

        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Starts a command against the server at {@code baseUrl} as {@link #against} does, without waiting for it. */
    static Running start(String baseUrl, String token, String... args) throws IOException {
        List<String> line = new ArrayList<>(command());
        line.addAll(List.of(args));
        line.addAll(List.of("--os-endpoint", baseUrl, "--os-token", token));
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("OS_") || name.equals("NO_COLOR"));
        return new Running(builder.start(), out, err);
    }

    private static List<String> command() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A short-lived command gains nothing from optimising compilation; skipping it saves about a tenth.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                Hyperstatus.class.getName());
    }

    static Result run(Map<String, String> environment, List<String> args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(command());
        line.addAll(args);
        File out = Files.createTempFile("cli", ".out").toFile();
        File err = Files.createTempFile("cli", ".err").toFile();
        try {
            ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out).redirectError(err);
            builder.environment().keySet().removeIf(name -> name.startsWith("OS_") || name.equals("NO_COLOR"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("hyperstatus " + args + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
        } finally {
            out.delete();
            err.delete();
        }
    }
}
