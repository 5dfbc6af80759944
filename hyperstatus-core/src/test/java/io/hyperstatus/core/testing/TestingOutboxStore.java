package io.hyperstatus.core.testing;

import io.hyperstatus.core.port.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** The publisher's lease and place in memory, on a clock the test advances. */
public final class TestingOutboxStore implements OutboxStore {
    private final Supplier<Instant> clock;
    private String holder = "";
    private Instant expiresAt = Instant.EPOCH;
    private OptionalLong place = OptionalLong.empty();

    public TestingOutboxStore(Supplier<Instant> clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Claim acquire(String who, Duration length) {
        Instant now = clock.get();
        boolean held = who.equals(holder) || expiresAt.isBefore(now);
        if (held) {
            holder = who;
            expiresAt = now.plus(length);
        }
        return new Claim(held, place, now);
    }

    @Override
    public synchronized void release(String who) {
        if (who.equals(holder)) {
            holder = "";
            expiresAt = Instant.EPOCH;
        }
    }

    @Override
    public synchronized OptionalLong begin(String who, long at) {
        if (who.equals(holder) && place.isEmpty()) {
            place = OptionalLong.of(at);
        }
        return place;
    }

    @Override
    public synchronized boolean advance(String who, long through, Duration length) {
        if (!who.equals(holder) || expiresAt.isBefore(clock.get())
                || (place.isPresent() && place.getAsLong() >= through)) {
            return false;
        }
        place = OptionalLong.of(through);
        expiresAt = clock.get().plus(length);
        return true;
    }

    @Override
    public synchronized OptionalLong publishedThrough() {
        return place;
    }
}
