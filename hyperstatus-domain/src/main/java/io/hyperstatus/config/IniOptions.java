package io.hyperstatus.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.configuration2.INIConfiguration;
import org.apache.commons.configuration2.SubnodeConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * Typed, validated reads of options from a nova.conf-style INI file. Every failure names the option as
 * {@code [section] name} so an operator can find it.
 */
final class IniOptions {
    private final INIConfiguration ini;

    private IniOptions(INIConfiguration ini) {
        this.ini = ini;
    }

    static IniOptions read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    static IniOptions parse(String text) {
        return read(new StringReader(text), "<text>");
    }

    private static IniOptions read(Reader reader, String source) {
        INIConfiguration ini = new INIConfiguration();
        try {
            ini.read(reader);
        } catch (ConfigurationException | IOException e) {
            throw new ConfigException("Cannot parse configuration " + source + ": " + e.getMessage(), e);
        }
        return new IniOptions(ini);
    }

    static IniOptions empty() {
        return new IniOptions(new INIConfiguration());
    }

    Optional<String> string(String section, String name) {
        SubnodeConfiguration node = ini.getSection(section);
        String value = node.getString(escape(name), null);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    String string(String section, String name, String defaultValue) {
        return string(section, name).orElse(defaultValue);
    }

    int integer(String section, String name, int defaultValue, int min, int max) {
        Optional<String> raw = string(section, name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw invalid(section, name, raw.get(), "not an integer");
        }
        if (value < min || value > max) {
            throw invalid(section, name, raw.get(), "must be between " + min + " and " + max);
        }
        return value;
    }

    /** A positive number of seconds; decimals allowed (0.5), as short intervals help tests and simulations. */
    Duration seconds(String section, String name, double defaultSeconds) {
        Optional<String> raw = string(section, name);
        double value = defaultSeconds;
        if (raw.isPresent()) {
            try {
                value = Double.parseDouble(raw.get());
            } catch (NumberFormatException e) {
                throw invalid(section, name, raw.get(), "not a number of seconds");
            }
            if (!(value > 0) || value > 31_536_000) {
                throw invalid(section, name, raw.get(), "must be a positive number of seconds");
            }
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }

    String choice(String section, String name, String defaultValue, List<String> allowed) {
        String value = string(section, name, defaultValue);
        if (!allowed.contains(value)) {
            throw invalid(section, name, value, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    List<String> list(String section, String name, List<String> defaultValue) {
        Optional<String> raw = string(section, name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return Arrays.stream(raw.get().split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    static ConfigException invalid(String section, String name, String value, String why) {
        return new ConfigException("Invalid value for option [" + section + "] " + name + ": '" + value + "' " + why);
    }

    // commons-configuration reads dots in keys as hierarchy; option names never contain them, but be safe.
    private static String escape(String name) {
        return name.replace(".", "..");
    }
}
