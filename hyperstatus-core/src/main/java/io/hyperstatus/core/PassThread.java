package io.hyperstatus.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon thread that runs a pass every {@code interval}, and at once when woken: many wakes before a pass make
 * one pass. The pass must catch what it throws (a pass that throws is not run again).
 */
public final class PassThread implements AutoCloseable {
    private final Runnable pass;
    private final Duration interval;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean wakePending = new AtomicBoolean();

    public PassThread(String name, Duration interval, Runnable pass) {
        Objects.requireNonNull(name, "name");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.pass = Objects.requireNonNull(pass, "pass");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a positive interval: " + interval);
        }
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the first pass now, then one every interval after the last ended. */
    public void start() {
        var unused = thread.scheduleWithFixedDelay(pass, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs a pass as soon as the thread is free; nothing once closed. */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    wakePending.set(false);
                    pass.run();
                });
            } catch (RejectedExecutionException stopped) {
                wakePending.set(false);
            }
        }
    }

    /** Stops the thread, interrupting a pass under way, and waits up to 5 s for it to end. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
