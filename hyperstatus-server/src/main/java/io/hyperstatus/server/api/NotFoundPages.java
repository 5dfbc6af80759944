package io.hyperstatus.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;

/**
 * What a path that no route takes gets: under an API mount, a plain 404 page in the type the client accepts (not a
 * JSON fault, as in Nova); elsewhere, for a GET, the 300 list of where the path would live in each API version.
 */
final class NotFoundPages {
    private static final String JSON = "{\"message\": \"The resource could not be found.<br /><br />\\n\\n\\n\","
            + " \"code\": \"404 Not Found\", \"title\": \"Not Found\"}";
    private static final String TEXT = "404 Not Found\n\nThe resource could not be found.\n\n   ";
    // Kept escaped: every byte of the page counts (leading spaces, blank lines, no final newline).
    @SuppressWarnings("StringConcatToTextBlock")
    private static final String HTML = "<html>\n <head>\n  <title>404 Not Found</title>\n"
            + " </head>\n <body>\n  <h1>404 Not Found</h1>\n  The resource could not be found.<br /><br />\n\n\n\n"
            + " </body>\n</html>";

    private final VersionDocuments versions;

    NotFoundPages(VersionDocuments versions) {
        this.versions = versions;
    }

    void answer(Context ctx) {
        Answers.markErrorWritten(ctx);
        String path = ctx.path();
        boolean underMount = path.equals("/v2") || path.startsWith("/v2/") || path.startsWith("/v2.1")
                || path.startsWith(Mount.AGENT.prefix())
                || path.startsWith(Mount.HYPERSTATUS.prefix());
        if (!underMount && HandlerType.GET.equals(ctx.method())) {
            versions.choices(ctx);
            return;
        }
        ctx.status(404);
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
        if (accept.contains("application/json")) {
            ctx.contentType("application/json").result(JSON);
        } else if (accept.isEmpty() || accept.contains("text/plain")) {
            ctx.contentType("text/plain; charset=UTF-8").result(TEXT);
        } else {
            ctx.contentType("text/html; charset=UTF-8").result(HTML);
        }
    }
}
