package io.hyperstatus.server.jetty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strips method overrides, then receives a body in full before passing the request on, reading it as it
 * arrives without holding a thread while the client is slow. A request its gate refuses goes on unread (it is
 * then answered from its headers, and its connection closed, Jetty not waiting for the body).
 */
final class BodyReceiver extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger("hyperstatus.api");
    /** Headers that ask some frameworks to act as another method; Nova ignores them, and so must Javalin. */
    private static final Set<String> METHOD_OVERRIDES =
            Set.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    private final Duration bodyTimeout;
    private final long maxBodySize;
    private final BodyGate gate;

    BodyReceiver(Duration bodyTimeout, long maxBodySize, BodyGate gate) {
        this.bodyTimeout = bodyTimeout;
        this.maxBodySize = maxBodySize;
        this.gate = gate;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Request stripped = withoutMethodOverrides(request);
        Handler next = getHandler();
        if (!expectsBody(stripped) || stripped.getLength() > maxBodySize
                || !gate.admits(stripped.getHttpURI().getPath(), name -> stripped.getHeaders().get(name))) {
            return next.handle(stripped, response, callback);
        }
        new Receipt(next, stripped, response, callback).start();
        return true;
    }

    private static boolean expectsBody(Request request) {
        return request.getLength() > 0 || (request.getLength() < 0
                && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
    }

    private static Request withoutMethodOverrides(Request request) {
        HttpFields headers = request.getHeaders();
        if (METHOD_OVERRIDES.stream().noneMatch(headers::contains)) {
            return request;
        }
        HttpFields.Mutable kept = HttpFields.build();
        for (HttpField field : headers) {
            if (METHOD_OVERRIDES.stream().noneMatch(field::is)) {
                kept.add(field);
            }
        }
        HttpFields immutable = kept.asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return immutable;
            }
        };
    }

    /** One body being received: ends by passing the request on, or by a 408, 413, or the client's going away. */
    private final class Receipt implements Runnable {
        private final Handler next;
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean ended = new AtomicBoolean();
        private Scheduler.Task deadline;

        Receipt(Handler next, Request request, Response response, Callback callback) {
            this.next = next;
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            deadline = request.getComponents().getScheduler().schedule(this::expire,
                    bodyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            run();
        }

        /** Reads what has arrived; asks to be called again when more does. */
        @Override
        public void run() {
            while (!ended.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    clientGone(chunk.getFailure());
                    return;
                }
                boolean last = chunk.isLast();
                try {
                    Channels.newChannel(body).write(chunk.getByteBuffer());
                } catch (IOException e) {
                    throw new IllegalStateException("writing to memory failed", e);
                } finally {
                    chunk.release();
                }
                if (body.size() > maxBodySize) {
                    refuse(HttpStatus.PAYLOAD_TOO_LARGE_413);
                    return;
                }
                if (last) {
                    received();
                    return;
                }
            }
        }

        private void received() {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            deadline.cancel();
            Request replay = new Replay(request, body.toByteArray());
            try {
                if (!next.handle(replay, response, callback)) {
                    Response.writeError(replay, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Exception e) {
                Response.writeError(replay, response, callback, e);
            }
        }

        private void expire() {
            if (ended.compareAndSet(false, true)) {
                LOG.info("{} {} body not received within {} s; answered 408", request.getMethod(),
                        request.getHttpURI().getPathQuery(), bodyTimeout.toSeconds());
                answerAndClose(HttpStatus.REQUEST_TIMEOUT_408);
            }
        }

        private void refuse(int status) {
            if (ended.compareAndSet(false, true)) {
                deadline.cancel();
                answerAndClose(status);
            }
        }

        private void answerAndClose(int status) {
            // The rest of the body is not read: the connection cannot carry another request.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, status);
        }

        private void clientGone(Throwable failure) {
            if (ended.compareAndSet(false, true)) {
                deadline.cancel();
                LOG.info("{} {} client went away while sending the body ({})", request.getMethod(),
                        request.getHttpURI().getPathQuery(), failure.getClass().getSimpleName());
                request.setAttribute(HttpLayerErrors.CLIENT_GONE, true);
                callback.failed(failure);
            }
        }
    }

    /** The request with its body, already received, read again from memory. */
    private static final class Replay extends Request.Wrapper {
        private Content.Chunk remaining;

        Replay(Request request, byte[] body) {
            super(request);
            this.remaining = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk chunk = remaining;
            remaining = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
