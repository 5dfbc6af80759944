package io.hyperstatus.server.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperstatus.config.HttpOptions;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request queue of {@code [http]}: with one request served at a time and one waiting, a third is refused at
 * once with Nova's 503 fault and a Retry-After, while the waiting one is served when the first is done. The first
 * request is held by a latch, not by time.
 */
class RequestQueueTest {
    private static final HttpOptions ONE_AT_A_TIME_ONE_WAITING = new HttpOptions(100, 16, 1, 1,
            Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(30), 8192);

    private final CountDownLatch firstEntered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Javalin app;

    @BeforeEach
    void start() {
        JettySetup jetty = new JettySetup(ONE_AT_A_TIME_ONE_WAITING, 1024, (path, header) -> true, List.of());
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            jetty.configure(cfg, "127.0.0.1", 0, Optional.empty());
            cfg.routes.get("/held", ctx -> {
                firstEntered.countDown();
                assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
                ctx.result("served");
            });
        }).start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        app.stop();
    }

    private CompletableFuture<HttpResponse<String>> get() {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/held"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestBeyondTheQueueIsRefusedAtOnceAndTheWaitingOneIsServedInItsTurn() throws Exception {
        CompletableFuture<HttpResponse<String>> first = get();
        assertThat(firstEntered.await(20, TimeUnit.SECONDS)).isTrue();
        // Of the next two, whichever reaches the queue first waits there; the other finds it full.
        List<CompletableFuture<HttpResponse<String>>> next = List.of(get(), get());

        HttpResponse<String> refused = next.get(0).applyToEither(next.get(1), answer -> answer)
                .get(20, TimeUnit.SECONDS);
        assertThat(first).isNotDone();
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(new ObjectMapper().readTree(refused.body())).isEqualTo(new ObjectMapper().readTree("""
                {"serviceUnavailable": {"code": 503, "message": "Too many requests are waiting; try again later."}}"""));

        release.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS).body()).isEqualTo("served");
        List<Integer> statuses = next.stream().map(f -> f.join().statusCode()).sorted().toList();
        assertThat(statuses).containsExactly(200, 503);
    }
}
