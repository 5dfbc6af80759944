package io.hyperstatus.config;

import java.time.Duration;
import java.util.List;

/** The API server's {@code [dashboard]} options: the web dashboard it serves under {@code /dashboard/}. */
final class DashboardDeclarations {
    static final Option<Boolean> ENABLED = Option.of("dashboard", "enabled", ValueTypes.bool(), "true",
            "whether the API server serves the web dashboard under `/dashboard/` and lets its session cookie stand"
                    + " for a token, see [docs/dashboard.md](docs/dashboard.md)");
    static final Option<Duration> SESSION_LIFETIME = Option.of("dashboard", "session_lifetime",
            ValueTypes.seconds(Duration.ofDays(7), "a session cookie should not outlive a working week"), "28800",
            "seconds a dashboard session lasts at most; with Keystone it also ends when its token expires");

    static final OptionGroup GROUP = new OptionGroup("dashboard", List.of(ENABLED, SESSION_LIFETIME));

    private DashboardDeclarations() {
    }
}
