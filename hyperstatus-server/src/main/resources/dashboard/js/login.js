// The sign-in form: a token with noauth2, Keystone's user, password, project and domain otherwise. The server
// exchanges them for a session cookie; the password is never kept by the page.
import {call} from './api.js';
import {byId} from './dom.js';

/** Only a path of this dashboard is a place to go back to, never another site. */
function nextPage() {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/dashboard/') && !next.startsWith('//') ? next : '/dashboard/';
}

async function main() {
  const config = await call('/dashboard/config.json', {quiet401: true});
  const keystone = config.auth_strategy === 'keystone';
  byId(keystone ? 'keystone-fields' : 'token-fields').hidden = false;
  const fields = keystone ? ['username', 'password', 'project', 'domain'] : ['token'];
  // Only the fields of the form in use are required.
  for (const id of ['token', 'username', 'password', 'project', 'domain']) {
    byId(id).required = fields.includes(id);
  }
  byId(fields[0]).focus();
  const form = byId('sign-in');
  const error = byId('sign-in-error');
  form.addEventListener('submit', async submit => {
    submit.preventDefault();
    error.hidden = true;
    const body = Object.fromEntries(fields.map(id => [id, byId(id).value]));
    const missing = fields.find(id => !body[id]);
    if (missing) {
      error.textContent = `Please fill in ${byId(missing).closest('label').firstChild.textContent.trim()}.`;
      error.hidden = false;
      byId(missing).focus();
      return;
    }
    try {
      await call('/dashboard/session', {method: 'POST', body, quiet401: true});
      location.assign(nextPage());
    } catch (failure) {
      error.textContent = failure.status === 401 ? 'Those credentials were refused.' : failure.message;
      error.hidden = false;
    } finally {
      if (keystone) byId('password').value = '';
    }
  });
}

main();
