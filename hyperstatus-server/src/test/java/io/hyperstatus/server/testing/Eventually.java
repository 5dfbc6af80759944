package io.hyperstatus.server.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Looks again and again until what it sees passes, or the time is up: for what a server does just after a call. */
public final class Eventually {
    private Eventually() {
    }

    /** The first look that passes, or the last one when none did within {@code within}; a look every {@code every}. */
    public static <T> T until(Supplier<T> look, Predicate<T> passes, Duration within, Duration every) {
        long deadline = System.nanoTime() + within.toNanos();
        T seen = look.get();
        while (!passes.test(seen) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            seen = look.get();
        }
        return seen;
    }
}
