package io.hyperstatus.server.api.microversion;

/**
 * The microversions this API serves and the ones at which the hypervisor and service resources change. Every
 * version-dependent decision compares against these names, never against literals.
 */
public final class Microversions {
    public static final ApiVersion MIN = ApiVersion.of("2.1");
    public static final ApiVersion MAX = ApiVersion.of("2.104");

    /** Services: {@code forced_down} field and the {@code force-down} action. */
    public static final ApiVersion SERVICE_FORCED_DOWN = ApiVersion.of("2.11");
    /** Aggregates: {@code uuid} shown. */
    public static final ApiVersion AGGREGATE_UUID = ApiVersion.of("2.41");
    /** {@code /os-hosts} is gone (every route 404). */
    public static final ApiVersion HOSTS_REMOVED = ApiVersion.of("2.43");
    /** Hypervisors: {@code cpu_info} becomes a JSON object. */
    public static final ApiVersion CPU_INFO_OBJECT = ApiVersion.of("2.28");
    /** Hypervisors: {@code limit}/{@code marker} paging and {@code hypervisors_links}. */
    public static final ApiVersion HYPERVISOR_PAGING = ApiVersion.of("2.33");
    /**
     * UUID ids for hypervisors and services, {@code hypervisor_hostname_pattern} and {@code with_servers},
     * {@code PUT /os-services/{id}}; {@code /search} and {@code /servers} are gone.
     */
    public static final ApiVersion UUID_IDS = ApiVersion.of("2.53");
    /** Services list rejects unknown query parameters; an empty {@code servers} list is shown. */
    public static final ApiVersion STRICT_SERVICES_QUERY = ApiVersion.of("2.75");
    /** Hypervisors: statistics fields, {@code /statistics} and {@code /uptime} removed; {@code uptime} in detail. */
    public static final ApiVersion TRIMMED_HYPERVISORS = ApiVersion.of("2.88");
    /** Extensions, aggregates and availability zones reject unknown query parameters. */
    public static final ApiVersion STRICT_ALL_QUERIES = ApiVersion.of("2.102");

    private Microversions() {
    }
}
