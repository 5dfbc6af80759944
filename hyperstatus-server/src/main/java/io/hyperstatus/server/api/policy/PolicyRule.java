package io.hyperstatus.server.api.policy;

/**
 * The policy rules the API checks, with Nova's names and default check strings (see {@link BaseRules} for the
 * shorthands). An operator's policy file may override any of them.
 */
public enum PolicyRule {
    HYPERVISORS_LIST("os_compute_api:os-hypervisors:list", BaseRules.ADMIN),
    HYPERVISORS_LIST_DETAIL("os_compute_api:os-hypervisors:list-detail", BaseRules.ADMIN),
    HYPERVISORS_SHOW("os_compute_api:os-hypervisors:show", BaseRules.ADMIN),
    HYPERVISORS_STATISTICS("os_compute_api:os-hypervisors:statistics", BaseRules.ADMIN),
    HYPERVISORS_UPTIME("os_compute_api:os-hypervisors:uptime", BaseRules.ADMIN),
    HYPERVISORS_SEARCH("os_compute_api:os-hypervisors:search", BaseRules.ADMIN),
    HYPERVISORS_SERVERS("os_compute_api:os-hypervisors:servers", BaseRules.ADMIN),
    SERVICES_LIST("os_compute_api:os-services:list", BaseRules.ADMIN),
    SERVICES_UPDATE("os_compute_api:os-services:update", BaseRules.ADMIN),
    SERVICES_DELETE("os_compute_api:os-services:delete", BaseRules.ADMIN),
    AGGREGATES_INDEX("os_compute_api:os-aggregates:index", BaseRules.ADMIN),
    AGGREGATES_CREATE("os_compute_api:os-aggregates:create", BaseRules.ADMIN),
    AGGREGATES_SHOW("os_compute_api:os-aggregates:show", BaseRules.ADMIN),
    AGGREGATES_UPDATE("os_compute_api:os-aggregates:update", BaseRules.ADMIN),
    AGGREGATES_DELETE("os_compute_api:os-aggregates:delete", BaseRules.ADMIN),
    AGGREGATES_ADD_HOST("os_compute_api:os-aggregates:add_host", BaseRules.ADMIN),
    AGGREGATES_REMOVE_HOST("os_compute_api:os-aggregates:remove_host", BaseRules.ADMIN),
    AGGREGATES_SET_METADATA("os_compute_api:os-aggregates:set_metadata", BaseRules.ADMIN),
    AVAILABILITY_ZONE_LIST("os_compute_api:os-availability-zone:list", BaseRules.ANY),
    AVAILABILITY_ZONE_DETAIL("os_compute_api:os-availability-zone:detail", BaseRules.ADMIN),
    HOSTS_LIST("os_compute_api:os-hosts:list", BaseRules.ADMIN),
    HOSTS_SHOW("os_compute_api:os-hosts:show", BaseRules.ADMIN),
    HOSTS_UPDATE("os_compute_api:os-hosts:update", BaseRules.ADMIN),
    HOSTS_REBOOT("os_compute_api:os-hosts:reboot", BaseRules.ADMIN),
    HOSTS_SHUTDOWN("os_compute_api:os-hosts:shutdown", BaseRules.ADMIN),
    HOSTS_START("os_compute_api:os-hosts:start", BaseRules.ADMIN),
    EXTENSIONS("os_compute_api:extensions", BaseRules.ANY),
    /**
     * Not a Nova rule: the internal interface compute agents report through, for the agents' role only. The hosts a
     * caller may speak for are not the policy's: its agent identity binds them (see docs/agent-identity.md).
     */
    AGENT_REPORT("hyperstatus:agent:report", "role:compute_agent"),
    /** Not Nova rules: hyperstatus's own API, reading the event log (see docs/events.md). */
    EVENTS_LIST("hyperstatus:events:list", BaseRules.ADMIN),
    EVENTS_STREAM("hyperstatus:events:stream", BaseRules.ADMIN),
    EVENTS_AVAILABILITY("hyperstatus:events:availability", BaseRules.ADMIN),
    /** Not Nova rules: hyperstatus's own API, the hypervisor board and the zones' counts (see docs/hypervisor-board.md). */
    BOARD_HYPERVISORS("hyperstatus:hypervisors:list", BaseRules.ADMIN),
    ZONES_SUMMARY("hyperstatus:zones:summary", BaseRules.ADMIN);

    private final String ruleName;
    private final String defaultCheck;

    PolicyRule(String ruleName, String defaultCheck) {
        this.ruleName = ruleName;
        this.defaultCheck = defaultCheck;
    }

    public String ruleName() {
        return ruleName;
    }

    /** The check string in force unless a policy file overrides the rule. */
    public String defaultCheck() {
        return defaultCheck;
    }
}
