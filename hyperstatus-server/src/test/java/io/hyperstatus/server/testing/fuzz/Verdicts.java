package io.hyperstatus.server.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every answer to a bad request keeps: answered within the time limit, never a 5xx (but for the 501s
 * Nova's contract names), an error body that is a JSON fault in Nova's shape (or one of the exact pages Nova itself
 * answers for an unrouted path), no Java class name, stack trace or HTML in any body, and no write accepted.
 */
public final class Verdicts {
    public static final String NO_ANSWER = "no answer";
    public static final String SLOW = "answer slower than the limit";
    public static final String SERVER_ERROR = "5xx status";
    public static final String HTML = "HTML error body";
    public static final String NOT_JSON = "non-JSON error body";
    public static final String WRONG_TYPE = "error body not labelled application/json";
    public static final String NOT_A_FAULT = "JSON error body not in Nova's fault shape";
    public static final String CLASS_NAME = "Java class name in body";
    public static final String STACK_TRACE = "stack trace in body";
    public static final String WRITE_ACCEPTED = "write accepted";

    /** The pages an unrouted path under a mount gets in Nova (webob's 404, by Accept), allowed byte for byte. */
    private static final Map<String, String> NOT_FOUND_PAGES = Map.of(
            "404 Not Found\n\nThe resource could not be found.\n\n   ", "text/plain",
            "{\"message\": \"The resource could not be found.<br /><br />\\n\\n\\n\", \"code\": \"404 Not Found\", "
                    + "\"title\": \"Not Found\"}", "application/json",
            "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n"
                    + "  The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>", "text/html");

    /**
     * Where Nova itself answers 501 (its os-hosts power actions and maintenance mode, which no libvirt host has),
     * the one 5xx the API owes its clients; anywhere else, or with any other body, it is a violation.
     */
    private static final Pattern NOVAS_NOT_IMPLEMENTED = Pattern.compile(
            "(GET \\S*/os-hosts/\\{id\\}/(startup|shutdown|reboot)|PUT \\S*/os-hosts/\\{id\\})");

    private static final Pattern CLASS_NAMES = Pattern.compile(
            "\\b(java|javax|jakarta|sun|jdk|io\\.hyperstatus|io\\.javalin|org\\.eclipse|com\\.fasterxml|org\\.jdbi"
                    + "|org\\.postgresql|org\\.mariadb|org\\.sqlite|org\\.flywaydb|com\\.zaxxer|com\\.networknt)\\.[a-zA-Z]"
                    + "|\\b[A-Z][A-Za-z0-9_$]*(Exception|Error)\\b|<class '");
    private static final Pattern STACK = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\n\\s+at [\\w$.]+\\(");
    private static final Pattern HTML_TAG = Pattern.compile("(?i)<\\s*(html|body|head|title|h1|pre|!doctype)\\b");
    private static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Set<String> WRITE_METHODS = Set.of("PUT", "POST", "DELETE", "PATCH");

    private final long limitMillis;

    public Verdicts(long limitMillis) {
        this.limitMillis = limitMillis;
    }

    public List<Violation> judge(FuzzRequest request, Answer answer) {
        List<Violation> found = new ArrayList<>();
        if (!answer.answered()) {
            found.add(new Violation(NO_ANSWER, request, answer));
            return found;
        }
        if (answer.millis() > limitMillis) {
            found.add(new Violation(SLOW, request, answer));
        }
        int status = answer.status();
        // An echoed value can make a body long; what matters (a fault's start, a class name, a trace) is early.
        String body = answer.body().length() > 65_536 ? answer.body().substring(0, 65_536) : answer.body();
        if (status >= 500 && status <= 599 && !isNovasNotImplemented(request, status, body)) {
            found.add(new Violation(SERVER_ERROR, request, answer));
        }
        boolean allowedPage = status == 404 && isNotFoundPage(answer);
        if (status >= 400 && !allowedPage && !(body.isEmpty() && "HEAD".equals(request.method()))) {
            if (HTML_TAG.matcher(body).find() && parse(answer.body()) == null) {
                found.add(new Violation(HTML, request, answer));
            } else {
                JsonNode json = parse(answer.body());
                if (json == null) {
                    found.add(new Violation(NOT_JSON, request, answer));
                } else {
                    if (!isJson(answer.contentType())) {
                        found.add(new Violation(WRONG_TYPE, request, answer));
                    }
                    if (!isFault(json, status)) {
                        found.add(new Violation(NOT_A_FAULT, request, answer));
                    }
                }
            }
        } else if (!allowedPage && HTML_TAG.matcher(body).find() && parse(answer.body()) == null) {
            found.add(new Violation(HTML, request, answer));
        }
        if (CLASS_NAMES.matcher(body).find()) {
            found.add(new Violation(CLASS_NAME, request, answer));
        }
        if (STACK.matcher(body).find()) {
            found.add(new Violation(STACK_TRACE, request, answer));
        }
        if (request.write() && status >= 200 && status < 300 && WRITE_METHODS.contains(request.method())) {
            found.add(new Violation(WRITE_ACCEPTED, request, answer));
        }
        return found;
    }

    private static boolean isNovasNotImplemented(FuzzRequest request, int status, String body) {
        JsonNode json = parse(body);
        return status == 501 && NOVAS_NOT_IMPLEMENTED.matcher(request.route()).matches() && json != null
                && json.path("notImplemented").path("message").asText()
                        .equals("The requested functionality is not supported.");
    }

    private static boolean isNotFoundPage(Answer answer) {
        String type = NOT_FOUND_PAGES.get(answer.body());
        return type != null && answer.contentType() != null
                && answer.contentType().toLowerCase(Locale.ROOT).startsWith(type);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).strip().startsWith("application/json");
    }

    /** {@code {"<name>": {"code": <status>, "message": "<text>"}}}, the one shape of Nova's faults. */
    private static boolean isFault(JsonNode json, int status) {
        if (!json.isObject() || json.size() != 1) {
            return false;
        }
        JsonNode fault = json.elements().next();
        return fault.isObject() && fault.path("code").isInt() && fault.path("code").asInt() == status
                && fault.path("message").isTextual();
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return STRICT.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
