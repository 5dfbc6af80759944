package io.hyperstatus.server.api.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A parsed check string of oslo.policy's rule language: an immutable tree that answers whether a caller (the
 * credentials) may act on a target. {@link CheckParser} builds it; its {@code toString()} writes it back in the
 * language, fully parenthesised, so a reader can see how precedence was applied.
 */
public sealed interface Check {
    boolean test(Context context);

    /**
     * What a check is evaluated against: the caller's credential attributes ({@code user_id}, {@code project_id},
     * {@code is_admin}), its roles (lower-cased), the target's attributes, and the rules {@code rule:} may name.
     */
    record Context(Map<String, String> credentials, Set<String> roles, Map<String, String> target,
                   Function<String, Optional<Check>> rules) {
        public Context {
            credentials = Map.copyOf(credentials);
            roles = roles.stream().map(r -> r.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            target = Map.copyOf(target);
            Objects.requireNonNull(rules, "rules");
        }
    }

    /** {@code @} (and the empty check string): always passes. */
    Check ALWAYS = new Fixed(true);
    /** {@code !}: never passes. */
    Check NEVER = new Fixed(false);

    /** A check whose answer does not depend on the context: {@link #ALWAYS} or {@link #NEVER}. */
    record Fixed(boolean passes) implements Check {
        @Override
        public boolean test(Context context) {
            return passes;
        }

        @Override
        public String toString() {
            return passes ? "@" : "!";
        }
    }

    /** {@code role:<name>}: the caller holds the role, compared case-insensitively as oslo.policy does. */
    record Role(String role) implements Check {
        public Role {
            Objects.requireNonNull(role, "role");
        }

        @Override
        public boolean test(Context context) {
            return Substitution.apply(role, context.target())
                    .map(name -> context.roles().contains(name.toLowerCase(Locale.ROOT)))
                    .orElse(false);
        }

        @Override
        public String toString() {
            return "role:" + role;
        }
    }

    /** {@code rule:<name>}: another rule passes; a rule that does not exist denies. */
    record Rule(String name) implements Check {
        public Rule {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean test(Context context) {
            return context.rules().apply(name).map(check -> check.test(context)).orElse(false);
        }

        @Override
        public String toString() {
            return "rule:" + name;
        }
    }

    /**
     * {@code <attribute>:<match>}: the caller's credential attribute equals the match, which is either a literal
     * ({@code is_admin:True}, {@code user_id:'alice'}) or taken from the target ({@code project_id:%(project_id)s}).
     * A credential or target attribute that is missing denies.
     */
    record Generic(String attribute, String match) implements Check {
        public Generic {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(match, "match");
        }

        @Override
        public boolean test(Context context) {
            String actual = context.credentials().get(attribute);
            if (actual == null) {
                return false;
            }
            return Substitution.apply(match, context.target()).map(Generic::literal).map(actual::equals).orElse(false);
        }

        /** oslo.policy reads a quoted match as a Python string literal; the quotes are not part of the value. */
        private static String literal(String match) {
            if (match.length() >= 2 && ((match.startsWith("'") && match.endsWith("'"))
                    || (match.startsWith("\"") && match.endsWith("\"")))) {
                return match.substring(1, match.length() - 1);
            }
            return match;
        }

        @Override
        public String toString() {
            return attribute + ":" + match;
        }
    }

    record Not(Check operand) implements Check {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean test(Context context) {
            return !operand.test(context);
        }

        @Override
        public String toString() {
            return "not " + operand;
        }
    }

    /** How {@link Joined} joins its operands: {@code and} needs every one to pass, {@code or} any one. */
    enum Joiner {
        AND,
        OR;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Operands joined by {@code and} or {@code or}; evaluation stops as soon as the answer is known. */
    record Joined(Joiner joiner, List<Check> operands) implements Check {
        public Joined {
            Objects.requireNonNull(joiner, "joiner");
            operands = List.copyOf(operands);
        }

        @Override
        public boolean test(Context context) {
            return joiner == Joiner.AND
                    ? operands.stream().allMatch(check -> check.test(context))
                    : operands.stream().anyMatch(check -> check.test(context));
        }

        @Override
        public String toString() {
            String separator = " " + joiner.word() + " ";
            return "(" + String.join(separator, operands.stream().map(Check::toString).toList()) + ")";
        }
    }

    /** oslo.policy's {@code %(name)s} references to the target; a reference to a missing attribute fails the check. */
    final class Substitution {
        private static final Pattern REFERENCE = Pattern.compile("%\\(([^)]*)\\)s");

        private Substitution() {
        }

        static Optional<String> apply(String match, Map<String, String> target) {
            Matcher matcher = REFERENCE.matcher(match);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                String value = target.get(matcher.group(1));
                if (value == null) {
                    return Optional.empty();
                }
                matcher.appendReplacement(result, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(result);
            return Optional.of(result.toString());
        }
    }
}
