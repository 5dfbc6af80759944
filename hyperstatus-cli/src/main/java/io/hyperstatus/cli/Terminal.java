package io.hyperstatus.cli;

import java.util.Map;

/** Whether to colour: only for a person at a terminal, never into a pipe or file, and never under NO_COLOR. */
final class Terminal {
    private Terminal() {
    }

    static boolean colourWanted(Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        if ("dumb".equals(environment.get("TERM"))) {
            return false;
        }
        // Java 17 has a console only when both stdin and stdout are a terminal: when in doubt, no colour.
        return System.console() != null;
    }
}
