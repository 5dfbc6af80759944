package io.hyperstatus.launcher;

import io.hyperstatus.config.ConfigSample;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hyperstatus config}: what the configuration file may hold, printed from the options' declarations. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration options.",
        subcommands = {ConfigCommand.Sample.class})
final class ConfigCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    enum Format { ini, markdown }

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = "Print a commented sample configuration file with every option at its default"
                    + " (or, with --format markdown, the README's table of options).")
    static final class Sample implements Callable<Integer> {
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ini",
                description = "ini (default) or markdown")
        Format format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.ini ? ConfigSample.ini() : ConfigSample.markdownTable());
            out.flush();
            return 0;
        }
    }
}
