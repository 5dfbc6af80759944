// What every signed-in page shares: the session, the header with its navigation, and the live indicator.
import {call, useCsrfToken, toSignIn} from './api.js';
import {byId, h} from './dom.js';

const PAGES = [
  ['Overview', '/dashboard/'],
  ['Hypervisors', '/dashboard/hypervisors.html'],
  ['Events', '/dashboard/events.html'],
];

/**
 * Reads the session (or goes to the sign-in page) and draws the header. Resolves to the session:
 * {user_id, project_id, roles, expires_at, csrf_token, allowed: {rule: boolean}}.
 */
export async function start(currentPath) {
  let session;
  try {
    session = (await call('/dashboard/session', {quiet401: true})).session;
  } catch {
    toSignIn();
    return new Promise(() => {});
  }
  useCsrfToken(session.csrf_token);
  drawHeader(session, currentPath);
  return session;
}

/** Whether the session's user may do what the policy rule names. */
export function may(session, rule) {
  return session.allowed[rule] === true;
}

function drawHeader(session, currentPath) {
  const header = byId('top');
  const links = PAGES.map(([name, path]) => h('li', {}, h('a', {href: path, 'aria-current': path === currentPath ? 'page' : null}, name)));
  const signOut = h('button', {id: 'sign-out', type: 'button'}, 'Sign out');
  signOut.addEventListener('click', async () => {
    try {
      await call('/dashboard/session', {method: 'DELETE', quiet401: true});
    } finally {
      location.assign('/dashboard/login.html');
    }
  });
  // Every page's place for a failure, first in its main content.
  document.getElementById('main').prepend(h('p', {id: 'page-error', class: 'error', role: 'alert', hidden: true}));
  header.replaceChildren(
    h('a', {class: 'brand', href: '/dashboard/'}, 'hyperstatus'),
    h('nav', {'aria-label': 'Pages'}, h('ul', {}, links)),
    h('div', {class: 'who'},
      h('span', {id: 'live-status', class: 'live off', role: 'status'}, 'connecting'),
      h('span', {}, 'Signed in as ', h('strong', {id: 'whoami'}, session.user_id)),
      signOut));
}

/** Shows whether the event stream is connected. */
export function showLive(live) {
  const status = document.getElementById('live-status');
  if (!status) return;
  status.className = `live ${live ? 'on' : 'off'}`;
  status.textContent = live ? 'live' : 'reconnecting';
}

/** Shows a failure in the page's alert area. */
export function showError(error) {
  const area = document.getElementById('page-error');
  if (area) {
    area.textContent = error && error.message ? error.message : String(error);
    area.hidden = false;
  }
}

export function clearError() {
  const area = document.getElementById('page-error');
  if (area) area.hidden = true;
}
