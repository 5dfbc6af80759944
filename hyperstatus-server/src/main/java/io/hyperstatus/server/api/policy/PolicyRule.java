package io.hyperstatus.server.api.policy;

/** The policy rules checked by the API, with Nova's names and default checks. */
public enum PolicyRule {
    HYPERVISORS_LIST("os_compute_api:os-hypervisors:list", Default.ADMIN),
    HYPERVISORS_LIST_DETAIL("os_compute_api:os-hypervisors:list-detail", Default.ADMIN),
    HYPERVISORS_SHOW("os_compute_api:os-hypervisors:show", Default.ADMIN),
    HYPERVISORS_STATISTICS("os_compute_api:os-hypervisors:statistics", Default.ADMIN),
    HYPERVISORS_UPTIME("os_compute_api:os-hypervisors:uptime", Default.ADMIN),
    HYPERVISORS_SEARCH("os_compute_api:os-hypervisors:search", Default.ADMIN),
    HYPERVISORS_SERVERS("os_compute_api:os-hypervisors:servers", Default.ADMIN),
    SERVICES_LIST("os_compute_api:os-services:list", Default.ADMIN),
    SERVICES_UPDATE("os_compute_api:os-services:update", Default.ADMIN),
    SERVICES_DELETE("os_compute_api:os-services:delete", Default.ADMIN),
    AGGREGATES_INDEX("os_compute_api:os-aggregates:index", Default.ADMIN),
    AGGREGATES_CREATE("os_compute_api:os-aggregates:create", Default.ADMIN),
    AGGREGATES_SHOW("os_compute_api:os-aggregates:show", Default.ADMIN),
    AGGREGATES_UPDATE("os_compute_api:os-aggregates:update", Default.ADMIN),
    AGGREGATES_DELETE("os_compute_api:os-aggregates:delete", Default.ADMIN),
    AGGREGATES_ADD_HOST("os_compute_api:os-aggregates:add_host", Default.ADMIN),
    AGGREGATES_REMOVE_HOST("os_compute_api:os-aggregates:remove_host", Default.ADMIN),
    AGGREGATES_SET_METADATA("os_compute_api:os-aggregates:set_metadata", Default.ADMIN),
    AVAILABILITY_ZONE_LIST("os_compute_api:os-availability-zone:list", Default.ANYONE),
    AVAILABILITY_ZONE_DETAIL("os_compute_api:os-availability-zone:detail", Default.ADMIN),
    HOSTS_LIST("os_compute_api:os-hosts:list", Default.ADMIN),
    HOSTS_SHOW("os_compute_api:os-hosts:show", Default.ADMIN),
    HOSTS_UPDATE("os_compute_api:os-hosts:update", Default.ADMIN),
    HOSTS_REBOOT("os_compute_api:os-hosts:reboot", Default.ADMIN),
    HOSTS_SHUTDOWN("os_compute_api:os-hosts:shutdown", Default.ADMIN),
    HOSTS_START("os_compute_api:os-hosts:start", Default.ADMIN),
    EXTENSIONS("os_compute_api:extensions", Default.ANYONE),
    /** Not a Nova rule: the internal interface compute agents report through. */
    AGENT_REPORT("hyperstatus:agent:report", Default.ADMIN_OR_SERVICE);

    enum Default { ADMIN, ANYONE, ADMIN_OR_SERVICE }

    private final String ruleName;
    private final Default defaultCheck;

    PolicyRule(String ruleName, Default defaultCheck) {
        this.ruleName = ruleName;
        this.defaultCheck = defaultCheck;
    }

    public String ruleName() {
        return ruleName;
    }

    Default defaultCheck() {
        return defaultCheck;
    }
}
