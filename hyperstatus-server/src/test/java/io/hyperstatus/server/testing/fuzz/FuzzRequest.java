package io.hyperstatus.server.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One request of the corpus: either an ordinary request (method, path with its query, headers, body) sent with
 * {@code java.net.http}, or {@code raw} bytes written as they are to a socket, for what that client cannot send.
 *
 * @param family what the request gets wrong, e.g. "query: overflowing integer"; violations are grouped by it
 * @param route the route template it aims at, e.g. "PUT /v2.1/os-services/{id}"
 * @param write whether it asks for a change; the corpus holds no valid write, so a 2xx answer to one is a violation
 */
// Bytes, not text: a raw request or a body may hold what no string encodes. Nothing compares requests.
@SuppressWarnings("ArrayRecordComponent")
public record FuzzRequest(String family, String route, String method, String target, List<String> headers,
                          byte[] body, byte[] raw, boolean write) {
    public FuzzRequest {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(route, "route");
        headers = List.copyOf(headers);
        if (headers.size() % 2 != 0) {
            throw new IllegalArgumentException("headers come as name, value pairs: " + headers);
        }
        if (raw == null) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(target, "target");
        }
    }

    public static FuzzRequest http(String family, String route, String method, String target, List<String> headers,
                                   String body, boolean write) {
        return new FuzzRequest(family, route, method, target, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), null, write);
    }

    public static FuzzRequest bytes(String family, String route, String method, String target, List<String> headers,
                                    byte[] body, boolean write) {
        return new FuzzRequest(family, route, method, target, headers, body, null, write);
    }

    public static FuzzRequest raw(String family, String route, byte[] raw) {
        return new FuzzRequest(family, route, null, null, List.of(), null, raw, false);
    }

    public static FuzzRequest raw(String family, String route, String raw) {
        return raw(family, route, raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    public boolean isRaw() {
        return raw != null;
    }

    /** The request as HTTP/1.1 bytes on a connection of its own, for what java.net.http refuses to send. */
    public byte[] asBytes() {
        if (isRaw()) {
            return raw.clone();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        for (int i = 0; i < headers.size(); i += 2) {
            head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        // Characters past Latin-1 go as UTF-8, as a client that does not encode them would send them.
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** A command that sends the same request again, for a failure report (port as {@code $PORT}). */
    public String reproduction() {
        if (isRaw()) {
            return "printf '" + Shell.printfEscape(raw, 400) + "' | nc -q 5 127.0.0.1 $PORT";
        }
        StringBuilder curl = new StringBuilder("curl -sS -i -g --path-as-is -X ").append(method).append(" ");
        for (int i = 0; i < headers.size(); i += 2) {
            String header = headers.get(i) + ": " + headers.get(i + 1);
            curl.append("-H ").append(Shell.quote(Shell.shorten(header, 200))).append(' ');
        }
        if (body != null) {
            if (body.length > 2000) {
                curl.append("--data-binary @<(head -c ").append(body.length).append(" /dev/zero | tr '\\0' x) ");
            } else {
                curl.append("--data-binary \"$(printf '").append(Shell.printfEscape(body, 400)).append("')\" ");
            }
        }
        curl.append(Shell.quote("http://127.0.0.1:$PORT" + Shell.shorten(target, 300)));
        return curl.toString();
    }

    @Override
    public String toString() {
        return isRaw() ? "raw " + Shell.printfEscape(raw, 120) : method + " " + Shell.shorten(target, 120);
    }
}
