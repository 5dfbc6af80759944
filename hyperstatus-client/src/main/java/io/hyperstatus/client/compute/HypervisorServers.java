package io.hyperstatus.client.compute;

import java.util.List;

/** A hypervisor with the instances on its host. */
public record HypervisorServers(String id, String hostname, List<Server> servers) {
    public HypervisorServers {
        servers = List.copyOf(servers);
    }

    /** An instance: its UUID and internal name ({@code instance-0000000a}). */
    public record Server(String uuid, String name) {
    }
}
