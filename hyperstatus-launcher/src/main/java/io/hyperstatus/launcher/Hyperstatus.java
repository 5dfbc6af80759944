package io.hyperstatus.launcher;

import io.hyperstatus.agent.AgentProcess;
import io.hyperstatus.agent.ComputeAgent;
import io.hyperstatus.cli.AggregateCommand;
import io.hyperstatus.cli.AvailabilityZoneCommand;
import io.hyperstatus.cli.CliErrors;
import io.hyperstatus.cli.CompletionCommand;
import io.hyperstatus.cli.ConnectionOptions;
import io.hyperstatus.cli.EventCommand;
import io.hyperstatus.cli.HypervisorCommand;
import io.hyperstatus.cli.ServiceCommand;
import io.hyperstatus.config.ConfigException;
import io.hyperstatus.config.HyperstatusConfig;
import io.hyperstatus.server.HyperstatusServer;
import io.hyperstatus.server.api.policy.PolicyFile;
import io.hyperstatus.server.api.policy.PolicyRules;
import io.hyperstatus.storage.Database;
import io.hyperstatus.storage.DatabaseUrl;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code hyperstatus} command: one executable for every role. */
@Command(name = "hyperstatus", mixinStandardHelpOptions = true, version = "hyperstatus 0.1.0",
        description = "Compute-host status service speaking OpenStack Nova's hypervisors and services API.",
        subcommands = {Hyperstatus.Server.class, Hyperstatus.Agent.class, Hyperstatus.AllInOne.class, Hyperstatus.Db.class,
                HypervisorCommand.class, ServiceCommand.class, AggregateCommand.class, AvailabilityZoneCommand.class,
                EventCommand.class, CompletionCommand.class, Hyperstatus.Policy.class, ConfigCommand.class})
