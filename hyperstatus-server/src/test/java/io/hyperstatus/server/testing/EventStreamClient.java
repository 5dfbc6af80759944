package io.hyperstatus.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A subscriber of the event stream as a test sees it: the messages (id and event) and comments it received, read
 * as they arrive without a thread of its own, so that a test can hold a thousand of them.
 */
public final class EventStreamClient implements AutoCloseable {
    /** One message of the stream. */
    public record Message(long id, JsonNode event) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final List<Message> messages = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Void>> response;
    private final CompletableFuture<HttpResponse.ResponseInfo> head = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private String pendingId;
    private StringBuilder pendingData;

    private EventStreamClient(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        // The response's future completes with its body, that is when the stream ends; the head comes first.
        response = HTTP.sendAsync(request.build(), info -> {
            head.complete(info);
            return HttpResponse.BodySubscribers.fromLineSubscriber(new Lines());
        });
        var unused = response.whenComplete((r, failure) -> ended.complete(null));
    }

    /** Opens {@code path} (below the server's base URL) as the admin, with extra headers. */
    public static EventStreamClient open(TestServer server, String path, Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>(Map.of("X-Auth-Token", TestServer.ADMIN));
        all.putAll(headers);
        return new EventStreamClient(server.baseUrl() + path, all);
    }

    public static EventStreamClient open(TestServer server, String path) {
        return open(server, path, Map.of());
    }

    /** The status and headers, once they came. */
    public HttpResponse.ResponseInfo response() {
        try {
            return head.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stream did not answer", e);
        }
    }

    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    public synchronized List<Long> ids() {
        return messages.stream().map(Message::id).toList();
    }

    public synchronized List<String> comments() {
        return List.copyOf(comments);
    }

    /** Waits until the messages received satisfy {@code done}, or fails after {@code timeout}. */
    public List<Message> await(Predicate<List<Message>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!done.test(messages)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the stream did not deliver in " + timeout + "; got ids " + ids());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return List.copyOf(messages);
        }
    }

    public List<Message> awaitCount(int count, Duration timeout) {
        return await(m -> m.size() >= count, timeout);
    }

    /** Waits until a comment line arrived; answers it. */
    public String awaitComment(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (!comments.isEmpty()) {
                    return comments.get(0);
                }
            }
            sleep();
        }
        throw new AssertionError("no comment in " + timeout);
    }

    /** Whether the server ended the stream, waiting up to {@code timeout} for it. */
    public boolean awaitEnd(Duration timeout) {
        try {
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        response.cancel(true);
        head.cancel(true);
    }

    private final class Lines implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            synchronized (EventStreamClient.this) {
                if (line.startsWith(":")) {
                    comments.add(line);
                } else if (line.startsWith("id: ")) {
                    pendingId = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    pendingData = new StringBuilder(line.substring(6));
                } else if (line.isEmpty() && pendingData != null) {
                    messages.add(new Message(Long.parseLong(pendingId), Reply.parse(pendingData.toString())));
                    pendingId = null;
                    pendingData = null;
                    EventStreamClient.this.notifyAll();
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            ended.complete(null);
        }

        @Override
        public void onComplete() {
            ended.complete(null);
        }
    }
}
