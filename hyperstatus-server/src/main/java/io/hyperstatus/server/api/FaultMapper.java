package io.hyperstatus.server.api;

import io.hyperstatus.core.ApplicationException;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.error.ApplicationFaults;
import io.hyperstatus.server.api.microversion.MicroversionNegotiator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where whatever went wrong in a call becomes its answer. {@link #map} decides, most specific type
 * first; {@link #answer} writes the decision (and logs what nobody expected, with the request id).
 */
final class FaultMapper {
    private static final Logger LOG = LoggerFactory.getLogger("hyperstatus.api");

    /** The answer a failure gets. */
    sealed interface Fault permits Fault.Json, Fault.RouteNotFound, Fault.Unexpected {
        /** Nova's JSON fault; a refused microversion is echoed in the version headers. */
        record Json(int status, String message, Optional<String> echoedVersion) implements Fault {
            Json(int status, String message) {
                this(status, message, Optional.empty());
            }
        }

        /** The page of a path no route takes ({@link NotFoundPages}). */
        record RouteNotFound() implements Fault {
        }

        /**
         * A failure nobody expected: Nova's 500, with a fixed message that names the request (when it has an id)
         * and nothing of the failure, which is logged with that id instead.
         */
        record Unexpected(Throwable failure) implements Fault {
            Json asJson(Optional<String> requestId) {
                return new Json(500, "Unexpected API Error. Please contact the administrator"
                        + requestId.map(id -> ", quoting request id " + id).orElse("") + ".");
            }
        }
    }

    private final NotFoundPages notFound;

    FaultMapper(NotFoundPages notFound) {
        this.notFound = notFound;
    }

    static Fault map(Throwable failure) {
        if (failure instanceof ApiException e) {
            return new Fault.Json(e.status(), e.getMessage());
        }
        if (failure instanceof MicroversionNegotiator.NotAcceptable e) {
            return new Fault.Json(406, e.getMessage(), Optional.of(e.requested()));
        }
        if (failure instanceof HttpResponseException e) {
            return switch (e.getStatus()) {
                case 404 -> new Fault.RouteNotFound();
                case 413 -> new Fault.Json(413, "Request is too large.");
                default -> new Fault.Json(e.getStatus(), e.getMessage());
            };
        }
        if (failure instanceof ApplicationException e) {
            // The application layer's refusals: the status by kind, the message as the refusal words it.
            return new Fault.Json(ApplicationFaults.status(e), e.getMessage());
        }
        return new Fault.Unexpected(failure);
    }

    /**
     * Makes this mapper answer every exception an action or a step throws, and the 404 of a path no route takes
     * (unless an error answer is already written).
     */
    void install(RoutesConfig routes) {
        // Javalin keeps a handler of its own for HttpResponseException unless one replaces it.
        routes.exception(HttpResponseException.class, this::answer);
        routes.exception(Exception.class, this::answer);
        routes.error(404, ctx -> {
            if (!Answers.errorWritten(ctx)) {
                notFound.answer(ctx);
            }
        });
    }

    void answer(Throwable failure, Context ctx) {
        Fault fault = map(failure);
        if (fault instanceof Fault.RouteNotFound) {
            notFound.answer(ctx);
        } else if (fault instanceof Fault.Unexpected unexpected) {
            String requestId = Answers.requestId(ctx);
            LOG.error("Unexpected error in {} {} [{}]", ctx.method(), ctx.path(), requestId, failure);
            write(ctx, unexpected.asJson(Optional.ofNullable(requestId)));
        } else {
            write(ctx, (Fault.Json) fault);
        }
    }

    private static void write(Context ctx, Fault.Json fault) {
        fault.echoedVersion().ifPresent(version -> MicroversionHeaders.echo(ctx, version));
        Answers.fault(ctx, fault.status(), fault.message());
    }
}
