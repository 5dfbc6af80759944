package io.hyperstatus.cli;

import io.hyperstatus.client.ApiCallException;
import io.hyperstatus.client.ComputeApiClient;
import io.hyperstatus.client.compute.Aggregate;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Parameters;

/**
 * Finds an aggregate by id, name or uuid, as the standard clients do: an integer is shown directly; anything else,
 * or an id the server does not know (a name may be digits), is looked up by listing. The commands that act on one
 * aggregate take it as their first argument through this mixin.
 */
final class AggregateLookup {
    private static final Pattern INTEGER = Pattern.compile("[0-9]{1,18}");

    @Parameters(index = "0", paramLabel = "ID|NAME", description = "The aggregate's id or name.")
    String idOrName;

    Aggregate find(ComputeApiClient client) {
        return find(client, idOrName);
    }

    private static Aggregate find(ComputeApiClient client, String idOrName) {
        if (INTEGER.matcher(idOrName).matches()) {
            try {
                return client.aggregate(Long.parseLong(idOrName));
            } catch (ApiCallException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        List<Aggregate> all = client.aggregates();
        List<Aggregate> byName = all.stream().filter(a -> idOrName.equals(a.name())).toList();
        if (byName.size() > 1) {
            throw new CommandFailure("More than one aggregate is named '" + idOrName + "'; give its ID.");
        }
        if (byName.size() == 1) {
            return byName.get(0);
        }
        return all.stream()
                .filter(a -> idOrName.equalsIgnoreCase(a.uuid()) || idOrName.equals(String.valueOf(a.id())))
                .findFirst()
                .orElseThrow(() -> new CommandFailure("No aggregate with a name or ID of '" + idOrName + "' exists."));
    }
}
