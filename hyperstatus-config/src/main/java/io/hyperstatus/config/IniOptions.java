package io.hyperstatus.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.configuration2.INIConfiguration;
import org.apache.commons.configuration2.SubnodeConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * A nova.conf-style INI file, read option by option through the options' declarations, which check the values
 * and name the option of a refused one as {@code [section] name}.
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

    /** The option as set in the file, or its fixed default. */
    <T> T value(Option<T> option) {
        return find(option).orElseGet(() -> option.literalDefault().orElseThrow(() -> new IllegalStateException(
                option + " has no fixed default: read it with find() and work the default out")));
    }

    /** The option as set in the file, if it is (a blank value counts as unset where the option says so). */
    <T> Optional<T> find(Option<T> option) {
        return text(option.section(), option.name())
                .filter(text -> !(option.blankIsUnset() && text.isEmpty()))
                .map(option::parse);
    }

    private Optional<String> text(String section, String name) {
        SubnodeConfiguration node = ini.getSection(section);
        String value = node.getString(escape(name), null);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    // commons-configuration reads dots in keys as hierarchy; option names never contain them, but be safe.
    private static String escape(String name) {
        return name.replace(".", "..");
    }
}
