package io.hyperstatus.client;

/** Where the {@code X-Auth-Token} of calls comes from: a fixed token (noauth2) or one obtained from Keystone. */
public interface TokenSource {
    /** The token to send now; may block while a new one is obtained. */
    String token();

    /** A server answered 401 to this token: do not hand it out again. */
    void rejected(String token);

    /** No token at all: the calls authenticate otherwise (an agent's shared secret). */
    static TokenSource none() {
        return fixed(null);
    }

    static TokenSource fixed(String token) {
        return new TokenSource() {
            @Override
            public String token() {
                return token;
            }

            @Override
            public void rejected(String rejected) {
                // A fixed token cannot be renewed; the 401 reaches the caller.
            }
        };
    }
}
