package io.hyperstatus.config;

import java.util.Objects;

/** The {@code [metrics]} options (see {@link MetricsDeclarations}). */
public record MetricsOptions(boolean enabled, String host, int port, int agentPort, boolean perService) {
    public MetricsOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535 || agentPort < 0 || agentPort > 65535) {
            throw new IllegalArgumentException("ports must be in 0..65535: " + port + ", " + agentPort);
        }
    }

    /** The option the server's port is set by, for messages. */
    public static String portOption() {
        return MetricsDeclarations.PORT.toString();
    }

    /** The option the agent's port is set by, for messages. */
    public static String agentPortOption() {
        return MetricsDeclarations.AGENT_PORT.toString();
    }

    static MetricsOptions from(IniOptions ini) {
        return new MetricsOptions(ini.value(MetricsDeclarations.ENABLED), ini.value(MetricsDeclarations.HOST),
                ini.value(MetricsDeclarations.PORT), ini.value(MetricsDeclarations.AGENT_PORT),
                ini.value(MetricsDeclarations.PER_SERVICE));
    }
}
