package io.hyperstatus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A 401 drops the token and the call goes out once more with a new one (a revoked or expired Keystone token). */
class HttpTransportTokenTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
            seen.add(token);
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(token.startsWith("good") ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private List<String> url() {
        return List.of("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void aRejectedTokenIsReplacedAndTheCallRepeatedOnce() {
        TokenSource tokens = new TokenSource() {
            private String current = "revoked";

            @Override
            public synchronized String token() {
                return current;
            }

            @Override
            public synchronized void rejected(String token) {
                current = "good-new";
            }
        };

        new HttpTransport(url(), tokens, Duration.ofSeconds(5)).call("POST", "/x", null);

        assertThat(seen).containsExactly("revoked", "good-new");
    }

    @Test
    void aFixedTokenIsNotSentTwice() {
        HttpTransport transport = new HttpTransport(url(), TokenSource.fixed("bad"), Duration.ofSeconds(5));

        assertThatThrownBy(() -> transport.call("POST", "/x", null)).isInstanceOf(ApiCallException.class);
        assertThat(seen).containsExactly("bad");
    }
}
