package io.hyperstatus.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.client.events.Availability;
import io.hyperstatus.client.events.Event;
import io.hyperstatus.client.events.EventFilter;
import io.hyperstatus.client.events.EventJson;
import io.hyperstatus.client.events.EventPage;
import io.hyperstatus.client.tls.ClientTls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * hyperstatus's own API of service history ({@code /hyperstatus/v1}): the event log, a service's events and
 * availability, and the live stream. Same transport as {@link ComputeApiClient}: the token, TLS, bounded
 * timeouts, a Nova fault as {@link ApiCallException} and an unreachable server as
 * {@link ServerUnreachableException}. These routes have no microversion.
 */
public final class EventsApiClient {
    private static final String PREFIX = "/hyperstatus/v1";

    private final HttpTransport transport;

    private EventsApiClient(HttpTransport transport) {
        this.transport = transport;
    }

    /** A client of the API at {@code endpoint} (such as {@code http://controller:8774}), sending {@code token}. */
    public static EventsApiClient create(String endpoint, String token, Duration timeout, ClientTls tls) {
        return new EventsApiClient(new HttpTransport(List.of(endpoint), TokenSource.fixed(token), timeout, tls));
    }

    /**
     * {@code GET /hyperstatus/v1/events}: after the cursor {@code since} oldest first, without one newest first;
     * up to {@code limit} events (following the server's pages), or every one when {@code limit} is null.
     */
    public List<Event> events(EventFilter filter, Long since, Integer limit) {
        return collect(PREFIX + "/events", filter, since, limit);
    }

    /** The events of one service by its uuid (also after it was deleted); as {@link #events}. */
    public List<Event> serviceEvents(String uuid, EventFilter filter, Long since, Integer limit) {
        return collect(PREFIX + "/services/" + encode(uuid) + "/events", filter, since, limit);
    }

    /**
     * The events of the service of this host and binary: the live one's, or when there is none, every event of
     * that host and binary; as {@link #events}.
     */
    public List<Event> serviceEvents(String host, String binary, EventFilter filter, Long since, Integer limit) {
        return collect(PREFIX + "/services/" + encode(host) + "/" + encode(binary) + "/events", filter, since, limit);
    }

    /**
     * The id of the newest event in the log, 0 when it is empty: the cursor from which a stream that begins now can
     * also be resumed before it has delivered anything.
     */
    public long newestEventId() {
        List<Event> newest = events(EventFilter.ALL, null, 1);
        return newest.isEmpty() ? 0 : newest.get(0).id();
    }

    /** One page, from its path (the first one's, or a {@code next} link's). */
    public EventPage page(String path) {
        JsonNode answer = transport.call("GET", path, null, Map.of());
        return new EventPage(EventJson.events(answer.path("events")),
                Links.next(transport.endpoint(), answer.path("events_links")));
    }

    /** {@code GET /hyperstatus/v1/services/{uuid}/availability?window=...}, e.g. {@code 7d}. */
    public Availability availability(String uuid, String window) {
        Objects.requireNonNull(window, "window");
        JsonNode answer = transport.call("GET", PREFIX + "/services/" + encode(uuid) + "/availability?window="
                + encode(window), null, Map.of());
        return EventJson.availability(answer.get("availability"));
    }

    /**
     * The stream of the events the filter's host, binary and kinds select, after event {@code afterId} (null: the
     * events committed from now on). The caller reads it with {@link EventStream#next()} and closes it.
     */
    public EventStream stream(EventFilter filter, Long afterId, EventStream.Listener listener) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        add(query, "host", filter.host());
        add(query, "binary", filter.binary());
        filter.kinds().forEach(kind -> add(query, "kind", kind));
        return new EventStream(transport, PREFIX + "/events/stream" + query, afterId, listener,
                EventStream.FIRST_RETRY, EventStream.MAX_RETRY, EventStream.IDLE_LIMIT);
    }

    private List<Event> collect(String route, EventFilter filter, Long since, Integer limit) {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit " + limit);
        }
        List<Event> result = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        String path = route + query(filter, since, limit);
        while (path != null && visited.add(path) && (limit == null || result.size() < limit)) {
            EventPage page = page(path);
            result.addAll(page.events());
            path = page.events().isEmpty() ? null : page.next();
        }
        return limit != null && result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
    }

    static String query(EventFilter filter, Long since, Integer limit) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        if (since != null) {
            add(query, "since", Long.toString(since));
        }
        add(query, "host", filter.host());
        add(query, "binary", filter.binary());
        filter.kinds().forEach(kind -> add(query, "kind", kind));
        add(query, "actor", filter.actor());
        add(query, "changes-since", filter.changesSince() == null ? null : filter.changesSince().toString());
        add(query, "changes-before", filter.changesBefore() == null ? null : filter.changesBefore().toString());
        if (limit != null) {
            add(query, "limit", Integer.toString(limit));
        }
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + encode(value));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
