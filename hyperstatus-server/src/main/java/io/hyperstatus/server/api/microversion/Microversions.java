package io.hyperstatus.server.api.microversion;

/**
 * Every microversion at which something this API serves changes, in order, each with what it changes. The
 * versions between them change none of these resources. Every version-dependent decision (the resources'
 * profiles and route lists) compares against these names, never against literals.
 */
public final class Microversions {
    /** The base v2.1 API: what no version header, and the legacy v2 API, get. */
    public static final ApiVersion MIN = ApiVersion.of("2.1");
    /** Services: the {@code forced_down} field and the {@code force-down} action. */
    public static final ApiVersion SERVICE_FORCED_DOWN = ApiVersion.of("2.11");
    /** Hypervisors: {@code cpu_info} becomes a JSON object. */
    public static final ApiVersion CPU_INFO_OBJECT = ApiVersion.of("2.28");
    /** Hypervisors: {@code limit}/{@code marker} paging and {@code hypervisors_links}. */
    public static final ApiVersion HYPERVISOR_PAGING = ApiVersion.of("2.33");
    /** Aggregates: {@code uuid} shown. */
    public static final ApiVersion AGGREGATE_UUID = ApiVersion.of("2.41");
    /** Hosts: {@code /os-hosts} is gone (every route 404). */
    public static final ApiVersion HOSTS_REMOVED = ApiVersion.of("2.43");
    /**
     * Hypervisors and services: UUID ids, {@code hypervisor_hostname_pattern} and {@code with_servers},
     * {@code PUT /os-services/{id}}; {@code /search} and {@code /servers} are gone.
     */
    public static final ApiVersion UUID_IDS = ApiVersion.of("2.53");
    /** Services list rejects unknown query parameters; hypervisors show an empty {@code servers} list. */
    public static final ApiVersion STRICT_SERVICES_QUERY = ApiVersion.of("2.75");
    /** Hypervisors: statistics fields, {@code /statistics} and {@code /uptime} removed; {@code uptime} in detail. */
    public static final ApiVersion TRIMMED_HYPERVISORS = ApiVersion.of("2.88");
    /** Extensions, aggregates and availability zones reject unknown query parameters. */
    public static final ApiVersion STRICT_ALL_QUERIES = ApiVersion.of("2.102");
    /** The newest version served: {@code latest}, and the top of the version documents. */
    public static final ApiVersion MAX = ApiVersion.of("2.104");

    private Microversions() {
    }
}
