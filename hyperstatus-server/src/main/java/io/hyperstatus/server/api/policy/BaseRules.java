package io.hyperstatus.server.api.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base rules Nova declares for other rules to build on, with Nova's names and default check strings, and
 * the shorthands {@link PolicyRule} entries use for their defaults (Nova's {@code base.ADMIN},
 * {@code base.RULE_ANY}, ...). An operator may override these like any rule, e.g. {@code context_is_admin}.
 */
public final class BaseRules {
    /** Admin-only: Nova's default for the hypervisor, service, host and aggregate APIs. */
    public static final String ADMIN = "rule:context_is_admin";
    /** Anyone authenticated. */
    public static final String ANY = "@";
    /** Nobody. */
    public static final String NOBODY = "!";
    public static final String PROJECT_READER_OR_ADMIN = "rule:project_reader_or_admin";
    public static final String PROJECT_MEMBER_OR_ADMIN = "rule:project_member_or_admin";
    public static final String PROJECT_MANAGER_OR_ADMIN = "rule:project_manager_or_admin";
    public static final String SERVICE_OR_ADMIN = "rule:service_or_admin";

    private static final String OWN_PROJECT = "project_id:%(project_id)s";

    /** Name to default check string, in the order Nova documents them. */
    static final Map<String, String> DEFAULTS = defaults();

    private BaseRules() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> rules = new LinkedHashMap<>();
        // Also what Nova's request context evaluates to decide is_admin.
        rules.put("context_is_admin", "role:admin");
        // The two rules of Nova's pre-RBAC policy, kept because operators' files still refer to them.
        rules.put("admin_or_owner", "is_admin:True or " + OWN_PROJECT);
        rules.put("admin_api", "is_admin:True");
        rules.put("project_manager_api", "role:manager and " + OWN_PROJECT);
        rules.put("project_member_api", "role:member and " + OWN_PROJECT);
        rules.put("project_reader_api", "role:reader and " + OWN_PROJECT);
        rules.put("project_manager_or_admin", "rule:project_manager_api or rule:context_is_admin");
        rules.put("project_member_or_admin", "rule:project_member_api or rule:context_is_admin");
        rules.put("project_reader_or_admin", "rule:project_reader_api or rule:context_is_admin");
        rules.put("service_api", "role:service");
        rules.put("service_or_admin", "rule:service_api or rule:context_is_admin");
        return Collections.unmodifiableMap(rules);
    }
}
