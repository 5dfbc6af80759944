package io.hyperstatus.server.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Requests broken below HTTP's semantics, written as bytes: bad request lines and versions, broken framing
 * (Content-Length, chunked), bad header syntax, control and non-ASCII bytes, limits on URI and header size.
 * None is a valid write: each breaks the protocol, or its body is malformed JSON.
 */
final class RawCorpus {
    private RawCorpus() {
    }

    static List<FuzzRequest> requests(Random random, List<Target> targets) {
        List<FuzzRequest> out = new ArrayList<>();
        List<Target> chosen = new ArrayList<>();
        for (Target t : targets) {
            // One read and one write of each resource, on the plain mounts, keep the raw phase small.
            if ((t.mount().equals("/v2.1") || t.isAgent()) && chosen.stream().noneMatch(c -> c.template().equals(t.template())
                    && c.method().equals(t.method()))) {
                chosen.add(t);
            }
        }
        for (Target t : chosen) {
            out.addAll(forTarget(random, t));
        }
        for (int i = 0; i < 40; i++) {
            byte[] junk = new byte[1 + random.nextInt(600)];
            do {
                random.nextBytes(junk);
            } while (isTokenPrefix(junk));
            out.add(FuzzRequest.raw("raw: random bytes", "(any)", junk));
        }
        // (Empty lines alone are not here: a server rightly waits for the request line after them.)
        for (String line : List.of("\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\n\r\n", "GET /\r\n\r\n", "GET\r\n\r\n", " / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n",
                "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings, close\r\nHTTP2-Settings: %%%\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade, close\r\n\r\n")) {
            out.add(FuzzRequest.raw("raw: request line", "(any)", line));
        }
        out.add(FuzzRequest.raw("raw: TLS on the plain port", "(any)", new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5,
                0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03, 0x00, 0x01, 0x02, 0x03}));
        return out;
    }

    /**
     * Whether the bytes are all visible ASCII: the start of a method a server rightly waits to see the rest of,
     * not junk it can refuse.
     */
    private static boolean isTokenPrefix(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x21 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static List<FuzzRequest> forTarget(Random random, Target t) {
        List<FuzzRequest> out = new ArrayList<>();
        String route = t.route();
        String path = t.path();
        String auth = "X-Auth-Token: " + t.token() + "\r\n"
                + (t.version() == null ? "" : "OpenStack-API-Version: compute " + t.version() + "\r\n");
        String method = t.method();
        String body = t.body() == null ? "" : "{\"x\": ";
        String json = body.isEmpty() ? "" : "Content-Type: application/json\r\n";
        String framed = json + "Content-Length: " + body.length() + "\r\n";
        String end = "Connection: close\r\n\r\n" + body;
        String host = "Host: 127.0.0.1\r\n";

        // Path bytes a client would have encoded, and encodings a server must not choke on.
        for (String bad : List.of("/%00", "/%ff", "/%", "/%zz", "/%c0%ae%c0%ae", "/%2F..%2F", "/%u0041", "/%ED%A0%80",
                "/\u0000", "/\u00ff", "/\u0001", "/\u007f", "/a b", "/\"<>", "/\\", "/..", "/./", "//", "#frag", "?\u0000=1",
                "?a=%", "?%zz=1", "?a=\u00ff")) {
            out.add(raw("raw: path bytes", route, method + " " + path + bad + " HTTP/1.1\r\n" + host + auth + framed + end));
        }
        out.add(raw("raw: URI too long", route, method + " " + path + "?q=" + "u".repeat(20_000) + " HTTP/1.1\r\n"
                + host + auth + framed + end));
        out.add(raw("raw: header too large", route, method + " " + path + " HTTP/1.1\r\n" + host + auth
                + "X-Big: " + "h".repeat(20_000) + "\r\n" + framed + end));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        out.add(raw("raw: too many headers", route, method + " " + path + " HTTP/1.1\r\n" + host + auth + many + framed + end));
        for (String version : List.of("HTTP/1.2", "HTTP/2.0", "HTTP/3.0", "HTTP/9.9", "HTTP/1.1x", "http/1.1",
                "HTTP/1", "HTTP/", "FTP/1.1", "HTTP/1.1 extra")) {
            out.add(raw("raw: HTTP version", route, method + " " + path + " " + version + "\r\n" + host + auth + framed + end));
        }
        for (String badMethod : List.of("get", "G ET", "GET\u0000", "M".repeat(5000), "GÉT", "PUT\t", "\u0000")) {
            out.add(raw("raw: method token", route, badMethod + " " + path + " HTTP/1.1\r\n" + host + auth + framed + end));
        }
        out.add(raw("raw: extra spaces in request line", route, method + "  " + path + "  HTTP/1.1\r\n" + host + auth + framed + end));
        out.add(raw("raw: absolute URI", route, method + " http://127.0.0.1" + path + " HTTP/1.1\r\n" + host + auth + framed + end));
        out.add(raw("raw: absolute URI", route, method + " http://other.example" + path + " HTTP/1.1\r\n" + host + auth + framed + end));
        out.add(raw("raw: no Host", route, method + " " + path + " HTTP/1.1\r\n" + auth + framed + end));
        out.add(raw("raw: two Hosts", route, method + " " + path + " HTTP/1.1\r\n" + host + "Host: other\r\n" + auth + framed + end));
        out.add(raw("raw: bad Host", route, method + " " + path + " HTTP/1.1\r\nHost: a b\u0000\r\n" + auth + framed + end));
        for (String expect : List.of("Expect: foo\r\n", "Expect: 100-continue, foo\r\n", "Expect: \u0000\r\n")) {
            out.add(raw("raw: Expect", route, method + " " + path + " HTTP/1.1\r\n" + host + auth + expect + framed + end));
        }
        for (String length : List.of("-1", "abc", "99999999999999999999", "1, 2", " ", "0x10", "+2", "1e3", "9223372036854775808")) {
            out.add(raw("raw: Content-Length", route, method + " " + path + " HTTP/1.1\r\n" + host + auth + json
                    + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n{}"));
        }
        out.add(raw("raw: two Content-Lengths", route, method + " " + path + " HTTP/1.1\r\n" + host + auth + json
                + "Content-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{} "));
        out.add(raw("raw: Content-Length shorter than the body", route, method + " " + path + " HTTP/1.1\r\n" + host
                + auth + json + "Content-Length: 1\r\nConnection: close\r\n\r\n{\"x\": 1}"));
        out.add(raw("raw: Content-Length and chunked", route, method + " " + path + " HTTP/1.1\r\n" + host + auth + json
                + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{\"\r\n0\r\n\r\n"));
        for (String chunks : List.of("zz\r\n{}\r\n0\r\n\r\n", "ffffffffffffffffffff\r\n{}\r\n0\r\n\r\n",
                "-2\r\n{}\r\n0\r\n\r\n", "2\r\n{\"x\":\r\n0\r\n\r\n", "2;ext=\u0000\r\n{\"\r\n0\r\n\r\n",
                "1\r\n{\r\n0\r\nTrailer\u0000: x\r\n\r\n", "2 \r\n{\"\r\n0\r\n\r\n", "2\n{\"\n0\n\n")) {
            out.add(raw("raw: chunked framing", route, method + " " + path + " HTTP/1.1\r\n" + host + auth + json
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunks));
        }
        for (String te : List.of("gzip", "chunked, gzip", "identity", "chunked\u0000", "xchunked")) {
            out.add(raw("raw: Transfer-Encoding", route, method + " " + path + " HTTP/1.1\r\n" + host + auth + json
                    + "Transfer-Encoding: " + te + "\r\nConnection: close\r\n\r\n2\r\n{\"\r\n0\r\n\r\n"));
        }
        for (String header : List.of("NoColon\r\n", "X Space: v\r\n", "X-Auth-Token : " + t.token() + "\r\n", " folded\r\n",
                "X-Fuzz: a\r\n continued\r\n", "X-Fuzz: \u0000\r\n", "X-Fuzz: a\rb\r\n", ": novalue\r\n", "X-Fuzz\u0000: v\r\n",
                "X-Auth-Token: \u00e4dmin:admin\r\n", "X-Auth-Token: admin:\u00ff\r\n", "X-Auth-Token: admin:\u0001\r\n",
                "OpenStack-API-Version: compute 2.1\u0000\r\n", "OpenStack-API-Version: compute 2.\u00ff\r\n",
                "Content-Type: application/json\u0000\r\n", "Content-Type: \u00ff/\u00ff\r\n",
                "X-HTTP-Method-Override: DELETE\u0000\r\n", "Accept: \u0000\r\n", "Cookie: " + "c=1; ".repeat(2000) + "\r\n")) {
            out.add(raw("raw: header syntax", route, method + " " + path + " HTTP/1.1\r\n" + host + auth + header + framed + end));
        }
        out.add(raw("raw: bare LF line endings", route, (method + " " + path + " HTTP/1.1\r\n" + host + auth + framed
                + "Connection: close\r\n\r\n").replace("\r\n", "\n") + body));
        out.add(raw("raw: HTTP/1.0 without Host", route, method + " " + path + " HTTP/1.0\r\n" + auth + framed + "\r\n" + body));
        byte[] utf8 = (method + " " + path + "/" + new String(new char[] {'\u00e9', '\u4e2d'}) + " HTTP/1.1\r\n" + host + auth + framed
                + end).getBytes(StandardCharsets.UTF_8);
        out.add(FuzzRequest.raw("raw: path bytes", route, utf8));
        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.writeBytes((method + " " + path + "/").getBytes(StandardCharsets.ISO_8859_1));
        invalid.writeBytes(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xc0, (byte) 0x80});
        invalid.writeBytes((" HTTP/1.1\r\n" + host + auth + framed + end).getBytes(StandardCharsets.ISO_8859_1));
        out.add(FuzzRequest.raw("raw: path bytes", route, invalid.toByteArray()));
        if (random.nextBoolean()) {
            out.add(raw("raw: pipelined garbage after a request", route, "GET " + path + " HTTP/1.1\r\n" + host + auth
                    + "\r\n\u0000\u0001garbage\r\n\r\n"));
        }
        return out;
    }

    private static FuzzRequest raw(String family, String route, String text) {
        return FuzzRequest.raw(family, route, text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
