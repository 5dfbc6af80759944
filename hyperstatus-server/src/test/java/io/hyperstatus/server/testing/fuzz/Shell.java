package io.hyperstatus.server.testing.fuzz;

/** Quoting for the reproduction commands of a failure report. */
final class Shell {
    private Shell() {
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }

    /** Bytes as a printf format: printable ASCII kept, the rest as octal escapes; cut at {@code max} bytes. */
    static String printfEscape(byte[] bytes, int max) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(bytes.length, max);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\r') {
                out.append("\\r");
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b == '\'' || b == '\\' || b == '%' || b < 0x20 || b > 0x7e) {
                out.append(String.format("\\%03o", b));
            } else {
                out.append((char) b);
            }
        }
        if (shown < bytes.length) {
            out.append("...(").append(bytes.length).append(" bytes)");
        }
        return out.toString();
    }
}
