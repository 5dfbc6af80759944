package io.hyperstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.microversion.MicroversionNegotiator;
import io.hyperstatus.core.ConflictingWriteException;
import io.hyperstatus.core.ServiceNotFoundException;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultMapperTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** What each path of the little server below throws. */
    private static final Map<String, Supplier<RuntimeException>> THROWN = Map.of(
            "api", () -> new ApiException(409, "Aggregate rack-1 already exists."),
            "not-acceptable", FaultMapperTest::notAcceptable,
            "javalin-404", () -> new HttpResponseException(404, "Not found", Map.of()),
            "javalin-413", () -> new HttpResponseException(413, "Content Too Large", Map.of()),
            "javalin-400", () -> new HttpResponseException(400, "Bad request", Map.of()),
            "service-not-found", () -> new ServiceNotFoundException("5"),
            "write-conflict", () -> new ConflictingWriteException("The report conflicts.", null),
            "unexpected", () -> new IllegalStateException("internal detail"));

    private static Javalin server;

    private static MicroversionNegotiator.NotAcceptable notAcceptable() {
        return (MicroversionNegotiator.NotAcceptable) catchThrowable(
                () -> new MicroversionNegotiator().negotiate(List.of("compute 3.0"), List.of()));
    }

    @BeforeAll
    static void startAServerWhoseRoutesThrow() {
        MicroversionHeaders microversions = new MicroversionHeaders(new MicroversionNegotiator());
        FaultMapper faults = new FaultMapper(new NotFoundPages(new VersionDocuments(Optional.empty(), microversions)));
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/v2.1/throw/{kind}", ctx -> {
                throw THROWN.get(ctx.pathParam("kind")).get();
            });
            faults.install(cfg.routes);
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String kind) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v2.1/throw/"
                + kind)).header("Accept", "application/json").build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertNovaFault(HttpResponse<String> reply, int status, String body) {
        assertThat(reply.statusCode()).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(reply.body()).isEqualTo(body);
    }

    @Test
    void anApiExceptionIsAnsweredWithItsStatusAndMessage() throws Exception {
        assertThat(FaultMapper.map(new ApiException(403, "Policy doesn't allow x to be performed.")))
                .isEqualTo(new FaultMapper.Fault.Json(403, "Policy doesn't allow x to be performed."));
        assertNovaFault(get("api"), 409,
                "{\"conflictingRequest\":{\"code\":409,\"message\":\"Aggregate rack-1 already exists.\"}}");
    }

    @Test
    void aRefusedMicroversionIs406AndStillEchoedInTheVersionHeaders() throws Exception {
        HttpResponse<String> reply = get("not-acceptable");
        assertNovaFault(reply, 406, "{\"computeFault\":{\"code\":406,\"message\":\"Version 3.0 is not supported by"
                + " the API. Minimum is 2.1 and maximum is 2.104.\"}}");
        assertThat(reply.headers().firstValue("OpenStack-API-Version")).hasValue("compute 3.0");
        assertThat(reply.headers().firstValue("X-OpenStack-Nova-API-Version")).hasValue("3.0");
        assertThat(reply.headers().allValues("Vary"))
                .containsExactly("OpenStack-API-Version", "X-OpenStack-Nova-API-Version");
    }

    @Test
    void javalinsNotFoundIsTheRouteNotFoundPage() throws Exception {
        assertThat(FaultMapper.map(new HttpResponseException(404, "Not found", Map.of())))
                .isEqualTo(new FaultMapper.Fault.RouteNotFound());
        HttpResponse<String> reply = get("javalin-404");
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(reply.body()).isEqualTo("{\"message\": \"The resource could not be found.<br /><br />\\n\\n\\n\","
                + " \"code\": \"404 Not Found\", \"title\": \"Not Found\"}");
    }

    @Test
    void javalinsTooLargeIsNovasOverLimitFault() throws Exception {
        assertNovaFault(get("javalin-413"), 413,
                "{\"overLimit\":{\"code\":413,\"message\":\"Request is too large.\"}}");
    }

    @Test
    void anyOtherJavalinStatusKeepsItsStatusAndMessage() throws Exception {
        assertNovaFault(get("javalin-400"), 400, "{\"badRequest\":{\"code\":400,\"message\":\"Bad request\"}}");
    }

    @Test
    void aServiceThatVanishedIs404WithNovasMessage() throws Exception {
        assertNovaFault(get("service-not-found"), 404,
                "{\"itemNotFound\":{\"code\":404,\"message\":\"Service 5 could not be found.\"}}");
    }

    @Test
    void aConflictingWriteIs409WithItsMessage() throws Exception {
        assertNovaFault(get("write-conflict"), 409,
                "{\"conflictingRequest\":{\"code\":409,\"message\":\"The report conflicts.\"}}");
    }

    @Test
    void anythingElseIsNovas500NamingNothingOfTheFailure() throws Exception {
        assertNovaFault(get("unexpected"), 500, "{\"computeFault\":{\"code\":500,\"message\":\"Unexpected API Error."
                + " Please contact the administrator.\"}}");
    }

    @Test
    void anErrorIsUnexpectedToo() {
        FaultMapper.Fault fault = FaultMapper.map(new StackOverflowError());
        assertThat(fault).isInstanceOf(FaultMapper.Fault.Unexpected.class);
        assertThat(((FaultMapper.Fault.Unexpected) fault).asJson(Optional.of("req-1"))).isEqualTo(
                new FaultMapper.Fault.Json(500, "Unexpected API Error. Please contact the administrator, quoting"
                        + " request id req-1."));
    }
}
