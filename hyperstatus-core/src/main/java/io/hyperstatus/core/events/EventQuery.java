package io.hyperstatus.core.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which events to read, and in which order: oldest first after a cursor ({@code after}, exclusive), else newest
 * first (before {@code before}, exclusive, when given). Every filter that is present must match: a service by uuid,
 * or by host and/or binary (exact); any of {@code kinds} (all when empty); the actor; {@code time} within
 * [changesSince, changesBefore].
 */
public record EventQuery(Optional<Long> after, Optional<Long> before, Optional<String> serviceUuid,
                         Optional<String> host, Optional<String> binary, Set<EventKind> kinds,
                         Optional<ActorFilter> actor, Optional<Instant> changesSince,
                         Optional<Instant> changesBefore, int limit) {

    /**
     * An actor as a filter names: every event of a kind of actor ({@code liveness}, {@code agent} or {@code user}),
     * or the events caused by one user id (an operator's or an agent credential's).
     */
    public sealed interface ActorFilter {
        /** What the stored actor's kind or user id is compared with. */
        String value();

        record OfKind(Actor.Kind kind) implements ActorFilter {
            public OfKind {
                Objects.requireNonNull(kind, "kind");
            }

            @Override
            public String value() {
                return kind.wireName();
            }
        }

        record OfUser(String userId) implements ActorFilter {
            public OfUser {
                Objects.requireNonNull(userId, "userId");
            }

            @Override
            public String value() {
                return userId;
            }
        }

        /** A kind's wire name reads as that kind; anything else as a user id. */
        static ActorFilter parse(String value) {
            for (Actor.Kind kind : Actor.Kind.values()) {
                if (kind.wireName().equals(value)) {
                    return new OfKind(kind);
                }
            }
            return new OfUser(value);
        }
    }

    public EventQuery {
        // An absent filter is Optional.empty(), never null: List.of refuses a null element.
        List.of(after, before, serviceUuid, host, binary, actor, changesSince, changesBefore);
        kinds = Set.copyOf(kinds);
        if (after.isPresent() && before.isPresent()) {
            throw new IllegalArgumentException("a page reads after a cursor or before one, not both");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /** Every event, newest first, {@code limit} at a time; narrow it with the methods below. */
    public static EventQuery newest(int limit) {
        return new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public boolean oldestFirst() {
        return after.isPresent();
    }

    public EventQuery after(long cursor) {
        return new EventQuery(Optional.of(cursor), Optional.empty(), serviceUuid, host, binary, kinds, actor,
                changesSince, changesBefore, limit);
    }

    public EventQuery before(long cursor) {
        return new EventQuery(Optional.empty(), Optional.of(cursor), serviceUuid, host, binary, kinds, actor,
                changesSince, changesBefore, limit);
    }

    public EventQuery ofService(String uuid) {
        return new EventQuery(after, before, Optional.of(uuid), host, binary, kinds, actor, changesSince,
                changesBefore, limit);
    }

    public EventQuery ofHost(Optional<String> newHost, Optional<String> newBinary) {
        return new EventQuery(after, before, serviceUuid, newHost, newBinary, kinds, actor, changesSince,
                changesBefore, limit);
    }

    public EventQuery ofKinds(Set<EventKind> newKinds) {
        return new EventQuery(after, before, serviceUuid, host, binary, newKinds, actor, changesSince,
                changesBefore, limit);
    }

    public EventQuery byActor(String value) {
        return new EventQuery(after, before, serviceUuid, host, binary, kinds, Optional.of(ActorFilter.parse(value)),
                changesSince, changesBefore, limit);
    }

    public EventQuery between(Optional<Instant> since, Optional<Instant> until) {
        return new EventQuery(after, before, serviceUuid, host, binary, kinds, actor, since, until, limit);
    }

    /**
     * Whether an event passes this query's filters (not its cursors or limit), as the store would select it: what a
     * follower of the log applies to each new event for one subscriber.
     */
    public boolean matches(LoggedEvent event) {
        EventRecord record = event.record();
        EventSubject subject = record.subject();
        if (!kinds.isEmpty() && !kinds.contains(record.kind())) {
            return false;
        }
        if ((serviceUuid.isPresent() || host.isPresent() || binary.isPresent()) && subject == null) {
            return false;
        }
        if (subject != null && (differs(serviceUuid, subject.serviceUuid()) || differs(host, subject.host())
                || differs(binary, subject.binary()))) {
            return false;
        }
        if (actor.isPresent()) {
            ActorFilter wanted = actor.get();
            boolean same = wanted instanceof ActorFilter.OfKind ofKind ? ofKind.kind() == record.actor().kind()
                    : wanted.value().equals(record.actor().userId());
            if (!same) {
                return false;
            }
        }
        return changesSince.map(since -> !event.time().isBefore(since)).orElse(true)
                && changesBefore.map(until -> !event.time().isAfter(until)).orElse(true);
    }

    private static boolean differs(Optional<String> wanted, String value) {
        return wanted.isPresent() && !wanted.get().equals(value);
    }

    public EventQuery limit(int newLimit) {
        return new EventQuery(after, before, serviceUuid, host, binary, kinds, actor, changesSince, changesBefore,
                newLimit);
    }
}
