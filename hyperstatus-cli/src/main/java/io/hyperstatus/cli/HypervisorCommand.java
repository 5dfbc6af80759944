package io.hyperstatus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.client.ComputeApiClient;
import io.hyperstatus.client.compute.Hypervisor;
import io.hyperstatus.client.compute.HypervisorQuery;
import io.hyperstatus.client.compute.HypervisorServers;
import io.hyperstatus.protocol.Microversion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code hyperstatus hypervisor ...}: the hypervisors, their state (up/down) and status (enabled/disabled). */
@Command(name = "hypervisor", mixinStandardHelpOptions = true,
        description = "List and show hypervisors with their state (up/down) and status (enabled/disabled).",
        subcommands = {HypervisorCommand.ListHypervisors.class, HypervisorCommand.ShowHypervisor.class,
                HypervisorCommand.HypervisorServerList.class, HypervisorCommand.Statistics.class,
                HypervisorCommand.Uptime.class})
public final class HypervisorCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List hypervisors (every page).")
    static final class ListHypervisors extends PrintingCommand {
        @Option(names = "--matching", paramLabel = "PATTERN", description = "Only hypervisors whose hostname contains PATTERN.")
        String matching;
        @Option(names = "--limit", paramLabel = "N", description = "One page of at most N hypervisors (2.33+).")
        Integer limit;
        @Option(names = "--marker", paramLabel = "ID", description = "Start after this hypervisor (2.33+).")
        String marker;
        @Option(names = "--long", description = "Also type, host IP, resources (below 2.88) and disabled reason.")
        boolean long_;

        @Override
        void execute() {
            if (matching != null && (limit != null || marker != null)) {
                throw new ParameterException(spec.commandLine(), "--matching cannot be combined with --limit or --marker");
            }
            if (limit != null && limit < 0) {
                throw new ParameterException(spec.commandLine(), "--limit must be 0 or more");
            }
            ComputeApiClient client = connection.client();
            if ((limit != null || marker != null) && !client.microversion().atLeast(Microversion.PAGING)) {
                throw new ParameterException(spec.commandLine(), "--limit and --marker need compute API "
                        + Microversion.PAGING + " or later, not " + client.microversion());
            }
            HypervisorQuery query = new HypervisorQuery(matching, limit, marker);
            output.print(long_ ? detailed(client, query) : brief(client, query));
        }

        private static ListOutput brief(ComputeApiClient client, HypervisorQuery query) {
            List<List<Object>> rows = new ArrayList<>();
            for (Hypervisor h : client.hypervisors(query)) {
                rows.add(Arrays.asList(h.id(), h.hostname(), h.state(), h.status()));
            }
            return new ListOutput(List.of("ID", "Hypervisor Hostname", "State", "Status"), rows);
        }

        /** The resource fields exist only below 2.88; from 2.88 the columns are those the API still has. */
        private static ListOutput detailed(ComputeApiClient client, HypervisorQuery query) {
            boolean resources = !client.microversion().atLeast(new Microversion(2, 88));
            List<String> columns = new ArrayList<>(List.of("ID", "Hypervisor Hostname", "State", "Status",
                    "Hypervisor Type", "Host IP"));
            if (resources) {
                columns.addAll(List.of("vCPUs Used", "vCPUs", "Memory MB Used", "Memory MB"));
            }
            columns.add("Disabled Reason");
            List<List<Object>> rows = new ArrayList<>();
            for (ObjectNode h : client.hypervisorDetails(query)) {
                List<Object> row = new ArrayList<>(Arrays.asList(h.get("id"), h.get("hypervisor_hostname"), h.get("state"),
                        h.get("status"), h.get("hypervisor_type"), h.get("host_ip")));
                if (resources) {
                    row.addAll(Arrays.asList(h.get("vcpus_used"), h.get("vcpus"), h.get("memory_mb_used"), h.get("memory_mb")));
                }
                row.add(h.path("service").get("disabled_reason"));
                rows.add(row);
            }
            return new ListOutput(columns, rows);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a hypervisor's details (nested fields flattened: service_host, cpu_info_arch...).")
    static final class ShowHypervisor extends PrintingCommand {
        @Mixin
        HypervisorLookup hypervisor;

        @Override
        void execute() {
            output.print(new ShowOutput(Flattened.of(hypervisor.find(connection.client()))));
        }
    }

    @Command(name = "servers", mixinStandardHelpOptions = true,
            description = "List the instances of the hypervisors whose hostname contains a pattern.")
    static final class HypervisorServerList extends PrintingCommand {
        @Parameters(paramLabel = "NAME_PATTERN", description = "Part of the hypervisor hostname.")
        String pattern;

        @Override
        void execute() {
            List<List<Object>> rows = new ArrayList<>();
            for (HypervisorServers h : connection.client().hypervisorServers(pattern)) {
                for (HypervisorServers.Server server : h.servers()) {
                    rows.add(Arrays.asList(server.uuid(), server.name(), h.id(), h.hostname()));
                }
            }
            output.print(new ListOutput(List.of("ID", "Name", "Hypervisor ID", "Hypervisor Hostname"), rows));
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Sum the resources of the enabled hypervisors (the API has this up to 2.87).")
    static final class Statistics extends PrintingCommand {

        @Override
        void execute() {
            ObjectNode statistics = connection.clientUpTo(Microversion.LAST_WITH_STATISTICS, "Hypervisor statistics")
                    .statistics();
            output.print(new ShowOutput(fields(statistics)));
        }
    }

    @Command(name = "uptime", mixinStandardHelpOptions = true, description = "Show a hypervisor's uptime line.")
    static final class Uptime extends PrintingCommand {
        private static final List<String> FIELDS = List.of("id", "hypervisor_hostname", "state", "status", "uptime");

        @Mixin
        HypervisorLookup hypervisor;

        @Override
        void execute() {
            ComputeApiClient client = connection.client();
            ObjectNode detail = hypervisor.find(client);
            // From 2.88 the uptime route is gone and the detail object carries the uptime, as novaclient uses it.
            ObjectNode uptime = client.microversion().atLeast(new Microversion(2, 88))
                    ? detail : client.uptime(detail.get("id").asText());
            Map<String, Object> shown = new LinkedHashMap<>();
            FIELDS.forEach(field -> shown.put(field, nullable(uptime.get(field))));
            output.print(new ShowOutput(shown));
        }
    }

    private static Map<String, Object> fields(ObjectNode object) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            fields.put(field.getKey(), nullable(field.getValue()));
        }
        return fields;
    }

    private static Object nullable(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }
}
