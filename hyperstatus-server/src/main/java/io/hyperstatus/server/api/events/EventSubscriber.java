package io.hyperstatus.server.api.events;

import io.hyperstatus.core.events.EventQuery;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One client of the event stream: the messages not yet taken by its connection, written with the servlet's
 * non-blocking output as the connection accepts them, so that no thread waits for a client. A client that falls
 * so far behind that its queue would pass its bound is disconnected (it resumes with {@code Last-Event-ID}).
 */
final class EventSubscriber implements WriteListener, AsyncListener {
    private final EventQuery filter;
    private final int maxQueuedBytes;
    private final CompletableFuture<Void> finished;
    private final Consumer<EventSubscriber> onEnd;
    private final Consumer<Throwable> abort;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private ServletOutputStream out;
    private long queuedBytes;
    /** True at first: the status and headers go out at once, so the client knows its stream is open. */
    private boolean unflushed = true;
    private boolean ending;
    private boolean ended;
    /** The id of the last event this subscriber has been given or passed over; touched by the follower only. */
    private long position;

    EventSubscriber(EventQuery filter, long cursor, int maxQueuedBytes, CompletableFuture<Void> finished,
                    Consumer<EventSubscriber> onEnd, Consumer<Throwable> abort) {
        this.filter = filter;
        this.position = cursor;
        this.maxQueuedBytes = maxQueuedBytes;
        this.finished = finished;
        this.onEnd = onEnd;
        this.abort = abort;
    }

    EventQuery filter() {
        return filter;
    }

    long position() {
        return position;
    }

    void position(long id) {
        position = id;
    }

    /** Starts writing to the connection (the servlet then calls {@link #onWritePossible}). */
    synchronized void attach(ServletOutputStream output) {
        this.out = output;
        output.setWriteListener(this);
    }

    /** Bytes queued and not yet taken by the connection. */
    synchronized long queuedBytes() {
        return queuedBytes;
    }

    /** Queues a message; false when the subscriber is gone, or was dropped now for being too far behind. */
    synchronized boolean offer(byte[] message) {
        if (ending || ended) {
            return false;
        }
        if (queuedBytes + message.length > maxQueuedBytes) {
            ended = true;
            discardQueue();
            onEnd.accept(this);
            // Its connection cannot take what it has already: end it at once rather than wait on it.
            abort.accept(new IOException("event stream subscriber too slow"));
            finished.complete(null);
            return false;
        }
        queue.add(message);
        queuedBytes += message.length;
        drain();
        return true;
    }

    /** Ends the stream once what is queued has been written: the server stops. */
    synchronized void end() {
        if (ended) {
            return;
        }
        ending = true;
        drain();
    }

    /** Ends the stream at once, whatever is queued. */
    synchronized void abortNow() {
        if (!ended) {
            ended = true;
            discardQueue();
            onEnd.accept(this);
            abort.accept(new IOException("server stopping"));
            finished.complete(null);
        }
    }

    synchronized boolean isEnded() {
        return ended;
    }

    @Override
    public synchronized void onWritePossible() throws IOException {
        drain();
    }

    private void drain() {
        if (out == null || ended) {
            return;
        }
        try {
            while (out.isReady()) {
                byte[] next = queue.poll();
                if (next == null) {
                    if (unflushed) {
                        unflushed = false;
                        out.flush();
                        continue;
                    }
                    if (ending) {
                        finish();
                    }
                    return;
                }
                queuedBytes -= next.length;
                out.write(next);
                unflushed = true;
            }
        } catch (IOException | IllegalStateException e) {
            finish();
        }
    }

    private void finish() {
        if (!ended) {
            ended = true;
            discardQueue();
            onEnd.accept(this);
            finished.complete(null);
        }
    }

    private void discardQueue() {
        queue.clear();
        queuedBytes = 0;
    }

    @Override
    public synchronized void onError(Throwable failure) {
        finish();
    }

    @Override
    public synchronized void onComplete(AsyncEvent event) {
        finish();
    }

    @Override
    public synchronized void onTimeout(AsyncEvent event) {
        finish();
    }

    @Override
    public synchronized void onError(AsyncEvent event) {
        finish();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Nothing: the stream is asynchronous from its start.
    }
}
