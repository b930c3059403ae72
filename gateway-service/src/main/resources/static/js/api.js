// The lead360 API through the gateway. The access token lives in sessionStorage only: it is gone
// when the tab closes, and signing out forgets it.

const TOKEN_KEY = 'lead360.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `Request failed (${status})`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The endpoint is not there (yet): the server is older than this page. */
  get unsupported() {
    return this.status === 404 || this.status === 405 || this.status === 501;
  }

  /** Field errors of a validation problem: [{field, message}]. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

let onUnauthorized = () => {};
export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

async function request(method, path, body, { contentType = 'application/json', accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const current = token();
  if (current) headers.Authorization = `Bearer ${current}`;
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    payload = contentType === 'application/json' ? JSON.stringify(body) : body;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch (e) {
    throw new ApiError(0, { detail: 'The server cannot be reached. Check your connection and try again.' });
  }
  if (response.status === 401 && path !== '/api/auth/token') {
    forgetToken();
    onUnauthorized();
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (ignored) {
      problem = null;
    }
    throw new ApiError(response.status, problem);
  }
  if (accept !== 'application/json') return response.blob();
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body),
  put: (path, body) => request('PUT', path, body),
  postText: (path, text, contentType) => request('POST', path, text, { contentType }),
  blob: (path, accept) => request('GET', path, undefined, { accept }),
};

export async function signIn(email, password) {
  const answer = await request('POST', '/api/auth/token', { email, password });
  sessionStorage.setItem(TOKEN_KEY, answer.accessToken);
  return answer;
}
