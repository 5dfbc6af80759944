package io.hyperstatus.cli;

import io.hyperstatus.client.ApiCallException;
import io.hyperstatus.client.ComputeApiClient;
import io.hyperstatus.client.compute.AvailabilityZone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hyperstatus availability-zone list}: the compute availability zones as {@code openstack availability zone
 * list} prints them. Like it, this reads the detail (every zone, the internal one too) and falls back to the plain
 * list (no internal zone, no hosts) when policy refuses the detail, as it does to non-admins by default.
 */
@Command(name = "availability-zone", mixinStandardHelpOptions = true,
        description = "List the availability zones, their status and, with --long, their hosts' services.",
        subcommands = AvailabilityZoneCommand.ListZones.class)
public final class AvailabilityZoneCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List availability zones.")
    static final class ListZones extends PrintingCommand {
        @Option(names = "--long", description = "One row per service: its host, binary and status.")
        boolean long_;

        @Override
        void execute() {
            List<String> columns = new ArrayList<>(List.of("Zone Name", "Zone Status"));
            if (long_) {
                columns.addAll(List.of("Host Name", "Service Name", "Service Status"));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (AvailabilityZone zone : zones(connection.client())) {
                String status = zone.available() ? "available" : "not available";
                if (!long_) {
                    rows.add(Arrays.asList(zone.name(), status));
                } else if (zone.hosts() == null || zone.hosts().isEmpty()) {
                    rows.add(Arrays.asList(zone.name(), status, "", "", ""));
                } else {
                    for (Map.Entry<String, Map<String, AvailabilityZone.ZoneService>> host : zone.hosts().entrySet()) {
                        host.getValue().forEach((binary, service) -> rows.add(Arrays.asList(zone.name(), status,
                                host.getKey(), binary, serviceStatus(service))));
                    }
                }
            }
            output.print(new ListOutput(columns, rows));
        }

        private static List<AvailabilityZone> zones(ComputeApiClient client) {
            try {
                return client.availabilityZoneDetails();
            } catch (ApiCallException e) {
                if (e.status() != 403) {
                    throw e;
                }
                return client.availabilityZones();
            }
        }

        /** As python-openstackclient words it: "enabled :-) 2024-05-01T10:00:00.000000", "enabled XXX ...". */
        static String serviceStatus(AvailabilityZone.ZoneService service) {
            return (service.active() ? "enabled" : "disabled") + " " + (service.available() ? ":-)" : "XXX") + " "
                    // Python formats a missing time as None; so does the standard client.
                    + (service.updatedAt() == null ? "None" : service.updatedAt());
        }
    }
}
