package io.hyperstatus.server.testing.fuzz;

/** Cuts text for one line of a report. */
final class Shorten {
    private Shorten() {
    }

    static String to(String text, int max) {
        String line = text.replace("\n", "\\n").replace("\r", "\\r");
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
