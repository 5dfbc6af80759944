package io.hyperstatus.server.api;

import io.hyperstatus.config.HttpOptions;
import io.hyperstatus.server.api.error.Faults;
import io.hyperstatus.server.tls.TlsConnector;
import io.javalin.config.JavalinConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty server under Javalin, bounded per {@code [http]}: a fixed thread pool, a connection limit, idle
 * timeouts, header size; in front of Javalin, a handler that receives each body asynchronously (holding no thread,
 * after the {@link BodyGate} has admitted its headers, within {@code body_timeout}), then a queue that lets
 * {@code max_concurrent_requests} through at a time. Whatever Jetty refuses by itself (a malformed request, a
 * body too slow, a full queue) is answered with Nova's JSON fault by {@link JsonErrors}. One of the two classes
 * that reach into Jetty, so that this configuration stays in one place.
 */
final class JettySetup {
    private static final Logger LOG = LoggerFactory.getLogger("hyperstatus.api");
    /** Headers that ask some frameworks to act as another method; Nova ignores them, and so must Javalin. */
    /** Marks a request whose client went away: its one log line is written, the error answer adds none. */
    private static final String CLIENT_GONE = "hyperstatus.client_gone";
    private static final Set<String> METHOD_OVERRIDES =
            Set.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    private final HttpOptions limits;
    private final long maxBodySize;
    private final BodyGate gate;

    JettySetup(HttpOptions limits, long maxBodySize, BodyGate gate) {
        this.limits = limits;
        this.maxBodySize = maxBodySize;
        this.gate = gate;
    }

    /** Applies the limits and handlers to Javalin's Jetty; the server will listen on {@code host:port}. */
    void configure(JavalinConfig cfg, String host, int port, Optional<TlsConnector> tls) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), HttpOptions.IO_THREADS,
                (int) TimeUnit.MINUTES.toMillis(1));
        threads.setName("hyperstatus-http");
        cfg.jetty.threadPool = threads;
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(limits.maxHeaderSize());
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        cfg.jetty.addConnector((server, http) -> {
            ServerConnector connector = tls.isPresent() ? tls.get().connector(server, http, host, port)
                    : plain(server, http, host, port);
            connector.setIdleTimeout(limits.idleTimeout().toMillis());
            return connector;
        });
        cfg.jetty.modifyServer(server -> {
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
            server.setErrorHandler(new JsonErrors());
            QoSHandler queue = new QoSHandler();
            queue.setMaxRequestCount(limits.maxConcurrentRequests());
            queue.setMaxSuspendedRequestCount(limits.maxQueuedRequests());
            queue.setMaxSuspend(limits.queueTimeout());
            // Inserted last, so it runs first: bodies are received before a request queues for its turn.
            server.insertHandler(queue);
            server.insertHandler(new BodyReceiver());
        });
    }

    private static ServerConnector plain(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /**
     * Strips method overrides, then receives a body in full before passing the request on, reading it as it
     * arrives without holding a thread while the client is slow. A request its gate refuses goes on unread (it is
     * then answered from its headers, and its connection closed, Jetty not waiting for the body).
     */
    private final class BodyReceiver extends Handler.Wrapper {
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
                    limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
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
                        request.getHttpURI().getPathQuery(), limits.bodyTimeout().toSeconds());
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
                request.setAttribute(CLIENT_GONE, true);
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

    /**
     * Nova's JSON fault for every answer Jetty writes by itself: a request it could not parse, a body too large or
     * too slow, a full queue. The body says what the status means, never what failed inside. Each is logged on
     * one line, as {@link RequestLog} logs the requests that reach the API.
     */
    private static final class JsonErrors implements Request.Handler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus();
            Throwable cause = (Throwable) request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
            if (cause instanceof HttpException failure) {
                status = failure.getCode();
                response.setStatus(status);
            }
            String requestId = "req-" + UUID.randomUUID();
            response.getHeaders().put(Answers.REQUEST_ID, requestId);
            response.getHeaders().put(Answers.COMPUTE_REQUEST_ID, requestId);
            if (request.getAttribute(CLIENT_GONE) == null) {
                LOG.info("{} {} {} status: {} (answered by the HTTP layer{})", requestId, request.getMethod(),
                        request.getHttpURI() == null ? "-" : request.getHttpURI().getPathQuery(), status,
                        cause == null ? "" : ": " + cause.getClass().getSimpleName());
            }
            if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            }
            if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
                callback.succeeded();
                return true;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Faults.CONTENT_TYPE);
            response.write(true, ByteBuffer.wrap(Faults.body(status, message(status))), callback);
            return true;
        }

        private static String message(int status) {
            return switch (status) {
                case HttpStatus.PAYLOAD_TOO_LARGE_413 -> "Request is too large.";
                case HttpStatus.REQUEST_TIMEOUT_408 -> "The request body did not arrive in time.";
                case HttpStatus.SERVICE_UNAVAILABLE_503 -> "Too many requests are waiting; try again later.";
                default -> HttpStatus.getMessage(status);
            };
        }
    }
}
