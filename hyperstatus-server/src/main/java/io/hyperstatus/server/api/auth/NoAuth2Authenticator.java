package io.hyperstatus.server.api.auth;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Nova's development-mode authentication: the token {@code user:project} is trusted as given; the user
 * {@code admin} has the admin role. A request without a token is refused.
 */
public final class NoAuth2Authenticator implements Authenticator {
    public static final String TOKEN_HEADER = "X-Auth-Token";

    @Override
    public Optional<Credentials> authenticate(Function<String, String> header) {
        String token = header.apply(TOKEN_HEADER);
        // Only a missing header is refused; an empty token reads, as in Nova's noauth2, as user "" of project "": a non-admin.
        if (token == null) {
            return Optional.empty();
        }
        String trimmed = token.strip();
        int colon = trimmed.indexOf(':');
        String user = colon < 0 ? trimmed : trimmed.substring(0, colon);
        String project = colon < 0 ? user : trimmed.substring(colon + 1);
        if (project.isEmpty()) {
            project = user;
        }
        Set<String> roles = user.equals("admin") ? Set.of("admin", "member", "reader") : Set.of("member", "reader");
        return Optional.of(new Credentials(user, project, roles));
    }
}
