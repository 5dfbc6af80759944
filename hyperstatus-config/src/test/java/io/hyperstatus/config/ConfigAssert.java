package io.hyperstatus.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;

/** The assertion the configuration tests share: a text the server must refuse to start with. */
final class ConfigAssert {
    private ConfigAssert() {
    }

    /** Asserts that reading {@code iniText} fails as start-up does, with a {@link ConfigException}. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String iniText) {
        return assertThatThrownBy(() -> HyperstatusConfig.parse(iniText)).isInstanceOf(ConfigException.class);
    }
}
