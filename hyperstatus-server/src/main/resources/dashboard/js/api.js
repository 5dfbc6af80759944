// Calls of the public APIs (Nova's and hyperstatus's) with the session's cookie. A call that may change something
// carries the session's CSRF token; an answer of 401 means the session is over, so the sign-in page is shown.

let csrfToken = null;

export function useCsrfToken(token) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The sign-in page, coming back here afterwards. */
export function toSignIn() {
  const next = location.pathname + location.search;
  location.assign(`/dashboard/login.html?next=${encodeURIComponent(next)}`);
}

/**
 * A JSON call. options: method, body (sent as JSON), compute (the microversion, for /v2.1 calls), quiet401 (do not
 * leave the page on a 401). Resolves to the parsed body (null for an empty one); rejects with an ApiError that
 * carries Nova's fault message.
 */
export async function call(path, options = {}) {
  const method = options.method || 'GET';
  const headers = {Accept: 'application/json'};
  if (options.compute) headers['OpenStack-API-Version'] = `compute ${options.compute}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin', cache: 'no-store',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (response.status === 401 && !options.quiet401) {
    toSignIn();
    throw new ApiError(401, 'Your session has ended.');
  }
  if (!response.ok) {
    throw new ApiError(response.status, faultMessage(body) || `HTTP ${response.status}`);
  }
  return body;
}

/** The message of Nova's fault ({"badRequest": {"code": 400, "message": "..."}}) or of Keystone's error. */
function faultMessage(body) {
  if (!body || typeof body !== 'object') return null;
  const fault = Object.values(body)[0];
  return fault && typeof fault === 'object' ? fault.message : null;
}

/** A query string of the non-empty values. */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (Array.isArray(value)) value.forEach(v => search.append(name, v));
    else if (value !== '' && value !== null && value !== undefined) search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
