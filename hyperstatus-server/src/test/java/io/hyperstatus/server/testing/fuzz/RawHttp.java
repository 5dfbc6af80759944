package io.hyperstatus.server.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes bytes to a fresh loopback connection and reads one HTTP/1.1 answer back, for the requests an HTTP client
 * refuses to send (bad request lines, broken framing, control characters in headers).
 */
public final class RawHttp {
    private static final int MAX_ANSWER = 1 << 20;
    private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "raw-http-deadline");
        thread.setDaemon(true);
        return thread;
    });
    private final int port;
    private final int timeoutMillis;

    public RawHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    public Answer send(byte[] request) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            // A server that answers a byte at a time would outlast any read timeout: closing ends it.
            ScheduledFuture<?> deadline = CLOSER.schedule(() -> closeQuietly(socket), timeoutMillis + 1000L,
                    TimeUnit.MILLISECONDS);
            try {
                return exchange(socket, request, start);
            } finally {
                deadline.cancel(false);
            }
        } catch (IOException e) {
            return Answer.failed("connection failed: " + e.getMessage(), elapsed(start));
        }
    }

    private Answer exchange(Socket socket, byte[] request, long start) {
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything; the answer is still read below.
            }
            return read(socket.getInputStream(), start);
        } catch (SocketTimeoutException e) {
            return Answer.failed("no answer within " + timeoutMillis + " ms", elapsed(start));
        } catch (IOException e) {
            if (elapsed(start) >= timeoutMillis) {
                return Answer.failed("no complete answer within " + timeoutMillis + " ms", elapsed(start));
            }
            return Answer.failed("connection failed: " + e.getMessage(), elapsed(start));
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
    }

    private Answer read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long deadline = start + timeoutMillis * 1_000_000L;
        while (received.size() < MAX_ANSWER) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                if (received.size() == 0) {
                    return Answer.failed("no answer within " + timeoutMillis + " ms", elapsed(start));
                }
                break;
            } catch (IOException reset) {
                if (elapsed(start) >= timeoutMillis && headEnd < 0) {
                    return Answer.failed("no complete answer within " + timeoutMillis + " ms", elapsed(start));
                }
                if (received.size() == 0) {
                    return Answer.failed("connection reset without an answer", elapsed(start));
                }
                break;
            }
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
            byte[] bytes = received.toByteArray();
            if (headEnd < 0) {
                headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            if (headEnd >= 0 && complete(bytes, headEnd)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                return Answer.failed("no complete answer within " + timeoutMillis + " ms", elapsed(start));
            }
        }
        byte[] bytes = received.toByteArray();
        if (bytes.length == 0) {
            return Answer.failed("connection closed without an answer", elapsed(start));
        }
        if (headEnd < 0) {
            return Answer.failed("answer without a complete head: "
                    + Shell.printfEscape(bytes, 120), elapsed(start));
        }
        String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n", -1);
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            return Answer.failed("bad status line: " + lines[0], elapsed(start));
        }
        String contentType = header(lines, "content-type");
        byte[] body = java.util.Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
        String length = header(lines, "content-length");
        if (length != null && length.strip().matches("\\d{1,9}") && Integer.parseInt(length.strip()) < body.length) {
            // A pipelined request's answer may have arrived in the same read; it is not this answer's body.
            body = java.util.Arrays.copyOf(body, Integer.parseInt(length.strip()));
        }
        if ("chunked".equalsIgnoreCase(header(lines, "transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, contentType, new String(body, StandardCharsets.UTF_8), elapsed(start), null);
    }

    private static boolean complete(byte[] bytes, int headEnd) {
        String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n", -1);
        String length = header(lines, "content-length");
        int bodyLength = bytes.length - headEnd - 4;
        if (length != null) {
            try {
                return bodyLength >= Integer.parseInt(length.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if ("chunked".equalsIgnoreCase(header(lines, "transfer-encoding"))) {
            return new String(bytes, headEnd, bytes.length - headEnd, StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n");
        }
        return lines[0].contains(" 204 ") || lines[0].contains(" 304 ");
    }

    private static String header(String[] lines, String name) {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return lines[i].substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(body, at, body.length), new byte[] {'\r', '\n'});
            if (lineEnd < 0) {
                break;
            }
            String size = new String(body, at, lineEnd, StandardCharsets.ISO_8859_1).split(";", 2)[0].strip();
            int length;
            try {
                length = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            at += lineEnd + 2;
            if (length == 0 || at + length > body.length) {
                break;
            }
            out.write(body, at, length);
            at += length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
