package io.hyperstatus.cli;

import io.hyperstatus.client.ApiCallException;
import io.hyperstatus.client.ComputeApiClient;
import io.hyperstatus.client.EventsApiClient;
import io.hyperstatus.client.compute.Service;
import io.hyperstatus.client.events.Availability;
import io.hyperstatus.client.events.Event;
import io.hyperstatus.client.events.EventFilter;
import io.hyperstatus.protocol.Microversion;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code hyperstatus service history HOST [BINARY]}: what happened to a service, oldest first, from the event
 * log ({@code GET /hyperstatus/v1/services/{host}/{binary}/events}), and under the table how available it was
 * over the last week ({@code GET .../availability?window=7d}).
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "A service's changes, oldest first (time, kind, from -> to, reason, actor), and its"
                + " availability over the last 7 days.")
final class ServiceHistoryCommand extends PrintingCommand {
    static final String WINDOW = "7d";
    static final String WINDOW_TEXT = "7 days";

    @Parameters(index = "0", paramLabel = "HOST", description = "The service's host.")
    String host;
    @Parameters(index = "1", arity = "0..1", paramLabel = "BINARY", description = "The service's binary (default: nova-compute).")
    String binary = ComputeApiClient.computeBinary();
    @Option(names = "--since", paramLabel = "TIME",
            description = "Only changes from this time: 2026-12-01T15:00:00Z, 2026-12-01, or back from now: 30m, 24h, 7d.")
    String since;
    @Option(names = "--kind", paramLabel = "KIND", split = ",",
            description = "Only changes of this kind (repeat, or separate with commas): created, deleted, enabled,"
                    + " disabled, reason_changed, forced_down, forced_up, unchanged, went_down, came_up.")
    List<String> kinds = new ArrayList<>();

    @Override
    void execute() {
        EventFilter filter = EventFilter.ALL.withKinds(kinds);
        if (since != null) {
            try {
                filter = filter.withChangesSince(TimeArgument.parse(since, Clock.systemUTC()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--since: " + e.getMessage());
            }
        }
        EventsApiClient events = connection.events();
        // From the cursor 0: oldest first, every page.
        List<Event> history = events.serviceEvents(host, binary, filter, 0L, null);
        String uuid = serviceUuid(history);
        Availability availability = uuid == null ? null : events.availability(uuid, WINDOW);
        output.print(EventRows.history(history));
        if (output.format == OutputFormat.table) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(availability == null ? "no such service now, so no availability over the last " + WINDOW_TEXT
                    : EventRows.summary(availability, WINDOW_TEXT));
            out.flush();
        }
    }

    /**
     * The uuid of the live service of this host and binary, which the availability is asked of: from the compute
     * API (its id from 2.53), else the newest event's (a deleted service's history), else none.
     */
    private String serviceUuid(List<Event> history) {
        try {
            ComputeApiClient compute = connection.client();
            if (!compute.microversion().atLeast(Microversion.UUIDS)) {
                compute = compute.atVersion(Microversion.UUIDS);
            }
            List<Service> services = compute.services(host, binary);
            if (services.size() == 1) {
                return services.get(0).id();
            }
        } catch (ApiCallException e) {
            if (e.status() != 403 && e.status() != 404) {
                throw e;
            }
            // Listing services may be refused while the history is not; the events still name the service.
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).service() != null) {
                return history.get(i).service().uuid();
            }
        }
        return null;
    }
}
