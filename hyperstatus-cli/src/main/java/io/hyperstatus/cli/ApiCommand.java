package io.hyperstatus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command an operator runs against the API, with the connection options. It exits with 0 when it has done its
 * work; whatever goes wrong is thrown and reported by {@link CliErrors}.
 */
abstract class ApiCommand implements Callable<Integer>, OperatorCommand {
    @Mixin
    ConnectionOptions connection;
    /** The command itself, for the usage errors its options make. */
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        execute();
        return 0;
    }

    abstract void execute();
}
