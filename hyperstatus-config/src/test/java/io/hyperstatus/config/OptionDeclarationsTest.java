package io.hyperstatus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every declared option must do, checked over the whole catalogue so that an option added later is covered
 * without a line of test: be declared once, have a default or say why not, be read, and be refused by name.
 */
class OptionDeclarationsTest {
    /**
     * A configuration that reads every option: with Keystone and TLS, intervals that leave room to change both, and
     * threads that leave room for any number of concurrent requests.
     */
    private static final Map<Option<?>, String> BASE = Map.ofEntries(
            Map.entry(HttpDeclarations.MAX_THREADS, "10000"),
            Map.entry(HttpDeclarations.MAX_CONCURRENT_REQUESTS, "1"),
            // Room for every value of the others: streams and requests together fit in the connections.
            Map.entry(HttpDeclarations.MAX_CONNECTIONS, "1000000"),
            Map.entry(ServerDeclarations.MAX_EVENT_SUBSCRIBERS, "1"),
            Map.entry(ServerDeclarations.AUTH_STRATEGY, "keystone"),
            Map.entry(ServerDeclarations.REPORT_INTERVAL, "0.5"),
            Map.entry(ServerDeclarations.SERVICE_DOWN_TIME, "30"),
            Map.entry(KeystoneDeclarations.AUTH_URL, "http://keystone.example.org:5000/v3"),
            Map.entry(KeystoneDeclarations.USERNAME, "hyperstatus"),
            Map.entry(KeystoneDeclarations.PASSWORD, "s3cret"),
            Map.entry(KeystoneDeclarations.PROJECT_NAME, "service"),
            // TLS on, so that the options that need the certificate (the key, the client CA) are read too.
            Map.entry(SslDeclarations.CERT_FILE, "/etc/hyperstatus/api.pem"),
            Map.entry(SslDeclarations.KEY_FILE, "/etc/hyperstatus/api-key.pem"),
            Map.entry(AgentDeclarations.CERTFILE, "/etc/hyperstatus/agent.pem"));

    @Test
    void everyOptionIsDeclaredOnce() {
        Map<String, Long> declarations = OptionCatalogue.options().stream()
                .collect(Collectors.groupingBy(Option::toString, Collectors.counting()));
        assertThat(declarations).allSatisfy((option, count) -> assertThat(count).as(option).isEqualTo(1));
    }

    @Test
    void everyOptionHasAValidDefaultOrSaysWhatItIsWithout() {
        for (Option<?> option : OptionCatalogue.options()) {
            assertThat(option.help()).as(option + " help").isNotBlank();
            if (option.defaultValue() instanceof OptionDefault.Literal) {
                assertThat(option.literalDefault()).as(option + " default").isPresent();
            } else {
                assertThat(option.defaultValue().text()).as(option + " default").isNotBlank();
            }
        }
    }

    @Test
    void everyOptionIsRead() {
        HyperstatusConfig base = HyperstatusConfig.parse(ini(BASE));
        for (Option<?> option : OptionCatalogue.options()) {
            boolean changed = false;
            for (String value : validValues(option.type())) {
                Map<Option<?>, String> settings = new LinkedHashMap<>(BASE);
                settings.put(option, value);
                changed |= !HyperstatusConfig.parse(ini(settings)).equals(base);
            }
            assertThat(changed).as(option + " set to any of " + validValues(option.type())
                    + " changes nothing: it is declared but not read").isTrue();
        }
    }

    @Test
    void aRefusedValueOfAnyOptionStopsStartUpNamingTheOption() {
        for (Option<?> option : OptionCatalogue.options()) {
            for (String value : refusedValues(option.type())) {
                Map<Option<?>, String> settings = new LinkedHashMap<>(BASE);
                settings.put(option, value);
                assertThatThrownBy(() -> HyperstatusConfig.parse(ini(settings)))
                        .as(option + " = " + value)
                        .isInstanceOf(ConfigException.class)
                        .hasMessageStartingWith("Invalid value for option " + option + ": ");
            }
        }
    }

