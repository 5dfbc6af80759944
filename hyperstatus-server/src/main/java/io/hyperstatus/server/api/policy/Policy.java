package io.hyperstatus.server.api.policy;

import io.hyperstatus.server.api.auth.Credentials;
import io.hyperstatus.server.api.error.ApiException;

/** Enforces the default policy: admin-only for everything but the extension list. */
public final class Policy {
    public boolean allows(Credentials credentials, PolicyRule rule) {
        return switch (rule.defaultCheck()) {
            case ANYONE -> true;
            case ADMIN -> credentials.hasRole("admin");
            case ADMIN_OR_SERVICE -> credentials.hasRole("admin") || credentials.hasRole("service");
        };
    }

    /** Throws Nova's 403, naming the rule, when the caller may not perform the action. */
    public void authorize(Credentials credentials, PolicyRule rule) {
        if (!allows(credentials, rule)) {
            throw new ApiException(403, "Policy doesn't allow " + rule.ruleName() + " to be performed.");
        }
    }
}
