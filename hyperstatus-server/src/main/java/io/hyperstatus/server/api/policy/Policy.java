package io.hyperstatus.server.api.policy;

import io.hyperstatus.server.api.auth.Credentials;
import io.hyperstatus.server.api.error.ApiException;
import java.util.function.Supplier;

/** Enforces the effective policy rules: Nova's defaults, with the overrides of a policy file when there is one. */
public final class Policy {
    private final Supplier<PolicyRules> rules;

    /** Nova's defaults only. */
    public Policy() {
        PolicyRules defaults = PolicyRules.defaults();
        this.rules = () -> defaults;
    }

    /** The rules of a policy file, followed as it changes. */
    public Policy(PolicyFile file) {
        this.rules = file::rules;
    }

    public boolean allows(Credentials credentials, PolicyRule rule) {
        return rules.get().allows(rule, credentials);
    }

    /** Throws Nova's 403, naming the rule, when the caller may not perform the action. */
    public void authorize(Credentials credentials, PolicyRule rule) {
        if (!allows(credentials, rule)) {
            throw new ApiException(403, "Policy doesn't allow " + rule.ruleName() + " to be performed.");
        }
    }
}
