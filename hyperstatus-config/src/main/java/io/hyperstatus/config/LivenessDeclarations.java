package io.hyperstatus.config;

import java.util.List;

/** The server's liveness detector and the event log's retention: {@code [liveness]} and {@code [history]}. */
final class LivenessDeclarations {
    static final Option<Double> MASS_DOWN_THRESHOLD = Option.of("liveness", "mass_down_threshold",
            ValueTypes.fraction(), "0.55", "share of a zone's services (zones of 3 or more) that going down within"
                    + " one `service_down_time` records one `zone_disrupted` event, see"
                    + " [docs/liveness-detector.md](docs/liveness-detector.md)");
    static final Option<Integer> RETENTION_DAYS = Option.of("history", "retention_days",
            ValueTypes.integer(1, 36_500), "90", "days events are kept; older ones are pruned in small batches");

    static final OptionGroup GROUP = new OptionGroup("liveness", List.of(MASS_DOWN_THRESHOLD, RETENTION_DAYS));

    private LivenessDeclarations() {
    }
}
