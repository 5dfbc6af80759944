package io.hyperstatus.server.api;

/**
 * The API mounts: the microversioned v2.1 API, the legacy v2 API served as 2.1, the agents' interface and
 * hyperstatus's own API.
 */
public enum Mount {
    V21("/v2.1"),
    LEGACY_V2("/v2"),
    AGENT("/agent/v1"),
    /** hyperstatus's own API (the event log and stream): authenticated as the compute API, not microversioned. */
    HYPERSTATUS("/hyperstatus/v1");

    private final String prefix;

    Mount(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