public final class Hyperstatus implements Runnable {
    /** The operator commands' connection options, also accepted before the command name. */
    @CommandLine.Mixin
    ConnectionOptions connection;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: one line on stderr and an exit status, no stack trace for known errors. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Hyperstatus());
        commandLine.setParameterExceptionHandler(CliErrors::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println("hyperstatus: " + e.getMessage());
                return 2;
            }
            OptionalInt reported = CliErrors.report(e, cmd);
            if (reported.isPresent()) {
                return reported.getAsInt();
            }
            throw e;
        });
        return commandLine;
    }

    /** Blocks until SIGTERM or SIGINT, then closes the parts in the order given. */
    static int runUntilStopped(AutoCloseable... parts) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable part : parts) {
                try {
                    part.close();
                } catch (Exception e) {
                    System.err.println("hyperstatus: error while stopping: " + e);
                }
            }
            stopped.countDown();
        }, "hyperstatus-shutdown"));
        stopped.await();
        return 0;
    }

    /** The {@code --config-file} option every subcommand shares. */
    static final class ConfigOption {
        @Option(names = {"--config-file", "--config"}, paramLabel = "FILE",
                description = "nova.conf-style configuration file (default: /etc/hyperstatus/hyperstatus.conf if present)")
        Path configFile;

        HyperstatusConfig load() {
            if (configFile != null) {
                if (!Files.isReadable(configFile)) {
                    throw new ConfigException("Cannot read configuration file " + configFile);
                }
                return HyperstatusConfig.load(configFile);
            }
            Path system = Path.of("/etc/hyperstatus/hyperstatus.conf");
            return Files.isReadable(system) ? HyperstatusConfig.load(system) : HyperstatusConfig.defaults();
        }
    }

    /** A command that reads the configuration file; the option is declared here, once. */
    abstract static class ConfiguredCommand implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption config = new ConfigOption();
        /** The command itself, for the streams it prints to. */
        @Spec
        CommandSpec spec;
    }

    /** A command that starts parts which then run until the process is told to stop. */
    abstract static class RunningCommand extends ConfiguredCommand {
        /** Starts the parts and returns them in the order they are to be closed. */
        abstract AutoCloseable[] start(HyperstatusConfig loaded);

        @Override
        public final Integer call() throws InterruptedException {
            return runUntilStopped(start(config.load()));
        }
    }

    @Command(name = "server", mixinStandardHelpOptions = true,
            description = "Run the API server (port 8774 unless configured otherwise).")
    static final class Server extends RunningCommand {
        @Override
        AutoCloseable[] start(HyperstatusConfig loaded) {
            HyperstatusServer server = HyperstatusServer.create(loaded);
            server.start();
            return new AutoCloseable[] {server};
        }
    }

    @Command(name = "agent", mixinStandardHelpOptions = true,
            description = "Run the compute agent: register this host's nova-compute service, report, heartbeat.")
    static final class Agent extends RunningCommand {
        @Override
        AutoCloseable[] start(HyperstatusConfig loaded) {
            ComputeAgent agent = AgentProcess.create(loaded);
            agent.start();
            return new AutoCloseable[] {agent};
        }
    }

    @Command(name = "all-in-one", mixinStandardHelpOptions = true,
            description = "Run the API server and an agent for this machine in one process.")
    static final class AllInOne extends RunningCommand {
        @Override
        AutoCloseable[] start(HyperstatusConfig configured) {
            HyperstatusConfig loaded = LocalAgentIdentity.provide(configured);
            HyperstatusServer server = HyperstatusServer.create(loaded);
            int port = server.start();
            // With [ssl], the server speaks HTTPS only; the agent checks its certificate as [agent] cafile says.
            String scheme = loaded.ssl().isPresent() ? "https" : "http";
            ComputeAgent agent = AgentProcess.createLocal(loaded, scheme + "://127.0.0.1:" + port);
            agent.start();
            return new AutoCloseable[] {agent, server};
        }
    }

    @Command(name = "db", mixinStandardHelpOptions = true, description = "Database administration.",
            subcommands = {Db.Sync.class, Db.Version.class})
    static final class Db implements Runnable {
        @Override
        public void run() {
            CommandLine.usage(this, System.out);
        }

        /** The configured database, with the two connections the admin commands need at most. */
        private static Database openDatabase(ConfigOption config) {
            return Database.open(DatabaseUrl.parse(config.load().databaseConnection()), 2);
        }

        @Command(name = "sync", mixinStandardHelpOptions = true,
                description = "Create or upgrade the schema of the configured database.")
        static final class Sync extends ConfiguredCommand {
            @Override
            public Integer call() {
                try (Database database = openDatabase(config)) {
                    int applied = database.migrate();
                    System.out.println("Applied " + applied + " migration(s); schema version " + database.schemaVersion());
                }
                return 0;
            }
        }

        @Command(name = "version", mixinStandardHelpOptions = true, description = "Print the schema version.")
        static final class Version extends ConfiguredCommand {
            @Override
            public Integer call() {
                try (Database database = openDatabase(config)) {
                    System.out.println(database.schemaVersion());
                }
                return 0;
            }
        }
    }

    @Command(name = "policy", mixinStandardHelpOptions = true, description = "Policy rules.",
            subcommands = {Policy.ListRules.class})
    static final class Policy implements Runnable {
        @Override
        public void run() {
            CommandLine.usage(this, System.out);
        }

        @Command(name = "list", mixinStandardHelpOptions = true,
                description = "Print the effective policy rules: the defaults with the policy file's overrides (marked *).")
        static final class ListRules extends ConfiguredCommand {
            @Override
            public Integer call() {
                // Loaded as the server loads it, so a file the server would refuse is refused here too.
                PolicyFile file = PolicyFile.open(config.load().policy());
                PolicyRules rules = file.rules();
                PrintWriter out = spec.commandLine().getOut();
                boolean overrides = rules.all().stream().anyMatch(PolicyRules.Effective::overridden);
                out.println(overrides ? "# Defaults with the overrides (marked *) of " + file.path()
                        : "# Defaults; no overrides in " + file.path());
                for (PolicyRules.Effective rule : rules.all()) {
                    String check = rule.checkString().isEmpty() ? "\"\"" : rule.checkString();
                    out.println((rule.overridden() ? "* " : "  ") + rule.name() + " = " + check);
                }
                out.flush();
                rules.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
                return 0;
            }
        }
    }
}
