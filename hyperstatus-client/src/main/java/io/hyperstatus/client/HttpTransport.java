package io.hyperstatus.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperstatus.client.keystone.KeystoneUnavailableException;
import io.hyperstatus.client.tls.ClientTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * JSON over HTTP to one of several equivalent API servers: a call goes to the server that answered last and
 * fails over to the next ones when it cannot be reached. Timeouts are bounded, so a call never hangs. Each call
 * carries the token of its {@link TokenSource} (none when it has none); a 401 drops that token and the call is
 * sent once more with a new one, since a Keystone token can be revoked or expire early.
 */
public final class HttpTransport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> serverUrls;
    private final TokenSource tokens;
    private final Duration timeout;
    private final HttpClient http;
    private final ClientTls tls;
    private final AtomicInteger current = new AtomicInteger();

    public HttpTransport(List<String> serverUrls, TokenSource tokens, Duration timeout) {
        this(serverUrls, tokens, timeout, ClientTls.systemTrust());
    }

    /** {@code tls}: the CAs https:// servers are checked against, and the client's own certificate if any. */
    public HttpTransport(List<String> serverUrls, TokenSource tokens, Duration timeout, ClientTls tls) {
        if (serverUrls.isEmpty()) {
            throw new IllegalArgumentException("no server URL");
        }
        this.serverUrls = List.copyOf(serverUrls);
        this.tokens = tokens;
        this.timeout = timeout;
        this.tls = tls;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).sslContext(tls.context()).build();
    }

    /** The first server's URL, against which the links in answers are read. */
    public String endpoint() {
        return serverUrls.get(0);
    }

    /** Sends a JSON body and returns the JSON answer; an error status becomes {@link ApiCallException}. */
    public JsonNode call(String method, String path, JsonNode body) {
        return call(method, path, body, Map.of());
    }

    /** Posts a body that is already JSON text (as a codec wrote it) and returns the JSON answer. */
    public JsonNode post(String path, String jsonBody) {
        return send("POST", path, jsonBody, Map.of());
    }

    /** As {@link #post(String, String)}, with headers for this call. */
    public JsonNode post(String path, String jsonBody, Map<String, String> callHeaders) {
        return send("POST", path, jsonBody, callHeaders);
    }

    /**
     * As {@link #call(String, String, JsonNode)}, with headers for this call only (such as the microversion, which a
     * client may change between calls on the same transport).
     */
    public JsonNode call(String method, String path, JsonNode body, Map<String, String> callHeaders) {
        return send(method, path, body == null ? null : body.toString(), callHeaders);
    }

    /**
     * Opens a response that goes on (a Server-Sent Events stream) and returns its body as it arrives, for the
     * caller to close. The timeout bounds the wait for the answer's status and headers, not the stream itself;
     * an error status becomes {@link ApiCallException}, as for {@link #call}.
     */
    public InputStream open(String path, String accept, Map<String, String> callHeaders) {
        return withFailover(path, url -> {
            HttpResponse<InputStream> response = exchange("GET", url, null, accept, callHeaders,
                    HttpResponse.BodyHandlers.ofInputStream(), rejected -> rejected.body().close());
            if (response.statusCode() >= 400) {
                String text;
                // An error body is a short fault; read at most a little of it, then let the connection go.
                try (InputStream body = response.body()) {
                    text = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                }
                throw new ApiCallException(response.statusCode(), faultMessage(response.statusCode(), text));
            }
            return response.body();
        });
    }

    private JsonNode send(String method, String path, String body, Map<String, String> callHeaders) {
        return withFailover(path, url -> answer(exchange(method, url, body, "application/json", callHeaders,
                HttpResponse.BodyHandlers.ofString(), rejected -> { })));
    }

    /** One call to a server, given its full URL. */
    @FunctionalInterface
    private interface Call<T> {
        T to(String url) throws IOException, InterruptedException;
    }

    /** A response the call will not use: its body is let go before the call is sent again. */
    @FunctionalInterface
    private interface Discard<T> {
        void of(HttpResponse<T> response) throws IOException;
    }

    /**
     * Makes the call to the server that answered last, and to the next ones while one cannot be reached; the one
     * that answers is asked first next time.
     */
    private <T> T withFailover(String path, Call<T> call) {
        int start = current.get();
        ServerUnreachableException last = null;
        for (int attempt = 0; attempt < serverUrls.size(); attempt++) {
            int index = (start + attempt) % serverUrls.size();
            String url = serverUrls.get(index) + path;
            try {
                T answer = call.to(url);
                current.set(index);
                return answer;
            } catch (IOException e) {
                last = new ServerUnreachableException("cannot reach " + serverUrls.get(index) + ": " + describe(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerUnreachableException("interrupted while calling " + url, e);
            }
        }
        throw last;
    }

    /** Sends the request with the current token, and once more with a new one when the server refuses it (401). */
    private <T> HttpResponse<T> exchange(String method, String url, String body, String accept,
                                         Map<String, String> callHeaders, HttpResponse.BodyHandler<T> handler,
                                         Discard<T> discard) throws IOException, InterruptedException {
        String token = token();
        HttpResponse<T> response = http.send(request(method, url, body, token, accept, callHeaders), handler);
        if (response.statusCode() == 401 && token != null) {
            tokens.rejected(token);
            String fresh = token();
            if (fresh != null && !fresh.equals(token)) {
                discard.of(response);
                response = http.send(request(method, url, body, fresh, accept, callHeaders), handler);
            }
        }
        return response;
    }

    /** The token for the next request; Keystone being out of reach counts as the servers being out of reach. */
    private String token() {
        try {
            return tokens.token();
        } catch (KeystoneUnavailableException e) {
            throw new ServerUnreachableException("cannot get a token: " + e.getMessage(), e);
        }
    }

    private HttpRequest request(String method, String url, String body, String token, String accept,
                                Map<String, String> callHeaders) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", accept);
        if (token != null) {
            builder.header("X-Auth-Token", token);
        }
        callHeaders.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return builder.build();
    }

    private static JsonNode answer(HttpResponse<String> response) throws IOException {
        String text = response.body();
        if (response.statusCode() >= 400) {
            throw new ApiCallException(response.statusCode(), faultMessage(response.statusCode(), text));
        }
        return text == null || text.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(text);
    }

    /** The message of a Nova fault body ({"itemNotFound": {"message": ...}}), or the raw text. */
    static String faultMessage(int status, String text) {
        try {
            JsonNode json = MAPPER.readTree(text);
            if (json != null && json.isObject() && json.size() == 1) {
                JsonNode message = json.elements().next().get("message");
                if (message != null) {
                    return message.asText();
                }
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        return "HTTP " + status + (text == null || text.isBlank() ? "" : ": " + text.strip());
    }

    private String describe(IOException e) {
        if (e instanceof SSLException tlsFailure) {
            return describeTls(tlsFailure);
        }
        // The JDK's client throws a ConnectException without a message when the port is closed.
        if (e instanceof java.net.ConnectException && e.getMessage() == null) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** In the operator's words: the JDK's own names the certificate path builder. */
    private String describeTls(SSLException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return "TLS: the server's certificate is not signed by a CA this client trusts (it trusts "
                        + tls.trusted() + ")";
            }
        }
        if (cause instanceof CertificateException refused) {
            return "TLS: the server's certificate was refused: " + refused.getMessage();
        }
        return "TLS handshake failed: " + (cause.getMessage() != null ? cause.getMessage()
                : cause.getClass().getSimpleName());
    }
}
