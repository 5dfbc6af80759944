package io.hyperstatus.server.api;

import io.hyperstatus.core.events.Actor;
import io.hyperstatus.server.api.auth.Credentials;

/** Who a request acts for, as the application layer records it with each change: caller and request id. */
public final class RequestActor {
    private RequestActor() {
    }

    /** An operator's call of the compute API. */
    public static Actor user(ApiRequest request) {
        Credentials caller = request.credentials();
        return Actor.user(caller.userId(), caller.projectId(), request.requestId(), caller.roles());
    }

    /** A compute agent's report, under the credential it reports with. */
    public static Actor agent(ApiRequest request) {
        Credentials caller = request.credentials();
        return Actor.agent(caller.userId(), caller.projectId(), request.requestId(), caller.roles());
    }
}
