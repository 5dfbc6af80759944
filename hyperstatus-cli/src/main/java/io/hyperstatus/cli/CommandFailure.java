package io.hyperstatus.cli;

/** A command could not do what was asked, for a reason the message gives in full (exit status 1). */
public final class CommandFailure extends RuntimeException {
    public CommandFailure(String message) {
        super(message);
    }
}
