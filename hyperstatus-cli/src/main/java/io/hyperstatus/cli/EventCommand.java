package io.hyperstatus.cli;

import io.hyperstatus.client.ApiCallException;
import io.hyperstatus.client.EventStream;
import io.hyperstatus.client.EventsApiClient;
import io.hyperstatus.client.events.EventFilter;
import io.hyperstatus.client.events.StreamedEvent;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code hyperstatus event ...}: the servers' event log, listed or followed as it grows. */
@Command(name = "event", mixinStandardHelpOptions = true,
        description = "List the event log of service changes, or follow it live.",
        subcommands = {EventCommand.ListEvents.class, EventCommand.Watch.class})
public final class EventCommand extends CommandGroup {

    /** The filters the list and the stream share. */
    static final class StreamFilters {
        @Option(names = "--host", paramLabel = "HOST", description = "Only events of this host's services.")
        String host;
        @Option(names = "--binary", paramLabel = "BINARY", description = "Only events of services of this binary.")
        String binary;
        @Option(names = "--kind", paramLabel = "KIND", split = ",",
                description = "Only events of this kind (repeat, or separate with commas): created, deleted, enabled,"
                        + " disabled, reason_changed, forced_down, forced_up, unchanged, went_down, came_up, zone_disrupted.")
        List<String> kinds = new ArrayList<>();
        @Option(names = "--since-id", paramLabel = "ID", description = "Only events after this id (a cursor).")
        Long sinceId;

        void check(CommandSpec spec) {
            if (sinceId != null && sinceId < 0) {
                throw new ParameterException(spec.commandLine(), "--since-id must be 0 or more");
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List events: newest first, or oldest first after --since-id (every page unless --limit).")
    static final class ListEvents extends PrintingCommand {
        @Mixin
        StreamFilters filters;
        @Option(names = "--actor", paramLabel = "ACTOR",
                description = "Only changes made by: user, agent, liveness (the servers' detector), or a user id.")
        String actor;
        @Option(names = "--changes-since", paramLabel = "TIME",
                description = "Only events at or after this time (ISO 8601, a date, or back from now: 30m, 24h, 7d).")
        String changesSince;
        @Option(names = "--changes-before", paramLabel = "TIME", description = "Only events before this time.")
        String changesBefore;
        @Option(names = "--limit", paramLabel = "N", description = "At most N events.")
        Integer limit;

        @Override
        void execute() {
            filters.check(spec);
            if (limit != null && limit < 1) {
                throw new ParameterException(spec.commandLine(), "--limit must be 1 or more");
            }
            EventFilter filter;
            try {
                filter = new EventFilter(filters.host, filters.binary, filters.kinds, actor,
                        time("--changes-since", changesSince), time("--changes-before", changesBefore));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            EventsApiClient events = connection.events();
            output.print(EventRows.list(events.events(filter, filters.sinceId, limit)));
        }

        private Instant time(String option, String text) {
            if (text == null) {
                return null;
            }
            try {
                return TimeArgument.parse(text, Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
            }
        }
    }

    /** What {@code event watch} prints per event. */
    enum WatchFormat {
        text, json
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = "Follow the events as they are committed, one line each, until Ctrl-C; a dropped"
                    + " connection is resumed where it stopped.")
    static final class Watch extends ApiCommand {
        /** How long Ctrl-C waits for the line being printed before the process ends. */
        private static final Duration STOP_WAIT = Duration.ofSeconds(2);

        @Mixin
        StreamFilters filters;
        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
                description = "text: one line a person reads; json: each event's JSON as the server sent it, one a"
                        + " line (default: ${DEFAULT-VALUE}).")
        WatchFormat format;

        @Override
        void execute() {
            filters.check(spec);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            EventsApiClient events = connection.events();
            EventStream stream = events.stream(
                    new EventFilter(filters.host, filters.binary, filters.kinds, null, null, null),
                    filters.sinceId != null ? filters.sinceId : startingPoint(events), new Notices(err));
            Object printing = new Object();
            CountDownLatch finished = new CountDownLatch(1);
            AtomicBoolean stopping = new AtomicBoolean();
            // Ctrl-C (or a TERM) is how a watch ends: the stream is closed, the line being printed finishes, and the
            // process ends with 0, not the signal's status; a halt, since the JVM is already shutting down.
            Thread stop = new Thread(() -> {
                stopping.set(true);
                stream.close();
                try {
                    finished.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (printing) {
                    out.flush();
                    err.flush();
                }
                Runtime.getRuntime().halt(0);
            }, "hyperstatus-event-watch-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                for (StreamedEvent e = stream.next(); e != null; e = stream.next()) {
                    synchronized (printing) {
                        out.println(format == WatchFormat.json ? e.json() : EventRows.line(e.event()));
                        out.flush();
                    }
                }
            } catch (RuntimeException e) {
                if (!stopping.get()) {
                    throw e;
                }
                // Stopped in the middle of a read: what the read threw is the stop's doing, not a failure.
            } finally {
                stream.close();
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running: it ends the process.
                }
            }
        }
    }

    /**
     * Where a watch without {@code --since-id} starts: after the newest event, so that a connection dropped before
     * the first event is printed resumes from there too. Without the right to list, from whatever the stream
     * sends first (a drop before the first event may then miss what was committed while it lasted).
     */
    private static Long startingPoint(EventsApiClient events) {
        try {
            return events.newestEventId();
        } catch (ApiCallException e) {
            if (e.status() == 403) {
                return null;
            }
            throw e;
        }
    }

    /** The stream's connection troubles on stderr: once when it is lost, once when it is resumed. */
    private static final class Notices implements EventStream.Listener {
        private final PrintWriter err;
        private boolean lost;

        Notices(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void dropped(String reason, Duration retryIn) {
            if (!lost) {
                err.println("hyperstatus: lost the event stream (" + reason + "); reconnecting");
                err.flush();
            }
            lost = true;
        }

        @Override
        public void connected(Long afterId) {
            if (lost) {
                err.println("hyperstatus: event stream resumed" + (afterId == null ? "" : " after event " + afterId));
                err.flush();
            }
            lost = false;
        }
    }
}
