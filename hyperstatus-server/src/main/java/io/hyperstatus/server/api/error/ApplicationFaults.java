package io.hyperstatus.server.api.error;

import io.hyperstatus.core.ApplicationException;
import io.hyperstatus.core.ConflictException;
import io.hyperstatus.core.ForbiddenException;
import io.hyperstatus.core.InvalidRequestException;
import io.hyperstatus.core.NotFoundException;
import io.hyperstatus.core.StoreUnavailableException;

/**
 * The status of each kind of refusal of the application layer; its message is the answer's, as it stands (each
 * is worded as Nova words it).
 */
public final class ApplicationFaults {
    private ApplicationFaults() {
    }

    public static int status(ApplicationException refusal) {
        if (refusal instanceof NotFoundException) {
            return 404;
        }
        if (refusal instanceof ConflictException) {
            return 409;
        }
        if (refusal instanceof InvalidRequestException) {
            return 400;
        }
        if (refusal instanceof ForbiddenException) {
            return 403;
        }
        if (refusal instanceof StoreUnavailableException) {
            // Nova's serviceUnavailable: the request may succeed when repeated, unlike a 500.
            return 503;
        }
        throw new IllegalArgumentException("unknown refusal " + refusal.getClass().getName());
    }
}
