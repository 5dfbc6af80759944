package io.hyperstatus.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The stable UUID of each node this agent reports, kept in a file under the state directory (as Nova keeps
 * its {@code compute_id}), so that a restarted agent updates the same node instead of creating another.
 */
public final class NodeIdentities {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The kept identity of one node. */
    private record Identity(String uuid, String host) {
    }

    private final Path file;
    private final Map<String, Identity> byHypervisorHostname = new LinkedHashMap<>();
    private boolean changed;

    private NodeIdentities(Path file) {
        this.file = file;
    }

    public static NodeIdentities load(Path stateDirectory) {
        NodeIdentities identities = new NodeIdentities(stateDirectory.resolve("node-identities.json"));
        if (Files.exists(identities.file)) {
            try {
                JsonNode json = MAPPER.readTree(identities.file.toFile());
                json.properties().forEach(entry -> identities.byHypervisorHostname.put(entry.getKey(),
                        new Identity(entry.getValue().get("uuid").asText(), entry.getValue().get("host").asText())));
            } catch (IOException | RuntimeException e) {
                throw new ConfigException("Cannot read the node identities in " + identities.file + ": " + e.getMessage(), e);
            }
        }
        return identities;
    }

    /**
     * The UUID of a node: the one given by the driver, else the kept one, else a new one (kept from now on).
     * A kept node that now claims another host is refused: renaming a host under a node is an operator's
     * decision, not something an agent should do silently. New identities are written by {@link #flush()}.
     */
    public synchronized String uuidOf(String host, String hypervisorHostname, String givenUuid) {
        Identity kept = byHypervisorHostname.get(hypervisorHostname);
        if (kept != null && !kept.host().equals(host)) {
            throw new ConfigException("Node " + hypervisorHostname + " (" + kept.uuid() + ") was registered by host "
                    + kept.host() + ", but this agent runs as host " + host + "; set [DEFAULT] host back to "
                    + kept.host() + ", or remove " + file + " to register a new node");
        }
        String uuid = givenUuid != null ? givenUuid : kept != null ? kept.uuid() : UUID.randomUUID().toString();
        if (kept == null || !kept.uuid().equals(uuid)) {
            byHypervisorHostname.put(hypervisorHostname, new Identity(uuid, host));
            changed = true;
        }
        return uuid;
    }

    /** Writes the identities when any was added or changed since the last write. */
    public synchronized void flush() {
        if (!changed) {
            return;
        }
        ObjectNode json = MAPPER.createObjectNode();
        byHypervisorHostname.forEach((name, identity) ->
                json.putObject(name).put("uuid", identity.uuid()).put("host", identity.host()));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), json);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            changed = false;
        } catch (IOException e) {
            throw new ConfigException("Cannot write the node identities to " + file + ": " + e.getMessage(), e);
        }
    }
}
