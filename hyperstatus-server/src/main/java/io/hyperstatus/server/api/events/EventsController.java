package io.hyperstatus.server.api.events;

import static io.hyperstatus.server.api.microversion.VersionRange.ALL;
import static io.javalin.http.HandlerType.GET;

import io.hyperstatus.core.ServiceNotFoundException;
import io.hyperstatus.core.events.Availability;
import io.hyperstatus.core.events.EventHistory;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventQuery;
import io.hyperstatus.core.events.LoggedEvent;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.Ids;
import io.hyperstatus.server.api.QueryValues;
import io.hyperstatus.server.api.Resource;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.policy.PolicyRule;
import io.hyperstatus.server.api.validation.RequestSchema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * hyperstatus's own API on the event log ({@code /hyperstatus/v1}): pages of events, one service's history, its
 * availability over a window, and the live stream (see docs/events.md).
 */
public final class EventsController implements Resource {
    private static final RequestSchema INDEX_QUERY = RequestSchema.load("events-index-query");
    private static final RequestSchema SERVICE_QUERY = RequestSchema.load("service-events-query");
    private static final RequestSchema STREAM_QUERY = RequestSchema.load("events-stream-query");
    private static final RequestSchema AVAILABILITY_QUERY = RequestSchema.load("service-availability-query");
    /** The stream's path below the mount. */
    public static final String STREAM_PATH = "/events/stream";
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    /** The parameters a next link carries over as they were given (the cursor is the link's own). */
    private static final List<String> KEPT = List.of("host", "binary", "kind", "actor", "changes-since",
            "changes-before", "limit");

    private final EventHistory history;
    private final EventStreams streams;
    private final int maxLimit;
    private final EventView view = new EventView();

    public EventsController(EventHistory history, EventStreams streams, int maxLimit) {
        this.history = history;
        this.streams = streams;
        this.maxLimit = maxLimit;
    }

    /** {@code GET /events}: every event, filtered. */
    public ApiResponse index(ApiRequest request) {
        Map<String, List<String>> query = request.query(Optional.of(INDEX_QUERY));
        request.authorize(PolicyRule.EVENTS_LIST);
        EventQuery events = filters(query).ofHost(QueryValues.last(query, "host"), QueryValues.last(query, "binary"));
        return page(request, query, events, "/events");
    }

    /** {@code GET /services/{uuid}/events}: one service's events, also once it is deleted. */
    public ApiResponse serviceEvents(ApiRequest request) {
        String uuid = uuid(request);
        Map<String, List<String>> query = request.query(Optional.of(SERVICE_QUERY));
        request.authorize(PolicyRule.EVENTS_LIST);
        EventQuery events = filters(query).ofService(uuid);
        if (history.service(uuid).isEmpty()) {
            throw new ServiceNotFoundException(uuid);
        }
        return page(request, query, events, "/services/" + uuid + "/events");
    }

    /** {@code GET /services/{host}/{binary}/events}: the live service's events, or those of every one so named. */
    public ApiResponse hostServiceEvents(ApiRequest request) {
        String host = request.pathParam("host");
        String binary = request.pathParam("binary");
        Map<String, List<String>> query = request.query(Optional.of(SERVICE_QUERY));
        request.authorize(PolicyRule.EVENTS_LIST);
        EventQuery events = history.ofHostService(filters(query), host, binary);
        return page(request, query, events, "/services/" + encode(host) + "/" + encode(binary) + "/events");
    }

    /** {@code GET /services/{uuid}/availability}: up and disabled shares and down periods over a window. */
    public ApiResponse availability(ApiRequest request) {
        String uuid = uuid(request);
        Map<String, List<String>> query = request.query(Optional.of(AVAILABILITY_QUERY));
        request.authorize(PolicyRule.EVENTS_AVAILABILITY);
        Optional<String> window = QueryValues.last(query, "window");
        Optional<Instant> start = QueryValues.last(query, "start").map(v -> EventParameters.time("start", v));
        Optional<Instant> end = QueryValues.last(query, "end").map(v -> EventParameters.time("end", v));
        if (window.isPresent() && start.isPresent()) {
            throw ApiException.badRequest("Give a window or a start, not both.");
        }
        Duration length = window.map(EventParameters::window).orElse(DEFAULT_WINDOW);
        Instant now = history.now();
        // A window reaching into the future is measured up to now: what will happen is not in the log.
        Instant until = end.filter(e -> e.isBefore(now)).orElse(now);
        Instant from = start.orElseGet(() -> until.minus(length));
        if (!from.isBefore(until)) {
            throw ApiException.badRequest("The window must end after it starts (and start before now).");
        }
        if (Duration.between(from, until).compareTo(EventParameters.MAX_WINDOW) > 0) {
            throw ApiException.badRequest("A window is at most " + EventParameters.MAX_WINDOW.toDays() + " days.");
        }
        Availability availability = history.availability(uuid, from, until);
        return ApiResponse.ok(json -> view.availability(json, availability));
    }

