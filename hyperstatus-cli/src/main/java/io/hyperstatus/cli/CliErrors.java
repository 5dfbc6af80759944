package io.hyperstatus.cli;

import io.hyperstatus.client.ApiCallException;
import io.hyperstatus.client.ServerUnreachableException;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Exit statuses and the one line on stderr for what goes wrong: 2 for a usage error (as picocli and the standard
 * clients do), 1 for a failed call. An operator reads the server's own message, not a stack trace.
 */
public final class CliErrors {
    public static final int API_ERROR = 1;
    public static final int USAGE_ERROR = 2;

    private CliErrors() {
    }

    /** Reports a failure of an executed command; empty when it is not one this CLI knows (the caller decides). */
    public static OptionalInt report(Exception e, CommandLine command) {
        String line;
        if (e instanceof ServerUnreachableException) {
            line = e.getMessage();
        } else if (e instanceof ApiCallException api) {
            line = describe(api);
        } else if (e instanceof CommandFailure) {
            line = e.getMessage();
        } else if (command.getCommandSpec().userObject() instanceof OperatorCommand) {
            line = "unexpected error: " + e;
        } else {
            return OptionalInt.empty();
        }
        command.getErr().println("hyperstatus: " + oneLine(line));
        command.getErr().flush();
        return OptionalInt.of(API_ERROR);
    }

    /** A usage error: the problem and where help is, on one line (picocli would add the whole usage text). */
    public static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("hyperstatus: " + oneLine(e.getMessage())
                + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        command.getErr().flush();
        return USAGE_ERROR;
    }

    private static String describe(ApiCallException e) {
        String message = e.getMessage();
        // A fault without a JSON body already reads "HTTP 404: ..."; a Nova fault gets its status appended.
        if (message.startsWith("HTTP " + e.status())) {
            return message;
        }
        String hint = e.status() == 401 ? "; give a token with --os-token or OS_TOKEN" : "";
        return message + " (HTTP " + e.status() + hint + ")";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
