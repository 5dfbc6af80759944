package io.hyperstatus.server.api.policy;

import io.hyperstatus.server.api.auth.Credentials;
import java.util.function.Supplier;

/**
 * Decides with the effective policy rules: Nova's defaults, with the overrides of a policy file when there is one.
 * It only decides; what a refusal looks like to a client is the API's business.
 */
public final class Policy {
    private final Supplier<PolicyRules> rules;

    /** The rules of a policy file, followed as it changes. */
    public Policy(PolicyFile file) {
        this.rules = file::rules;
    }

    public boolean allows(Credentials credentials, PolicyRule rule) {
        return rules.get().allows(rule, credentials);
    }
}
