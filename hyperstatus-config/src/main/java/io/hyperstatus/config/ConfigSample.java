package io.hyperstatus.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options' declarations, printed: a commented nova.conf-style sample file, as oslo-config-generator writes
 * one for Nova, and the README's table of options.
 */
public final class ConfigSample {
    private static final int WIDTH = 78;
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]+)\\]\\([^)]+\\)");

    private ConfigSample() {
    }

    /** Every option, commented out, under its {@code [section]}: its help, type, range and default. */
    public static String ini() {
        StringBuilder out = new StringBuilder();
        out.append("# A sample hyperstatus configuration file: every option, at its default.\n");
        out.append("# Printed by `hyperstatus config sample` from the options' declarations.\n");
        for (Map.Entry<String, List<Option<?>>> section : OptionCatalogue.bySection().entrySet()) {
            out.append("\n[").append(section.getKey()).append("]\n");
            String role = null;
            for (Option<?> option : section.getValue()) {
                String optionRole = OptionCatalogue.roleOf(option);
                if (!optionRole.equals(role)) {
                    role = optionRole;
                    out.append("\n#\n# From hyperstatus.").append(role).append("\n#\n");
                }
                out.append('\n');
                appendOption(out, option);
            }
        }
        return out.toString();
    }

    private static void appendOption(StringBuilder out, Option<?> option) {
        for (String line : wrap(sentence(plain(option.help())), WIDTH - 2)) {
            out.append("# ").append(line).append('\n');
        }
        out.append("# Type: ").append(typeOf(option)).append('\n');
        out.append("# Default: ").append(plain(option.defaultValue().text())).append('\n');
        out.append('#').append(option.name()).append(" =");
        if (option.defaultValue() instanceof OptionDefault.Literal literal && !literal.text().isEmpty()) {
            out.append(' ').append(literal.text());
        }
        out.append('\n');
    }

    /** The README's table: one row per option, the roles in the catalogue's order. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder();
        row(out, "Section", "Option", "Type", "Default", "Meaning");
        row(out, "---", "---", "---", "---", "---");
        String previous = null;
        for (OptionGroup group : OptionCatalogue.groups()) {
            for (Option<?> option : group.options()) {
                String here = option.section() + " " + group.role();
                String section = here.equals(previous) ? "" : "`[" + option.section() + "]`"
                        + (sharedByRoles(option.section()) ? " (" + group.role() + ")" : "");
                previous = here;
                row(out, section, "`" + option.name() + "`", typeOf(option), markdownDefault(option.defaultValue()),
                        option.help().replace("|", "\\|"));
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(cell.isEmpty() ? " " : " " + cell + " ").append('|');
        }
        out.append('\n');
    }

    private static boolean sharedByRoles(String section) {
        return OptionCatalogue.groups().stream()
                .filter(group -> group.options().stream().anyMatch(option -> option.section().equals(section)))
                .count() > 1;
    }

    private static String markdownDefault(OptionDefault value) {
        if (value instanceof OptionDefault.Literal literal) {
            return literal.text().isEmpty() ? "(empty)" : "`" + literal.text() + "`";
        }
        return value.text();
    }

    private static String typeOf(Option<?> option) {
        Optional<String> range = option.type().range();
        return option.type().name() + range.map(r -> " (" + r + ")").orElse("");
    }

    /** Help is written for the README: its links keep their words, code marks go. */
    private static String plain(String markdown) {
        return MARKDOWN_LINK.matcher(markdown).replaceAll("$1").replace("`", "");
    }

    private static String sentence(String text) {
        String capitalised = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }

    // Plain split on purpose: trailing spaces must not turn into empty words of the printed sample.
    @SuppressWarnings("StringSplitter")
    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        // A sentence ends with its full stop, so there is no trailing empty word to keep or drop.
        for (String word : text.split(" ", -1)) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
