package io.hyperstatus.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code hypervisor}, {@code aggregate add}, ...): run alone it prints its
 * usage, and it accepts the connection options so they may stand before the subcommand
 * ({@code hypervisor --os-token T list}).
 */
abstract class CommandGroup implements Runnable {
    /** Named {@value ConnectionOptions#MIXIN_NAME}: subcommands look their parents' values up by that name. */
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
