package io.hyperstatus.cli;

import picocli.CommandLine.Mixin;

/** An API command that prints what it found or changed, with the {@code -f} and {@code -c} options. */
abstract class PrintingCommand extends ApiCommand {
    @Mixin
    OutputOptions output;
}
