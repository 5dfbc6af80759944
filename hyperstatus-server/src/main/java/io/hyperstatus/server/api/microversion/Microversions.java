package io.hyperstatus.server.api.microversion;

import io.hyperstatus.protocol.Microversion;

/**
 * Every microversion at which something this API serves changes, in order, each with what it changes. The
 * versions between them change none of these resources. Every version-dependent decision (the resources'
 * profiles and route lists) compares against these names, never against literals. The versions the client also
 * needs to know are the protocol's own constants, named once there.
 */
public final class Microversions {
    /** The base v2.1 API: what no version header, and the legacy v2 API, get. */
    public static final Microversion MIN = Microversion.V2_1;
    /** Services: the {@code forced_down} field and the {@code force-down} action. */
    public static final Microversion SERVICE_FORCED_DOWN = Microversion.FORCED_DOWN;
    /** Hypervisors: {@code cpu_info} becomes a JSON object. */
    public static final Microversion CPU_INFO_OBJECT = Microversion.parse("2.28");
    /** Hypervisors: {@code limit}/{@code marker} paging and {@code hypervisors_links}. */
    public static final Microversion HYPERVISOR_PAGING = Microversion.PAGING;
    /** Aggregates: {@code uuid} shown. */
    public static final Microversion AGGREGATE_UUID = Microversion.parse("2.41");
    /** Hosts: {@code /os-hosts} is gone (every route 404). */
    public static final Microversion HOSTS_REMOVED = Microversion.parse("2.43");
    /**
     * Hypervisors and services: UUID ids, {@code hypervisor_hostname_pattern} and {@code with_servers},
     * {@code PUT /os-services/{id}}; {@code /search} and {@code /servers} are gone.
     */
    public static final Microversion UUID_IDS = Microversion.UUIDS;
    /** Services list rejects unknown query parameters; hypervisors show an empty {@code servers} list. */
    public static final Microversion STRICT_SERVICES_QUERY = Microversion.parse("2.75");
    /** Hypervisors: statistics fields, {@code /statistics} and {@code /uptime} removed; {@code uptime} in detail. */
    public static final Microversion TRIMMED_HYPERVISORS = Microversion.parse("2.88");
    /** Extensions, aggregates and availability zones reject unknown query parameters. */
    public static final Microversion STRICT_ALL_QUERIES = Microversion.parse("2.102");
    /** The newest version served: {@code latest}, and the top of the version documents. */
    public static final Microversion MAX = Microversion.parse("2.104");

    private Microversions() {
    }
}