    /** {@code GET /events/stream}: Server-Sent Events, one message per committed event, from a cursor if given. */
    public ApiResponse stream(ApiRequest request) {
        Map<String, List<String>> query = request.query(Optional.of(STREAM_QUERY));
        request.authorize(PolicyRule.EVENTS_STREAM);
        EventQuery filter = EventQuery.newest(maxLimit).ofKinds(kinds(query))
                .ofHost(QueryValues.last(query, "host"), QueryValues.last(query, "binary"));
        // A reconnecting EventSource sends the last id it saw; it wins over the URL's since, which was the start.
        Optional<String> lastEventId = Optional.ofNullable(request.header("Last-Event-ID")).map(String::strip);
        Optional<Long> cursor = lastEventId.isPresent()
                ? Optional.of(lastEventIdCursor(lastEventId.get()))
                : QueryValues.last(query, "since").map(v -> EventParameters.cursor("since", v));
        long newest = history.lastId();
        cursor.ifPresent(c -> requireKnown(c, newest));
        long from = cursor.orElse(newest);
        return ApiResponse.takeover(ctx -> streams.open(ctx, filter, from));
    }

    private static long lastEventIdCursor(String value) {
        if (!value.matches("[0-9]{1,18}")) {
            throw ApiException.badRequest("Invalid Last-Event-ID " + value + ": an event id is expected.");
        }
        return Long.parseLong(value);
    }

    private ApiResponse page(ApiRequest request, Map<String, List<String>> query, EventQuery events, String path) {
        int limit = QueryValues.last(query, "limit").map(this::limit).orElse(maxLimit);
        Optional<Long> since = QueryValues.last(query, "since").map(v -> EventParameters.cursor("since", v));
        Optional<Long> before = QueryValues.last(query, "before").map(v -> EventParameters.cursor("before", v));
        if (since.isPresent() && before.isPresent()) {
            throw ApiException.badRequest("Give since or before, not both.");
        }
        if (since.isPresent() || before.isPresent()) {
            long newest = history.lastId();
            since.ifPresent(c -> requireKnown(c, newest));
        }
        EventQuery sized = events.limit(limit);
        EventQuery paged = since.map(sized::after).or(() -> before.map(sized::before)).orElse(sized);
        List<LoggedEvent> page = history.page(paged);
        Optional<String> next = Optional.empty();
        if (page.size() == limit) {
            String cursorName = paged.oldestFirst() ? "since" : "before";
            next = Optional.of(request.collectionUrl(path) + "?" + cursorName + "="
                    + page.get(page.size() - 1).id() + carried(query));
        }
        Optional<String> nextLink = next;
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("events");
            for (LoggedEvent event : page) {
                view.write(json, event);
            }
            json.writeEndArray();
            if (nextLink.isPresent()) {
                json.writeArrayFieldStart("events_links");
                json.writeStartObject();
                json.writeStringField("rel", "next");
                json.writeStringField("href", nextLink.get());
                json.writeEndObject();
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    /** The filters every listing shares: kinds, actor, times. */
    private EventQuery filters(Map<String, List<String>> query) {
        EventQuery events = EventQuery.newest(maxLimit).ofKinds(kinds(query));
        Optional<String> actor = QueryValues.last(query, "actor");
        if (actor.isPresent()) {
            events = events.byActor(actor.get());
        }
        Optional<Instant> since = QueryValues.last(query, "changes-since")
                .map(v -> EventParameters.time("changes-since", v));
        Optional<Instant> until = QueryValues.last(query, "changes-before")
                .map(v -> EventParameters.time("changes-before", v));
        if (since.isPresent() && until.isPresent() && until.get().isBefore(since.get())) {
            throw ApiException.badRequest("The value of changes-since must be less than or equal to changes-before.");
        }
        return events.between(since, until);
    }

    private static Set<EventKind> kinds(Map<String, List<String>> query) {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        query.getOrDefault("kind", List.of()).forEach(name -> kinds.add(EventKind.ofWireName(name).orElseThrow()));
        return kinds;
    }

    private int limit(String value) {
        long limit = Long.parseLong(value);
        if (limit < 1 || limit > maxLimit) {
            throw EventParameters.invalid("limit", value, "limit must be from 1 to " + maxLimit);
        }
        return (int) limit;
    }

    /** A cursor names an event that was committed: one past the newest is a client's mistake, not a wait. */
    private static void requireKnown(long cursor, long newest) {
        if (cursor > newest) {
            throw ApiException.badRequest("Event " + cursor + " does not exist (the newest is " + newest + ").");
        }
    }

    private static String uuid(ApiRequest request) {
        String uuid = request.pathParam("uuid");
        if (!Ids.isUuidLike(uuid)) {
            throw ApiException.badRequest("Invalid uuid " + uuid);
        }
        return uuid;
    }

    private static String carried(Map<String, List<String>> query) {
        StringBuilder params = new StringBuilder();
        for (String name : KEPT) {
            for (String value : query.getOrDefault(name, List.of())) {
                params.append('&').append(name).append('=').append(encode(value));
            }
        }
        return params.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Literal paths before those with parameters. */
    @Override
    public List<Endpoint> routes() {
        List<Endpoint> routes = new ArrayList<>();
        routes.add(new Endpoint(GET, "/events", ALL, this::index));
        routes.add(new Endpoint(GET, STREAM_PATH, ALL, this::stream));
        routes.add(new Endpoint(GET, "/services/{uuid}/events", ALL, this::serviceEvents));
        routes.add(new Endpoint(GET, "/services/{uuid}/availability", ALL, this::availability));
        routes.add(new Endpoint(GET, "/services/{host}/{binary}/events", ALL, this::hostServiceEvents));
        return List.copyOf(routes);
    }
}
