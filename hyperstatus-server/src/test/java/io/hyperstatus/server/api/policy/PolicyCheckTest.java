package io.hyperstatus.server.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperstatus.server.api.auth.Credentials;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser and evaluator of check strings: every operator, precedence, parentheses and errors. */
class PolicyCheckTest {
    private static final Credentials ADMIN = new Credentials("admin", "admin", Set.of("admin", "member", "reader"));
    private static final Credentials READER = new Credentials("demo", "demo", Set.of("member", "reader"));
    private static final Credentials OTHER = new Credentials("eve", "other", Set.of("Reader"));
    /** The callers by the names the tables give them. */
    private static final Map<String, Credentials> CALLERS = Map.of("admin", ADMIN, "reader", READER, "other", OTHER);

    /** Evaluates a check string as the rule "probe", against the caller's own project. */
    private static boolean allows(String checkString, Credentials credentials) {
        return allows(checkString, credentials, Map.of("project_id", credentials.projectId()));
    }

    private static boolean allows(String checkString, Credentials credentials, Map<String, String> target) {
        return PolicyRules.withOverrides(Map.of("probe", checkString)).allows("probe", credentials, target);
    }

    private static String tree(String checkString) {
        return CheckParser.parse(checkString).toString();
    }

    // ---- single checks ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'' | reader | true", "'   ' | reader | true", "@ | reader | true", "! | admin | false"})
    void theEmptyStringAndAtAlwaysPassAndBangNeverDoes(String checkString, String caller, boolean expected) {
        assertThat(allows(checkString, CALLERS.get(caller))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "role:reader | reader | true", "role:READER | reader | true", "role:reader | other | true",
            "role:admin | reader | false"})
    void roleIsCaseInsensitive(String checkString, String caller, boolean expected) {
        assertThat(allows(checkString, CALLERS.get(caller))).isEqualTo(expected);
    }

    @Test
    void isAdminFollowsTheAdminRoleThroughContextIsAdmin() {
        assertThat(List.of(ADMIN, READER)).map(caller -> allows("is_admin:True", caller)).containsExactly(true, false);
        assertThat(List.of(ADMIN, READER)).map(caller -> allows("is_admin:False", caller)).containsExactly(false, true);
        // As oslo.policy reads "true" as a string, it never equals Python's True.
        assertThat(allows("is_admin:true", ADMIN)).isFalse();
        PolicyRules readersAreAdmins = PolicyRules.withOverrides(Map.of("context_is_admin", "role:reader"));
        assertThat(readersAreAdmins.allows("admin_api", READER, Map.of())).isTrue();
    }

    @Test
    void projectIdComparesWithTheTarget() {
        assertThat(allows("project_id:%(project_id)s", READER)).isTrue();
        assertThat(allows("project_id:%(project_id)s", READER, Map.of("project_id", "other"))).isFalse();
        assertThat(allows("project_id:%(project_id)s", READER, Map.of())).as("missing target attribute").isFalse();
    }

    @Test
    void genericChecksCompareCredentialsWithLiteralsOrTargetAttributes() {
        assertThat(List.of("user_id:demo", "user_id:'demo'", "user_id:\"demo\"", "project_id:demo"))
                .allMatch(check -> allows(check, READER));
        assertThat(allows("user_id:alice", READER)).isFalse();
        assertThat(allows("user_id:%(owner)s", READER, Map.of("owner", "demo"))).isTrue();
        assertThat(allows("domain_id:default", READER)).as("unknown credential attribute").isFalse();
    }

    @Test
    void ruleRefersToAnotherRuleAndAnUnknownRuleDenies() {
        assertThat(allows("rule:context_is_admin", ADMIN)).isTrue();
        assertThat(allows("rule:context_is_admin", READER)).isFalse();
        assertThat(allows("rule:project_reader_or_admin", READER)).isTrue();
        assertThat(allows("rule:project_reader_or_admin", READER, Map.of("project_id", "other"))).isFalse();
        assertThat(allows("rule:no_such_rule", ADMIN)).isFalse();
        assertThat(PolicyRules.withOverrides(Map.of("probe", "rule:no_such_rule")).warnings())
                .containsExactly("rule \"probe\" refers to undefined rule \"no_such_rule\", which denies");
    }

