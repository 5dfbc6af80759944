package io.hyperstatus.agent;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the agent's own heartbeats. When none has been accepted for {@code service_down_time} while the agent
 * runs, the servers are about to call (or already call) its services down, whatever the cause: a wedged loop, a
 * refused credential, servers that answer errors or cannot be reached. That is said once, as an ERROR naming how
 * long it has been and the last failure; the agent keeps trying, and says once (INFO) when a heartbeat is
 * accepted again. The loop reports to it; {@link #check()} runs on a thread of its own, so a loop that is stuck
 * in a call is noticed too. Thread-safe.
 */
final class HeartbeatWatch {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWatch.class);

    private final Duration serviceDownTime;
    private final LongSupplier nanoTime;
    private final Logger log;

    private long lastAcceptedNanos;
    private boolean everAccepted;
    private String lastFailure;
    private long tickStartedNanos;
    private boolean inTick;
    private boolean alarmed;

    HeartbeatWatch(Duration serviceDownTime, LongSupplier nanoTime) {
        this(serviceDownTime, nanoTime, LOG);
    }

    HeartbeatWatch(Duration serviceDownTime, LongSupplier nanoTime, Logger log) {
        if (serviceDownTime.isNegative() || serviceDownTime.isZero()) {
            throw new IllegalArgumentException("service_down_time must be positive, not " + serviceDownTime);
        }
        this.serviceDownTime = serviceDownTime;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.log = Objects.requireNonNull(log, "log");
        // Counted from the start: an agent that never gets a heartbeat through is as silent as one that stopped.
        this.lastAcceptedNanos = nanoTime.getAsLong();
    }

    Duration serviceDownTime() {
        return serviceDownTime;
    }

    /** The loop begins a tick (its heartbeat is in it). */
    synchronized void tickStarted() {
        inTick = true;
        tickStartedNanos = nanoTime.getAsLong();
    }

    /** The loop's tick is over, however it went. */
    synchronized void tickEnded() {
        inTick = false;
    }

    /** The servers accepted a heartbeat. */
    synchronized void accepted() {
        long now = nanoTime.getAsLong();
        if (alarmed) {
            log.info("Heartbeats are accepted again, after {} without one",
                    describe(Duration.ofNanos(now - lastAcceptedNanos)));
        }
        alarmed = false;
        everAccepted = true;
        lastAcceptedNanos = now;
        lastFailure = null;
    }

    /** A tick failed before its heartbeat was accepted, for this reason. */
    synchronized void failed(String reason) {
        lastFailure = Objects.requireNonNull(reason, "reason");
    }

    /** Looks at the time since the last accepted heartbeat; says so once when it reaches service_down_time. */
    synchronized void check() {
        long now = nanoTime.getAsLong();
        Duration silent = Duration.ofNanos(now - lastAcceptedNanos);
        if (alarmed || silent.compareTo(serviceDownTime) < 0) {
            return;
        }
        alarmed = true;
        log.error("No heartbeat accepted by the API servers for {} ({} service_down_time {}): the servers count this"
                        + " agent's services as down. {}. Still trying.",
                describe(silent), everAccepted ? "since the last one, beyond" : "since the agent started, beyond",
                describe(serviceDownTime), cause(now));
    }

    /** Whether the ERROR has been said and no heartbeat has been accepted since. */
    synchronized boolean alarmed() {
        return alarmed;
    }

    /** The last failure; a tick still running names a stuck loop, which has no failure to report. */
    private String cause(long now) {
        if (inTick && now - tickStartedNanos >= serviceDownTime.toNanos()) {
            return "The heartbeat loop has been stuck in one tick for " + describe(Duration.ofNanos(now - tickStartedNanos))
                    + (lastFailure == null ? "" : "; the last failure before: " + lastFailure);
        }
        if (lastFailure != null) {
            return "Last failure: " + lastFailure;
        }
        return inTick ? "A tick is in progress and none has failed" : "No tick has run (the heartbeat loop is not running)";
    }

    /** 75 s reads "75 s"; longer spans in minutes and seconds ("12 min 5 s"). */
    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        long rest = seconds % 60;
        return minutes + " min" + (rest == 0 ? "" : " " + rest + " s");
    }
}
