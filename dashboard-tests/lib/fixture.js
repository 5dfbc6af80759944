// The hosts the two agents simulate (fixture/agent-*.json, which run.sh gives them) and what the tests make of them
// before the first page is opened: two racks with an availability zone each, one host disabled with a reason, one
// forced down. Agent b's hosts make up most of zone-b, so that killing it disrupts that zone.
import { readFileSync } from 'node:fs';
import { eventually } from './api.js';

function agentHosts(file) {
  return JSON.parse(readFileSync(new URL(`../fixture/${file}`, import.meta.url), 'utf8')).hosts;
}

export const AGENT_A_HOSTS = agentHosts('agent-a.json');
export const AGENT_B_HOSTS = agentHosts('agent-b.json');
export const HOSTS = [...AGENT_A_HOSTS, ...AGENT_B_HOSTS];

export const AGGREGATES = [
  { name: 'rack-a', zone: 'zone-a', hosts: ['dash-01', 'dash-02'] },
  { name: 'rack-b', zone: 'zone-b', hosts: ['dash-04', 'dash-06', 'dash-07'] },
];
export const DEFAULT_ZONE = 'nova';
export const DISABLED_HOST = 'dash-02';
export const DISABLED_REASON = 'disk replacement, ticket 4711';
export const FORCED_DOWN_HOST = 'dash-03';

export function hostnameOf(host) {
  const found = HOSTS.find((entry) => entry.host === host);
  if (!found) {
    throw new Error(`no fixture host ${host}`);
  }
  return found.hypervisor_hostname;
}

function aggregateOf(host) {
  return AGGREGATES.find((aggregate) => aggregate.hosts.includes(host));
}

// Each fixture host as the hypervisors page shows its row, keyed by hypervisor hostname, once applyFixture ran and
// before any test changed something.
export function expectedRows() {
  return Object.fromEntries(
    HOSTS.map((entry) => {
      const aggregate = aggregateOf(entry.host);
      return [
        entry.hypervisor_hostname,
        {
          state: entry.host === FORCED_DOWN_HOST ? 'down' : 'up',
          status: entry.host === DISABLED_HOST ? 'disabled' : 'enabled',
          reason: entry.host === DISABLED_HOST ? DISABLED_REASON : '',
          zone: aggregate ? aggregate.zone : DEFAULT_ZONE,
          aggregates: aggregate ? aggregate.name : '',
          type: entry.hypervisor_type,
          instances: String(entry.instances.length),
        },
      ];
    }),
  );
}

// The overview's counts, zone by zone, for the same moment.
export function expectedZoneCounts() {
  const counts = {};
  for (const row of Object.values(expectedRows())) {
    const zone = (counts[row.zone] ??= {
      'up-enabled': '0', 'up-disabled': '0', 'down-enabled': '0', 'down-disabled': '0', total: '0',
    });
    for (const key of [`${row.state}-${row.status}`, 'total']) {
      zone[key] = String(Number(zone[key]) + 1);
    }
  }
  return counts;
}

// Waits until every fixture host is reported up, then makes the fixture. Each step is done as an operator would,
// through the public API.
export async function applyFixture(api, timeoutMs) {
  await eventually(
    'every fixture host up',
    async () => {
      const { services } = await api.get('/v2.1/os-services?binary=nova-compute');
      const up = new Set(services.filter((service) => service.state === 'up').map((service) => service.host));
      return HOSTS.every((entry) => up.has(entry.host)) ? true : undefined;
    },
    timeoutMs,
  );
  for (const { name, zone, hosts } of AGGREGATES) {
    const { aggregate } = await api.expect(200, 'POST', '/v2.1/os-aggregates', {
      aggregate: { name, availability_zone: zone },
    });
    for (const host of hosts) {
      await api.expect(200, 'POST', `/v2.1/os-aggregates/${aggregate.id}/action`, { add_host: { host } });
    }
  }
  const disabled = await api.computeService(DISABLED_HOST);
  await api.updateService(disabled.id, { status: 'disabled', disabled_reason: DISABLED_REASON });
  const forced = await api.computeService(FORCED_DOWN_HOST);
  await api.updateService(forced.id, { forced_down: true });
}
