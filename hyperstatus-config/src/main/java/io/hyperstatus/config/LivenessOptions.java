package io.hyperstatus.config;

/** The {@code [liveness]} and {@code [history]} options (see {@link LivenessDeclarations}). */
public record LivenessOptions(double massDownThreshold, int retentionDays) {
    public LivenessOptions {
        if (!(massDownThreshold > 0 && massDownThreshold <= 1)) {
            throw new IllegalArgumentException("massDownThreshold must be in (0, 1]: " + massDownThreshold);
        }
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be at least 1: " + retentionDays);
        }
    }

    static LivenessOptions from(IniOptions ini) {
        return new LivenessOptions(ini.value(LivenessDeclarations.MASS_DOWN_THRESHOLD),
                ini.value(LivenessDeclarations.RETENTION_DAYS));
    }
}
