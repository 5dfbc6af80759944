package io.hyperstatus.server.api.auth;

import io.hyperstatus.config.ConfigException;
import io.hyperstatus.config.PrivateFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text format of the server's agent identity files: one agent a line, its fields separated by white space,
 * first the fields that identify the agent, then the host names or patterns it may speak for (also separable by
 * commas). {@code #} starts a comment line. Any line that does not fit stops start-up, naming the option and the
 * line (never a secret).
 */
final class AgentIdentityFile {
    private static final Pattern HOST_PATTERN = Pattern.compile("[A-Za-z0-9*][A-Za-z0-9._*-]*");

    /** One line: its number, the identifying fields, the hosts. */
    record Line(int number, List<String> fields, List<String> hosts) {
    }

    private AgentIdentityFile() {
    }

    /** The lines of {@code file}, each with {@code fields} identifying fields and at least one host. */
    static List<Line> read(Path file, String option, int fields) {
        String text = PrivateFiles.read(file, option);
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("[\\s,]+");
            if (words.length <= fields) {
                throw invalid(option, file, i + 1, "it names no host");
            }
            List<String> hosts = Arrays.asList(words).subList(fields, words.length);
            for (String host : hosts) {
                if (!HOST_PATTERN.matcher(host).matches()) {
                    throw invalid(option, file, i + 1, "'" + host + "' is not a host name or pattern");
                }
            }
            lines.add(new Line(i + 1, List.of(words).subList(0, fields), List.copyOf(hosts)));
        }
        return lines;
    }

    static ConfigException invalid(String option, Path file, int line, String why) {
        return new ConfigException("Invalid value for option " + option + ": '" + file + "' line " + line + ": " + why);
    }
}
