package io.hyperstatus.server.testing.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends a phase of the corpus to a server, a few requests at a time, each within the time limit, and judges every
 * answer. The raw requests go through {@link RawHttp}, the rest through {@code java.net.http}.
 */
public final class FuzzRunner implements AutoCloseable {
    private final String baseUrl;
    private final RawHttp raw;
    private final Verdicts verdicts;
    private final Duration limit;
    private final ExecutorService workers;
    private final ExecutorService clientThreads;
    private final HttpClient http;

    public FuzzRunner(int port, Duration limit, int concurrency) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.limit = limit;
        this.raw = new RawHttp(port, (int) limit.toMillis());
        this.verdicts = new Verdicts(limit.toMillis());
        this.workers = Executors.newFixedThreadPool(concurrency);
        this.clientThreads = Executors.newFixedThreadPool(concurrency);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(limit)
                .executor(clientThreads).build();
    }

    /** Sends every request of the phase and returns what broke a rule, in the corpus's order. */
    public List<Violation> run(List<FuzzRequest> requests) {
        List<Future<List<Violation>>> pending = new ArrayList<>();
        for (FuzzRequest request : requests) {
            pending.add(workers.submit(() -> verdicts.judge(request, send(request))));
        }
        List<Violation> found = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            try {
                // Every request is bounded by the limit; this only guards against a runner that never returns.
                found.addAll(pending.get(i).get(limit.toMillis() * requests.size() + 60_000, TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                throw new IllegalStateException("the fuzz runner failed on " + requests.get(i), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the fuzz runner did not return on " + requests.get(i), e);
            }
        }
        return found;
    }

    public Answer send(FuzzRequest request) {
        if (request.isRaw()) {
            return raw.send(request.raw());
        }
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(baseUrl + request.target())).timeout(limit)
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            for (int i = 0; i < request.headers().size(); i += 2) {
                builder.header(request.headers().get(i), request.headers().get(i + 1));
            }
        } catch (IllegalArgumentException e) {
            // java.net.http refuses it (a malformed escape in the URI, a byte no header value may hold): as bytes.
            return raw.send(request.asBytes());
        }
        long start = System.nanoTime();
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(builder.build(), FuzzRunner::bodyUnlessStream);
        try {
            // The request's own timeout ends at the answer's head; this one bounds the body too.
            HttpResponse<byte[]> response = future.get(limit.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8), millis(start), null);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            return Answer.failed("no complete answer within " + limit.toMillis() + " ms", millis(start));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return Answer.failed("no answer within " + limit.toMillis() + " ms", millis(start));
            }
            // The pooled connection was closed under the request, or the server answered and closed while a
            // large body was still going out (java.net.http then drops the answer): again, alone, as bytes.
            Answer again = raw.send(request.asBytes());
            return again.answered() ? again : Answer.failed("connection failed: " + e.getCause() + "; then "
                    + again.failure(), millis(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed("interrupted", millis(start));
        }
    }

    /**
     * The body, but for an event stream (a valid request of the stream route), which never ends: its head is the
     * answer, and the connection is closed at once.
     */
    private static HttpResponse.BodySubscriber<byte[]> bodyUnlessStream(HttpResponse.ResponseInfo info) {
        boolean stream = info.statusCode() == 200 && info.headers().firstValue("Content-Type")
                .filter(type -> type.startsWith("text/event-stream")).isPresent();
        if (!stream) {
            return HttpResponse.BodySubscribers.ofByteArray();
        }
        return new HttpResponse.BodySubscriber<>() {
            @Override
            public java.util.concurrent.CompletionStage<byte[]> getBody() {
                return java.util.concurrent.CompletableFuture.completedFuture(new byte[0]);
            }

            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                subscription.cancel();
            }

            @Override
            public void onNext(List<java.nio.ByteBuffer> item) {
                // Nothing: the subscription is cancelled.
            }

            @Override
            public void onError(Throwable throwable) {
                // Nothing: the answer was its head.
            }

            @Override
            public void onComplete() {
                // Nothing: the answer was its head.
            }
        };
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        clientThreads.shutdownNow();
    }
}
