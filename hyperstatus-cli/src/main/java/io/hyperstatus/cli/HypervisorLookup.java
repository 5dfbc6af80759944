package io.hyperstatus.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.client.ApiCallException;
import io.hyperstatus.client.ComputeApiClient;
import io.hyperstatus.client.compute.Hypervisor;
import io.hyperstatus.client.compute.HypervisorQuery;
import io.hyperstatus.protocol.Microversion;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Parameters;

/**
 * Finds a hypervisor by id or by hostname, as the standard clients do: an argument shaped like an id of this
 * microversion is shown directly; anything else, or an id the server does not know, is looked up by listing
 * (an Ironic node's hostname is itself a UUID, so a UUID may still be a name). The commands that act on one
 * hypervisor take it as their argument through this mixin.
 */
final class HypervisorLookup {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    private static final Pattern INTEGER = Pattern.compile("[0-9]+");

    @Parameters(paramLabel = "ID|NAME", description = "The hypervisor's id or hostname.")
    String idOrName;

    ObjectNode find(ComputeApiClient client) {
        return find(client, idOrName);
    }

    private static ObjectNode find(ComputeApiClient client, String idOrName) {
        boolean uuids = client.microversion().atLeast(Microversion.UUIDS);
        if ((uuids ? UUID : INTEGER).matcher(idOrName).matches()) {
            try {
                return client.hypervisor(idOrName);
            } catch (ApiCallException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        List<Hypervisor> matches = client.hypervisors(HypervisorQuery.ALL).stream()
                .filter(h -> idOrName.equals(h.hostname()) || idOrName.equals(h.id()))
                .toList();
        if (matches.isEmpty()) {
            throw new CommandFailure("No hypervisor with a name or ID of '" + idOrName + "' exists.");
        }
        if (matches.size() > 1) {
            throw new CommandFailure("More than one hypervisor is named '" + idOrName + "'; give its ID.");
        }
        return client.hypervisor(matches.get(0).id());
    }
}
