package io.hyperstatus.server.api.auth;

import io.hyperstatus.config.AgentIdentityOptions;
import io.hyperstatus.config.HyperstatusConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the authenticator of {@code [api] auth_strategy}, with the agent identities that go with it. */
public final class Authenticators {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticators.class);

    private Authenticators() {}

    /**
     * With noauth2 the agents' shared secrets, with Keystone the users bound to hosts. Without them no agent may
     * report, which is said once at start-up.
     */
    public static Authenticator forStrategy(HyperstatusConfig config) {
        return switch (config.authStrategy()) {
            case NOAUTH2 -> {
                AgentSecrets secrets = AgentSecrets.load(config.agentIdentity());
                if (secrets.isEmpty()) {
                    LOG.warn("No agent may report: {} names no agent (see docs/agent-identity.md)",
                            AgentIdentityOptions.secretsFileOption());
                }
                yield new AgentSecretAuthenticator(secrets, new NoAuth2Authenticator());
            }
            case KEYSTONE -> {
                AgentHostBindings bindings = AgentHostBindings.load(config.agentIdentity());
                if (bindings.isEmpty()) {
                    LOG.warn("No agent may report: {} names no agent user (see docs/agent-identity.md)",
                            AgentIdentityOptions.hostsFileOption());
                }
                yield KeystoneAuthenticator.create(config.keystone().orElseThrow(), bindings);
            }
        };
    }
}
