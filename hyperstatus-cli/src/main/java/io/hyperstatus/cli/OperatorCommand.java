package io.hyperstatus.cli;

/**
 * Marks the commands an operator runs against the API: whatever goes wrong in them is reported on one line of
 * stderr, never as a stack trace (see {@link CliErrors}).
 */
public interface OperatorCommand {
}
