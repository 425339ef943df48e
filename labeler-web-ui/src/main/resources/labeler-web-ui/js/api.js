// The labeling REST API as the signed-in browser session calls it.
let csrf = null;

export class ApiError extends Error {
  constructor(status, message, problem = {}) {
    super(message);
    this.status = status;
    this.problem = problem; // the problem document: field at fault, currentVersion, class in use...
  }
}

export async function session() {
  const response = await fetch('/labeler/session', { credentials: 'same-origin' });
  const body = await response.json();
  csrf = body.csrf;
  return body;
}

// The platform's form login; it answers with a redirect either way, so the session tells the outcome.
export async function signIn(username, password) {
  const form = new URLSearchParams({ username, password });
  if (csrf) form.set(csrf.parameter, csrf.token);
  await fetch('/web/login', { method: 'POST', body: form, redirect: 'manual', credentials: 'same-origin' });
  return session();
}

export function csrfHeaders() {
  return csrf ? { [csrf.header]: csrf.token } : {};
}

export async function call(method, path, { json, ifMatch } = {}) {
  // X-Requested-With: the server then answers a lapsed session with a plain 401, no Basic challenge
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...csrfHeaders() };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  if (response.status === 401) {
    // the session ended (signed out elsewhere, expired): back to the sign-in screen
    window.dispatchEvent(new Event('signed-out'));
  }
  if (!response.ok) {
    let detail = response.statusText;
    let problem = {};
    try {
      problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (e) { /* not a problem document */ }
    throw new ApiError(response.status, detail, problem);
  }
  return response.status === 204 ? null : response.json();
}

export const events = '/rest/labeler/events';