    @Test
    void anUnsetRequiredOptionStopsStartUpNamingIt() {
        for (Option<?> option : OptionCatalogue.options()) {
            if (option.defaultValue() instanceof OptionDefault.Required) {
                Map<Option<?>, String> settings = new LinkedHashMap<>(BASE);
                settings.remove(option);
                assertThatThrownBy(() -> HyperstatusConfig.parse(ini(settings)))
                        .as(option.toString())
                        .hasMessageStartingWith("Missing value for option " + option);
            }
        }
    }

    /** Values each type accepts, at least one differing from any default. */
    private static List<String> validValues(ValueType<?> type) {
        if (type instanceof ValueTypes.Text) {
            return List.of("changed-by-test");
        } else if (type instanceof ValueTypes.UrlPrefix || type instanceof ValueTypes.HttpUrl) {
            return List.of("https://changed.example.org:5000");
        } else if (type instanceof ValueTypes.FilePath) {
            return List.of("/srv/changed-by-test");
        } else if (type instanceof ValueTypes.Int range) {
            return List.of(Integer.toString(range.min()), Integer.toString(range.max()));
        } else if (type instanceof ValueTypes.Seconds) {
            return List.of("1.5", "2");
        } else if (type instanceof ValueTypes.Fraction) {
            return List.of("0.01", "1");
        } else if (type instanceof ValueTypes.Bool) {
            return List.of("true", "False", "yes", "off", "1");
        } else if (type instanceof ValueTypes.Topic) {
            return List.of("changed_by-test.topic");
        } else if (type instanceof ValueTypes.TransportUrlType) {
            return List.of("rabbit://user:p%40ss@rabbit-1:5673,rabbit-2/changed", "rabbit://[::1]:5672/");
        } else if (type instanceof ValueTypes.Choice choice) {
            return choice.allowed();
        } else if (type instanceof ValueTypes.ListOf<?> list) {
            Stream<String> empty = list.whenEmpty().isPresent() ? Stream.empty() : Stream.of("");
            return Stream.concat(validValues(list.item()).stream(), empty).toList();
        }
        return fail("no test values for " + type + ": add some here");
    }

    private static List<String> refusedValues(ValueType<?> type) {
        if (type instanceof ValueTypes.Int || type instanceof ValueTypes.Seconds) {
            return List.of("many", "-1");
        } else if (type instanceof ValueTypes.Choice) {
            return List.of("bogus");
        } else if (type instanceof ValueTypes.Bool) {
            return List.of("maybe", "");
        } else if (type instanceof ValueTypes.Topic) {
            return List.of("two words", "slash/topic");
        } else if (type instanceof ValueTypes.TransportUrlType) {
            return List.of("amqp://rabbit:5672/", "rabbit://rabbit:99999/", "rabbit://rabbit:5672/vhost?ssl=1",
                    "rabbit://:5672/", "rabbit://[::1/");
        } else if (type instanceof ValueTypes.Fraction) {
            return List.of("half", "0", "-0.5", "1.01", "NaN");
        } else if (type instanceof ValueTypes.HttpUrl) {
            return List.of("ftp://changed.example.org");
        } else if (type instanceof ValueTypes.ListOf<?> list) {
            return Stream.concat(refusedValues(list.item()).stream(),
                    list.whenEmpty().isPresent() ? Stream.of(" , ") : Stream.empty()).toList();
        }
        return List.of(); // any text is a string, a path or a URL prefix
    }

    private static String ini(Map<Option<?>, String> settings) {
        StringBuilder ini = new StringBuilder();
        settings.entrySet().stream()
                .collect(Collectors.groupingBy(e -> e.getKey().section(), LinkedHashMap::new, Collectors.toList()))
                .forEach((section, options) -> {
                    ini.append('[').append(section).append("]\n");
                    options.forEach(e -> ini.append(e.getKey().name()).append(" = ").append(e.getValue()).append('\n'));
                });
        return ini.toString();
    }
}
