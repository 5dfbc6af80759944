package io.hyperstatus.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every role's options, in the order the README documents them. A new section is one more declarations class
 * (a few {@link Option}s and their {@link OptionGroup}) named here; the sample file, the README's table and the
 * tests that every option has a default and is read pick it up from this list.
 */
public final class OptionCatalogue {
    private static final List<OptionGroup> GROUPS = List.of(ServerDeclarations.GROUP, HttpDeclarations.GROUP,
            SslDeclarations.GROUP, DatabaseDeclarations.GROUP, LivenessDeclarations.GROUP, NotificationDeclarations.GROUP,
            MetricsDeclarations.GROUP,
            PolicyDeclarations.GROUP,
            HealthcheckDeclarations.GROUP, DashboardDeclarations.GROUP,
            AgentIdentityDeclarations.GROUP, AgentDeclarations.GROUP, KeystoneDeclarations.GROUP);

    private OptionCatalogue() {
    }

    public static List<OptionGroup> groups() {
        return GROUPS;
    }

    public static List<Option<?>> options() {
        return GROUPS.stream().flatMap(group -> group.options().stream()).toList();
    }

    /**
     * The options by section, {@code [DEFAULT]} first and the others by name, as oslo-config-generator writes a
     * sample; within a section, in the roles' order.
     */
    public static Map<String, List<Option<?>>> bySection() {
        Map<String, List<Option<?>>> sections = new LinkedHashMap<>();
        options().stream()
                .sorted(Comparator.comparing((Option<?> option) -> !option.section().equals("DEFAULT"))
                        .thenComparing(Option::section))
                .forEach(option -> sections.computeIfAbsent(option.section(), s -> new ArrayList<>()).add(option));
        return sections;
    }

    /** The role that declares {@code option}. */
    public static String roleOf(Option<?> option) {
        return GROUPS.stream().filter(group -> group.options().contains(option)).map(OptionGroup::role)
                .findFirst().orElseThrow();
    }
}
