package io.hyperstatus.server.api.microversion;

import io.hyperstatus.protocol.Microversion;

/**
 * The microversions this API serves and the ones at which the hypervisor and service resources change. Every
 * version-dependent decision compares against these names, never against literals.
 */
public final class Microversions {
    public static final Microversion MIN = Microversion.parse("2.1");
    public static final Microversion MAX = Microversion.parse("2.104");

    /** Services: {@code forced_down} field and the {@code force-down} action. */
    public static final Microversion SERVICE_FORCED_DOWN = Microversion.parse("2.11");
    /** Aggregates: {@code uuid} shown. */
    public static final Microversion AGGREGATE_UUID = Microversion.parse("2.41");
    /** {@code /os-hosts} is gone (every route 404). */
    public static final Microversion HOSTS_REMOVED = Microversion.parse("2.43");
    /** Hypervisors: {@code cpu_info} becomes a JSON object. */
    public static final Microversion CPU_INFO_OBJECT = Microversion.parse("2.28");
    /** Hypervisors: {@code limit}/{@code marker} paging and {@code hypervisors_links}. */
    public static final Microversion HYPERVISOR_PAGING = Microversion.parse("2.33");
    /**
     * UUID ids for hypervisors and services, {@code hypervisor_hostname_pattern} and {@code with_servers},
     * {@code PUT /os-services/{id}}; {@code /search} and {@code /servers} are gone.
     */
    public static final Microversion UUID_IDS = Microversion.parse("2.53");
    /** Services list rejects unknown query parameters; an empty {@code servers} list is shown. */
    public static final Microversion STRICT_SERVICES_QUERY = Microversion.parse("2.75");
    /** Hypervisors: statistics fields, {@code /statistics} and {@code /uptime} removed; {@code uptime} in detail. */
    public static final Microversion TRIMMED_HYPERVISORS = Microversion.parse("2.88");
    /** Extensions, aggregates and availability zones reject unknown query parameters. */
    public static final Microversion STRICT_ALL_QUERIES = Microversion.parse("2.102");

    private Microversions() {
    }
}
