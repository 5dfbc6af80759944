package io.hyperstatus.cli;

import io.hyperstatus.client.ComputeApiClient;
import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.client.compute.Service;
import io.hyperstatus.client.compute.ServiceChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hyperstatus service ...}: the compute services, and the switches an operator flips on them. Changes use
 * {@code PUT /os-services/{uuid}} from 2.53 and the action routes before, as the client library decides.
 */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = "List compute services; enable, disable, force down or delete them; show their history.",
        subcommands = {ServiceCommand.ListServices.class, ServiceCommand.Enable.class, ServiceCommand.Disable.class,
                ServiceCommand.ForceDown.class, ServiceCommand.Delete.class, ServiceHistoryCommand.class})
public final class ServiceCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List services.")
    static final class ListServices extends PrintingCommand {
        @Option(names = "--host", paramLabel = "HOST", description = "Only the services of this host.")
        String host;
        @Option(names = "--binary", paramLabel = "BINARY", description = "Only services of this binary (nova-compute...).")
        String binary;
        @Option(names = "--long", description = "Also the disabled reason and (2.11+) whether it is forced down.")
        boolean long_;

        @Override
        void execute() {
            ComputeApiClient client = connection.client();
            boolean forcedDown = long_ && client.microversion().atLeast(Microversion.FORCED_DOWN);
            List<String> columns = new ArrayList<>(List.of("ID", "Binary", "Host", "Zone", "Status", "State", "Updated At"));
            if (long_) {
                columns.add("Disabled Reason");
            }
            if (forcedDown) {
                columns.add("Forced Down");
            }
            List<List<Object>> rows = new ArrayList<>();
            for (Service s : client.services(host, binary)) {
                List<Object> row = new ArrayList<>(Arrays.asList(s.id(), s.binary(), s.host(), s.zone(), s.status(),
                        s.state(), s.updatedAt()));
                if (long_) {
                    row.add(s.disabledReason());
                }
                if (forcedDown) {
                    row.add(s.forcedDown());
                }
                rows.add(row);
            }
            output.print(new ListOutput(columns, rows));
        }
    }

    /** The service to change: a host and its binary, nova-compute unless named (only compute services change). */
    static final class Target {
        @Parameters(index = "0", paramLabel = "HOST", description = "The service's host.")
        String host;
        @Parameters(index = "1", arity = "0..1", paramLabel = "BINARY", description = "The service's binary (default: nova-compute).")
        String binary = ComputeApiClient.computeBinary();
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a service (clears its disabled reason).")
    static final class Enable extends PrintingCommand {
        @Mixin
        Target target;

        @Override
        void execute() {
            ServiceChange change = connection.client().enableService(target.host, target.binary);
            output.print(changed(change, "Status", change.status()));
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a service, with a reason.")
    static final class Disable extends PrintingCommand {
        @Mixin
        Target target;
        @Option(names = "--reason", paramLabel = "REASON", description = "Why (shown as its disabled reason).")
        String reason;

        @Override
        void execute() {
            ServiceChange change = connection.client().disableService(target.host, target.binary, reason);
            ListOutput shown = changed(change, "Status", change.status());
            List<String> columns = new ArrayList<>(shown.columns());
            columns.add("Disabled Reason");
            List<Object> row = new ArrayList<>(shown.rows().get(0));
            row.add(change.disabledReason());
            output.print(new ListOutput(columns, List.of(row)));
        }
    }

    @Command(name = "force-down", mixinStandardHelpOptions = true,
            description = "Mark a service down whatever its heartbeats say (2.11+), or with --unset lift that.")
    static final class ForceDown extends PrintingCommand {
        @Mixin
        Target target;
        @Option(names = "--unset", description = "Lift the forced down state: heartbeats decide again.")
        boolean unset;

        @Override
        void execute() {
            ComputeApiClient client = connection.client();
            if (!client.microversion().atLeast(Microversion.FORCED_DOWN)) {
                throw new CommandFailure("forcing a service down needs compute API " + Microversion.FORCED_DOWN
                        + " or later, not " + client.microversion());
            }
            ServiceChange change = client.forceDownService(target.host, target.binary, !unset);
            output.print(changed(change, "Forced Down", change.forcedDown()));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a service (a UUID from 2.53); a compute service takes its hypervisors along.")
    static final class Delete extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "The service's id, as service list shows it.")
        String id;

        @Override
        void execute() {
            connection.client().deleteService(id);
        }
    }

    /** What novaclient prints after a change: [ID,] Host, Binary and the changed field (no ID before 2.53). */
    private static ListOutput changed(ServiceChange change, String column, Object value) {
        List<String> columns = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        if (change.id() != null) {
            columns.add("ID");
            row.add(change.id());
        }
        columns.addAll(List.of("Host", "Binary", column));
        row.addAll(Arrays.asList(change.host(), change.binary(), value));
        return new ListOutput(columns, List.of(row));
    }
}
