package io.hyperstatus.server.api.policy;

import io.hyperstatus.server.api.auth.Credentials;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One immutable set of effective rules: the defaults ({@link BaseRules} and every {@link PolicyRule}) with an
 * operator's overrides applied, each parsed once. Built whole or not at all, so a broken override never
 * replaces rules in force.
 */
public final class PolicyRules {
    /** One effective rule: its check string as written, the parsed check, and whether a policy file set it. */
    public record Effective(String name, String checkString, Check check, boolean overridden) {
    }

    private final Map<String, Effective> rules;
    private final List<String> warnings;

    private PolicyRules(Map<String, Effective> rules, List<String> warnings) {
        this.rules = Collections.unmodifiableMap(rules);
        this.warnings = List.copyOf(warnings);
    }

    public static PolicyRules defaults() {
        return withOverrides(Map.of());
    }

    /**
     * The defaults with {@code overrides} (rule name to check string) applied; names the defaults do not know
     * are added, as oslo.policy allows, so that rules can share helper rules. Throws naming the first rule that
     * does not parse, or a chain of {@code rule:} references that loops.
     */
    public static PolicyRules withOverrides(Map<String, String> overrides) {
        Map<String, String> defaults = new LinkedHashMap<>(BaseRules.DEFAULTS);
        for (PolicyRule rule : PolicyRule.values()) {
            defaults.put(rule.ruleName(), rule.defaultCheck());
        }
        Map<String, Effective> rules = new TreeMap<>();
        defaults.forEach((name, check) -> rules.put(name, new Effective(name, check, parseDefault(name, check), false)));
        new TreeMap<>(overrides).forEach((name, check) -> {
            try {
                rules.put(name, new Effective(name, check, CheckParser.parse(check), true));
            } catch (PolicyParseException e) {
                throw new PolicyParseException("rule \"" + name + "\": " + e.getMessage(), e);
            }
        });
        rejectLoops(rules);
        return new PolicyRules(rules, undefinedReferences(rules));
    }

    private static Check parseDefault(String name, String check) {
        try {
            return CheckParser.parse(check);
        } catch (PolicyParseException e) {
            throw new IllegalStateException("default of rule " + name + " does not parse", e);
        }
    }

    /** Every rule, sorted by name. */
    public List<Effective> all() {
        return List.copyOf(rules.values());
    }

    public Optional<Effective> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    /** Problems that do not stop the rules from loading: references to rules that do not exist (they deny). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Whether the caller passes {@code rule} on the target {@code {project_id: the caller's project}}, the target
     * Nova's hypervisor and service policies are checked against.
     */
    public boolean allows(PolicyRule rule, Credentials credentials) {
        return allows(rule.ruleName(), credentials, Map.of("project_id", credentials.projectId()));
    }

    public boolean allows(String ruleName, Credentials credentials, Map<String, String> target) {
        Effective rule = rules.get(ruleName);
        return rule != null && rule.check().test(context(credentials, target));
    }

    /**
     * The credential attributes checks see. Like Nova's request context, {@code is_admin} is the outcome of the
     * {@code context_is_admin} rule (by default: the admin role), evaluated without {@code is_admin} itself.
     */
    private Check.Context context(Credentials credentials, Map<String, String> target) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("user_id", credentials.userId());
        attributes.put("project_id", credentials.projectId());
        // Nova checks context_is_admin with the caller's own attributes as the target.
        boolean admin = rules.get("context_is_admin").check()
                .test(new Check.Context(attributes, credentials.roles(), attributes, this::check));
        attributes.put("is_admin", admin ? "True" : "False");
        return new Check.Context(attributes, credentials.roles(), target, this::check);
    }

    private Optional<Check> check(String name) {
        return Optional.ofNullable(rules.get(name)).map(Effective::check);
    }

    private static void rejectLoops(Map<String, Effective> rules) {
        Set<String> safe = new HashSet<>();
        for (String name : rules.keySet()) {
            visit(name, rules, new ArrayList<>(), safe);
        }
    }

    private static void visit(String name, Map<String, Effective> rules, List<String> path, Set<String> safe) {
        if (safe.contains(name) || !rules.containsKey(name)) {
            return;
        }
        if (path.contains(name)) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            loop.add(name);
            throw new PolicyParseException("rule \"" + name + "\" refers to itself: " + String.join(" -> ", loop));
        }
        path.add(name);
        for (String referenced : references(rules.get(name).check())) {
            visit(referenced, rules, path, safe);
        }
        path.remove(path.size() - 1);
        safe.add(name);
    }

    private static List<String> undefinedReferences(Map<String, Effective> rules) {
        List<String> warnings = new ArrayList<>();
        rules.values().forEach(rule -> references(rule.check()).stream().filter(r -> !rules.containsKey(r)).distinct()
                .forEach(r -> warnings.add("rule \"" + rule.name() + "\" refers to undefined rule \"" + r
                        + "\", which denies")));
        return warnings;
    }

    private static List<String> references(Check check) {
        List<String> names = new ArrayList<>();
        collect(check, names);
        return names;
    }

    private static void collect(Check check, List<String> names) {
        if (check instanceof Check.Rule rule) {
            names.add(rule.name());
        } else if (check instanceof Check.Not not) {
            collect(not.operand(), names);
        } else if (check instanceof Check.Joined joined) {
            joined.operands().forEach(c -> collect(c, names));
        }
    }
}
