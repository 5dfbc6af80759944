package io.hyperstatus.config;

import java.time.Duration;

/** The {@code [dashboard]} options (see {@link DashboardDeclarations}). */
public record DashboardOptions(boolean enabled, Duration sessionLifetime) {
    public DashboardOptions {
        if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            throw new IllegalArgumentException("sessionLifetime must be positive: " + sessionLifetime);
        }
    }

    static DashboardOptions from(IniOptions ini) {
        return new DashboardOptions(ini.value(DashboardDeclarations.ENABLED),
                ini.value(DashboardDeclarations.SESSION_LIFETIME));
    }
}