    // ---- operators and precedence --------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "role:reader and role:member | true",
            "role:reader and role:admin | false",
            "role:admin or role:reader | true",
            "role:admin or role:service | false",
            "not role:admin | true",
            "not role:reader | false",
            "not not role:reader | true",
            "role:reader AND NOT role:admin | true",
            "role:admin Or role:member | true"})
    void operators(String checkString, boolean expected) {
        assertThat(allows(checkString, READER)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "role:a or role:b and role:c | (role:a or (role:b and role:c))",
            "role:a and role:b or role:c | ((role:a and role:b) or role:c)",
            "not role:a and role:b | (not role:a and role:b)",
            "not role:a or role:b and not role:c | (not role:a or (role:b and not role:c))",
            "(role:a or role:b) and role:c | ((role:a or role:b) and role:c)",
            "not (role:a or role:b) | not (role:a or role:b)",
            "((role:a)) | role:a",
            "( role:a or (role:b and project_id:%(project_id)s) ) | (role:a or (role:b and project_id:%(project_id)s))"})
    void theTreeFollowsPrecedenceNotAndOrAndParentheses(String checkString, String expectedTree) {
        assertThat(tree(checkString)).isEqualTo(expectedTree);
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        // Evaluated: admin or (reader and !) is true for the admin only.
        assertThat(allows("role:admin or role:reader and !", READER)).isFalse();
        assertThat(allows("role:admin or role:reader and !", ADMIN)).isTrue();
    }

    @Test
    void parenthesesGroup() {
        assertThat(allows("(role:admin or role:reader) and !", READER)).isFalse();
        assertThat(allows("not (role:admin or role:service)", READER)).isTrue();
        assertThat(allows("(role:reader and project_id:%(project_id)s)", READER)).isTrue();
    }

    // ---- errors ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "role:admin or | cannot parse \"role:admin or\": expected a check but found the end of the rule",
            "and role:admin | cannot parse \"and role:admin\": expected a check but found 'and' at position 1",
            "(role:admin | cannot parse \"(role:admin\": missing ')' for the '(' at position 1",
            "role:admin) | cannot parse \"role:admin)\": unbalanced ')' at position 11",
            "role:admin role:reader | cannot parse \"role:admin role:reader\": expected 'and' or 'or' but found 'role:reader' at position 12",
            "admin | cannot parse \"admin\": 'admin' at position 1 is not a check (expected kind:match, '@' or '!')",
            "role: | cannot parse \"role:\": 'role:' at position 1 needs both a kind and a match",
            "() | cannot parse \"()\": expected a check but found ')' at position 2",
            "not | cannot parse \"not\": expected a check but found the end of the rule",
            "http://example.org/check | cannot parse \"http://example.org/check\": 'http://example.org/check' at position 1: remote http(s) checks are not supported"})
    void errorsSayWhatAndWhere(String checkString, String message) {
        assertThatThrownBy(() -> CheckParser.parse(checkString))
                .isInstanceOf(PolicyParseException.class).hasMessage(message);
    }

    @Test
    void anOverrideThatDoesNotParseIsNamed() {
        assertThatThrownBy(() -> PolicyRules.withOverrides(Map.of("os_compute_api:os-hypervisors:list", "role:reader or")))
                .isInstanceOf(PolicyParseException.class)
                .hasMessage("rule \"os_compute_api:os-hypervisors:list\": cannot parse \"role:reader or\":"
                        + " expected a check but found the end of the rule");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rule:a", "rule:b or role:x", "not rule:a"})
    void rulesThatReferToThemselvesAreRefused(String bCheck) {
        assertThatThrownBy(() -> PolicyRules.withOverrides(Map.of("a", "role:x and rule:b", "b", bCheck)))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining("refers to itself: ");
        if (bCheck.equals("rule:a")) {
            assertThatThrownBy(() -> PolicyRules.withOverrides(Map.of("a", "role:x and rule:b", "b", bCheck)))
                    .hasMessage("rule \"a\" refers to itself: a -> b -> a");
        }
    }

    // ---- defaults --------------------------------------------------------------------------------------------

    @Test
    void theDefaultsAreAdminOnlyButTheExtensionsAndTheZoneListAndTheAgentInterfaceIsForAgentsOnly() {
        PolicyRules defaults = PolicyRules.defaults();
        Credentials service = new Credentials("nova", "service", Set.of("service"));
        Credentials agent = new Credentials("compute-agent", "service", Set.of("compute_agent"));
        for (PolicyRule rule : PolicyRule.values()) {
            // Nova lets anyone read the extension list and the availability zones; everything else is admin-only,
            // and the agent interface is the agents' role's alone (ApiRequest refuses that role every other rule).
            boolean open = rule == PolicyRule.EXTENSIONS || rule == PolicyRule.AVAILABILITY_ZONE_LIST;
            boolean agents = rule == PolicyRule.AGENT_REPORT;
            assertThat(defaults.allows(rule, ADMIN)).as(rule.ruleName()).isEqualTo(!agents);
            assertThat(defaults.allows(rule, READER)).as(rule.ruleName()).isEqualTo(open);
            assertThat(defaults.allows(rule, service)).as(rule.ruleName()).isEqualTo(open);
            assertThat(defaults.allows(rule, agent)).as(rule.ruleName()).isEqualTo(open || agents);
        }
        assertThat(defaults.warnings()).isEmpty();
        assertThat(defaults.all()).allMatch(rule -> !rule.overridden());
        assertThat(defaults.rule("admin_or_owner").orElseThrow().checkString())
                .isEqualTo("is_admin:True or project_id:%(project_id)s");
        assertThat(defaults.rule("os_compute_api:os-hypervisors:list").orElseThrow().checkString())
                .isEqualTo("rule:context_is_admin");
    }

    @Test
    void theBaseRulesBehaveAsNovas() {
        PolicyRules defaults = PolicyRules.defaults();
        Map<String, String> own = Map.of("project_id", "demo");
        Map<String, String> foreign = Map.of("project_id", "other");
        assertThat(defaults.allows("admin_or_owner", READER, own)).isTrue();
        assertThat(defaults.allows("admin_or_owner", READER, foreign)).isFalse();
        assertThat(defaults.allows("admin_or_owner", ADMIN, foreign)).isTrue();
        assertThat(defaults.allows("project_member_api", READER, own)).isTrue();
        assertThat(defaults.allows("project_member_or_admin", ADMIN, foreign)).isTrue();
        assertThat(defaults.allows("project_manager_api", READER, own)).isFalse();
        assertThat(defaults.allows("service_or_admin", new Credentials("n", "s", Set.of("service")), own)).isTrue();
    }
}
