// The public APIs as a script of the operator's would call them, with a token in X-Auth-Token: to set the fixture up
// and to check what the dashboard did, independently of the dashboard's own calls.
import { setTimeout as delay } from 'node:timers/promises';

export class Api {
  constructor(baseUrl, token) {
    if (!baseUrl || !token) {
      throw new Error('an API needs a base URL and a token');
    }
    this.baseUrl = baseUrl;
    this.token = token;
  }

  async request(method, path, body, microversion = '2.53') {
    const headers = { 'X-Auth-Token': this.token, 'OpenStack-API-Version': `compute ${microversion}` };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  // The answer's body when its status is the one expected; otherwise an error that shows both.
  async expect(status, method, path, body) {
    const answer = await this.request(method, path, body);
    if (answer.status !== status) {
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}, expected ${status}`);
    }
    return answer.body;
  }

  get(path) {
    return this.expect(200, 'GET', path);
  }

  async computeService(host) {
    const { services } = await this.get(`/v2.1/os-services?binary=nova-compute&host=${encodeURIComponent(host)}`);
    if (services.length !== 1) {
      throw new Error(`${services.length} nova-compute services on host ${host}`);
    }
    return services[0];
  }

  async hypervisorId(hostname) {
    const { hypervisors } = await this.get('/v2.1/os-hypervisors');
    const found = hypervisors.filter((hypervisor) => hypervisor.hypervisor_hostname === hostname);
    if (found.length !== 1) {
      throw new Error(`${found.length} hypervisors named ${hostname}`);
    }
    return found[0].id;
  }

  updateService(id, change) {
    return this.expect(200, 'PUT', `/v2.1/os-services/${id}`, change);
  }

  async aggregate(name) {
    const { aggregates } = await this.get('/v2.1/os-aggregates');
    return aggregates.find((aggregate) => aggregate.name === name);
  }
}

// A Keystone token for a password user, scoped to a project; all names in one domain.
export async function keystoneToken(keystoneUrl, { username, password, project, domain }) {
  const response = await fetch(`${keystoneUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: username, domain: { name: domain }, password } } },
        scope: { project: { name: project, domain: { name: domain } } },
      },
    }),
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 201) {
    throw new Error(`Keystone refused ${username}: ${response.status} ${await response.text()}`);
  }
  return response.headers.get('X-Subject-Token');
}

// Polls check() until it returns a value other than undefined, or fails with the last thing it saw after timeoutMs.
// For the server's side only (the browser's side waits with Playwright's own locators).
export async function eventually(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) {
        return value;
      }
      last = 'not yet';
    } catch (error) {
      last = error.message;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${timeoutMs} ms (last: ${last})`);
    }
    await delay(250);
  }
}
