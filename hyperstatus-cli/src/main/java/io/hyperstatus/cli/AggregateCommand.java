package io.hyperstatus.cli;

import io.hyperstatus.client.ComputeApiClient;
import io.hyperstatus.client.compute.Aggregate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code hyperstatus aggregate ...}: host aggregates, the commands and columns of {@code openstack aggregate}. An
 * aggregate is named by id or name (a name is found by listing). As python-openstackclient does, the
 * {@code availability_zone} key is left out of the properties shown, since it has a field of its own.
 */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = "List, create, change and delete host aggregates; add hosts to them and remove hosts.",
        subcommands = {AggregateCommand.ListAggregates.class, AggregateCommand.Create.class,
                AggregateCommand.Show.class, AggregateCommand.SetAggregate.class, AggregateCommand.UnsetAggregate.class,
                AggregateCommand.Add.class, AggregateCommand.Remove.class, AggregateCommand.Delete.class})
public final class AggregateCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List aggregates.")
    static final class ListAggregates extends PrintingCommand {
        @Option(names = "--long", description = "Also the properties and the hosts.")
        boolean long_;

        @Override
        void execute() {
            List<String> columns = new ArrayList<>(List.of("ID", "Name", "Availability Zone"));
            if (long_) {
                columns.addAll(List.of("Properties", "Hosts"));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (Aggregate a : connection.client().aggregates()) {
                List<Object> row = new ArrayList<>(Arrays.asList(a.id(), a.name(), a.availabilityZone()));
                if (long_) {
                    row.add(Formatted.dict(a.properties()));
                    row.add(Formatted.list(a.hosts()));
                }
                rows.add(row);
            }
            output.print(new ListOutput(columns, rows));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an aggregate.")
    static final class Create extends PrintingCommand {
        @Parameters(paramLabel = "NAME", description = "The new aggregate's name.")
        String name;
        @Option(names = "--zone", paramLabel = "ZONE", description = "The availability zone of its hosts.")
        String zone;
        @Option(names = "--property", paramLabel = "KEY=VALUE", description = "A property to set (repeat for more).")
        Map<String, String> properties = new LinkedHashMap<>();

        @Override
        void execute() {
            ComputeApiClient client = connection.client();
            Aggregate aggregate = client.createAggregate(name, zone);
            if (!properties.isEmpty()) {
                aggregate = client.setAggregateMetadata(aggregate.id(), properties);
            }
            output.print(shown(aggregate));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show an aggregate.")
    static final class Show extends PrintingCommand {
        @Mixin
        AggregateLookup aggregate;

        @Override
        void execute() {
            output.print(shown(aggregate.find(connection.client())));
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Rename an aggregate, set its availability zone or its properties.")
    static final class SetAggregate extends ApiCommand {
        @Mixin
        AggregateLookup aggregate;
        @Option(names = "--name", paramLabel = "NAME", description = "A new name.")
        String name;
        @Option(names = "--zone", paramLabel = "ZONE", description = "A new availability zone.")
        String zone;
        @Option(names = "--property", paramLabel = "KEY=VALUE", description = "A property to set (repeat for more).")
        Map<String, String> properties = new LinkedHashMap<>();
        @Option(names = "--no-property",
                description = "Remove every property first (with --property: replace the properties).")
        boolean noProperty;

        @Override
        void execute() {
            if (name == null && zone == null && properties.isEmpty() && !noProperty) {
                throw new ParameterException(spec.commandLine(),
                        "nothing to set: give --name, --zone, --property or --no-property");
            }
            ComputeApiClient client = connection.client();
            Aggregate found = aggregate.find(client);
            if (name != null || zone != null) {
                client.updateAggregate(found.id(), name, zone);
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            if (noProperty) {
                // The zone is not a property here: it stays, as with python-openstackclient.
                found.properties().keySet().forEach(key -> metadata.put(key, null));
            }
            metadata.putAll(properties);
            if (!metadata.isEmpty()) {
                client.setAggregateMetadata(found.id(), metadata);
            }
        }
    }

    @Command(name = "unset", mixinStandardHelpOptions = true, description = "Remove properties of an aggregate.")
    static final class UnsetAggregate extends ApiCommand {
        @Mixin
        AggregateLookup aggregate;
        @Option(names = "--property", paramLabel = "KEY", required = true,
                description = "A property to remove (repeat for more).")
        List<String> properties = new ArrayList<>();

        @Override
        void execute() {
            ComputeApiClient client = connection.client();
            Aggregate found = aggregate.find(client);
            Map<String, String> metadata = new LinkedHashMap<>();
            properties.forEach(key -> metadata.put(key, null));
            client.setAggregateMetadata(found.id(), metadata);
        }
    }

    /** {@code add host} and {@code remove host}: both take an aggregate and a host, and show the aggregate after. */
    abstract static class HostChange extends PrintingCommand {
        @Mixin
        AggregateLookup aggregate;
        @Parameters(index = "1", paramLabel = "HOST", description = "The host (of a compute service).")
        String host;

        abstract Aggregate change(ComputeApiClient client, long aggregateId, String host);

        @Override
        void execute() {
            ComputeApiClient client = connection.client();
            Aggregate found = aggregate.find(client);
            output.print(shown(change(client, found.id(), host)));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add to an aggregate.",
            subcommands = AddHost.class)
    static final class Add extends CommandGroup {
    }

    @Command(name = "host", mixinStandardHelpOptions = true,
            description = "Add a host to an aggregate (it joins the aggregate's availability zone).")
    static final class AddHost extends HostChange {
        @Override
        Aggregate change(ComputeApiClient client, long aggregateId, String host) {
            return client.addAggregateHost(aggregateId, host);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove from an aggregate.",
            subcommands = RemoveHost.class)
    static final class Remove extends CommandGroup {
    }

    @Command(name = "host", mixinStandardHelpOptions = true, description = "Remove a host from an aggregate.")
    static final class RemoveHost extends HostChange {
        @Override
        Aggregate change(ComputeApiClient client, long aggregateId, String host) {
            return client.removeAggregateHost(aggregateId, host);
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete an aggregate (it must have no hosts left).")
    static final class Delete extends ApiCommand {
        @Mixin
        AggregateLookup aggregate;

        @Override
        void execute() {
            ComputeApiClient client = connection.client();
            client.deleteAggregate(aggregate.find(client).id());
        }
    }

    /**
     * An aggregate as {@code openstack aggregate show} prints it: the API's fields by name, metadata as
     * {@code properties} (without the zone), uuid only where the microversion has it (2.41).
     */
    static ShowOutput shown(Aggregate a) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("availability_zone", a.availabilityZone());
        fields.put("created_at", a.createdAt());
        fields.put("deleted", a.deleted());
        fields.put("deleted_at", a.deletedAt());
        fields.put("hosts", Formatted.list(a.hosts()));
        fields.put("id", a.id());
        fields.put("name", a.name());
        fields.put("properties", Formatted.dict(a.properties()));
        fields.put("updated_at", a.updatedAt());
        if (a.uuid() != null) {
            fields.put("uuid", a.uuid());
        }
        return new ShowOutput(fields);
    }
}
