package io.hyperstatus.server.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** With noauth2 the form carries the token itself ({@code user:project}), trusted as the API trusts it. */
public final class NoAuth2SignIn implements SignIn {
    @Override
    public String strategy() {
        return "noauth2";
    }

    @Override
    public Optional<IssuedToken> signIn(JsonNode form) {
        return Optional.of(new IssuedToken(SignIn.field(form, "token", Optional.empty()), Optional.empty()));
    }
}
