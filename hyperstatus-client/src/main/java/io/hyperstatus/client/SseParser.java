package io.hyperstatus.client;

/**
 * Reads a Server-Sent Events stream line by line, as the HTML standard describes it: {@code field: value} lines
 * build a message and a blank line ends it; a line starting with a colon is a comment (the servers' keep-alive);
 * {@code data} lines are joined with line breaks; the {@code id} seen last stays the last event id until another
 * comes; {@code retry} gives the reconnection delay; unknown fields are ignored.
 */
final class SseParser {
    /** A complete message: the last event id at its end (null if none was ever given), and its data. */
    record Message(String id, String data) {
    }

    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String lastId;
    private Long retryMillis;
    private long comments;

    /** Feeds one line without its line break; returns the message that this line ends, or null. */
    Message line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            comments++;
            return null;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "id" -> {
                // The standard ignores an id with a NUL in it.
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() < 10) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // "event" and anything else: this client needs only the data and the id.
            }
        }
        return null;
    }

    private Message dispatch() {
        if (!hasData) {
            return null;
        }
        Message message = new Message(lastId, data.toString());
        data.setLength(0);
        hasData = false;
        return message;
    }

    /**
     * The stream broke: a message it had not ended yet is dropped (the standard's rule, and what makes a resume
     * safe: only whole messages count), the last id stays.
     */
    void reset() {
        data.setLength(0);
        hasData = false;
    }

    /** The reconnection delay the server asked for, or null. */
    Long retryMillis() {
        return retryMillis;
    }

    long comments() {
        return comments;
    }
}
