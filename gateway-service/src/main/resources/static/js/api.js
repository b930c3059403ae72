// The lead360 API through the gateway. Tokens live in sessionStorage only: they are gone when the tab
// closes, and signing out forgets them. The access token is short-lived (15 minutes); it is renewed with
// the single-use refresh token shortly before it expires, or once when the server answers 401.

const ACCESS_KEY = 'lead360.token';
const REFRESH_KEY = 'lead360.refreshToken';
const EXPIRES_KEY = 'lead360.expiresAt';
/** Renew this long before the access token expires, so a request never goes out with a dying token. */
const RENEW_BEFORE_MS = 60 * 1000;
/**
 * Sign-in endpoints and the doors of the links in mails: called without a bearer token; their 401 means
 * wrong input, not an expired token.
 */
const SIGN_IN_PATHS = ['/api/auth/token', '/api/auth/refresh', '/api/auth/sso/token', '/api/auth/password-reset',
  '/api/auth/password', '/api/mail/unsubscribe'];

function isSignInPath(path) {
  return SIGN_IN_PATHS.includes(path.split('?')[0]);
}

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
  return sessionStorage.getItem(ACCESS_KEY);
}

function refreshToken() {
  return sessionStorage.getItem(REFRESH_KEY);
}

function expiresAt() {
  return Number(sessionStorage.getItem(EXPIRES_KEY) || 0);
}

let renewTimer = null;

export function forgetToken() {
  sessionStorage.removeItem(ACCESS_KEY);
  sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
  clearTimeout(renewTimer);
  renewTimer = null;
}

/** Keeps a token response ({accessToken, expiresIn, refreshToken}) and plans its renewal. */
function keep(answer) {
  sessionStorage.setItem(ACCESS_KEY, answer.accessToken);
  if (answer.refreshToken) sessionStorage.setItem(REFRESH_KEY, answer.refreshToken);
  else sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.setItem(EXPIRES_KEY, String(Date.now() + Number(answer.expiresIn || 0) * 1000));
  planRenewal();
}

function planRenewal() {
  clearTimeout(renewTimer);
  renewTimer = null;
  if (!token() || !refreshToken()) return;
  const delay = Math.max(0, expiresAt() - Date.now() - RENEW_BEFORE_MS);
  renewTimer = setTimeout(() => { renew().catch(() => {}); }, delay);
}

let onUnauthorized = () => {};
export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

function endSession() {
  forgetToken();
  onUnauthorized();
}

let renewal = null;

/**
 * Trades the refresh token for new tokens. One renewal at a time: a refresh token works once, so two
 * parallel refreshes would end the whole session (the server treats reuse as theft).
 */
function renew() {
  if (!renewal) {
    renewal = (async () => {
      const current = refreshToken();
      if (!current) throw new ApiError(401, { detail: 'Please sign in again.' });
      const response = await send('POST', '/api/auth/refresh', { refreshToken: current });
      if (!response.ok) {
        // 401: the session has ended (signed out elsewhere, expired, deactivated); anything else: try later
        if (response.status === 401) endSession();
        throw await problemOf(response);
      }
      keep(await response.json());
    })().finally(() => { renewal = null; });
  }
  return renewal;
}

async function send(method, path, body, { contentType = 'application/json', accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const current = token();
  if (current && !isSignInPath(path)) headers.Authorization = `Bearer ${current}`;
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    payload = contentType === 'application/json' ? JSON.stringify(body) : body;
  }
  try {
    return await fetch(path, { method, headers, body: payload });
  } catch (e) {
    throw new ApiError(0, { detail: 'The server cannot be reached. Check your connection and try again.' });
  }
}

async function problemOf(response) {
  let problem = null;
  try {
    problem = await response.json();
  } catch (ignored) {
    problem = null;
  }
  return new ApiError(response.status, problem);
}

/** The response of a call, after a renewal and retry on 401; throws an ApiError for any answer but 2xx. */
async function exchange(method, path, body, options = {}) {
  const authenticated = !isSignInPath(path);
  if (authenticated && token() && refreshToken() && expiresAt() - Date.now() < RENEW_BEFORE_MS / 2) {
    await renew().catch(() => {});
  }
  let response = await send(method, path, body, options);
  if (response.status === 401 && authenticated && token()) {
    // the token may have expired while the tab slept: renew once and retry once
    let renewed = false;
    if (refreshToken()) {
      renewed = await renew().then(() => true, () => false);
    }
    if (renewed) response = await send(method, path, body, options);
    // a refused renewal has already ended the session
    if (response.status === 401 && token()) endSession();
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function request(method, path, body, options = {}) {
  const response = await exchange(method, path, body, options);
  if ((options.accept || 'application/json') !== 'application/json') return response.blob();
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body),
  put: (path, body) => request('PUT', path, body),
  postText: (path, text, contentType) => request('POST', path, text, { contentType }),
  /** The same, answering {status, location, body}: for a call that may answer 202 with a job to follow. */
  postTextForJob: async (path, text, contentType) => {
    const response = await exchange('POST', path, text, { contentType });
    const answer = await response.text();
    return { status: response.status, location: response.headers.get('Location'), body: answer ? JSON.parse(answer) : null };
  },
  blob: (path, accept) => request('GET', path, undefined, { accept }),
};

export async function signIn(email, password) {
  keep(await request('POST', '/api/auth/token', { email, password }));
}

/** Exchanges the single-use code single sign-on left in the address (#sso=...) for tokens. */
export async function signInWithSsoCode(code) {
  keep(await request('POST', '/api/auth/sso/token', { code }));
}

/** Asks for a mail with a set-password link; the answer is the same whether or not the address is known. */
export async function requestPasswordMail(email) {
  await request('POST', '/api/auth/password-reset', { email });
}

/** Sets the password with the single-use token of a mail's link. */
export async function setPassword(linkToken, password) {
  await request('POST', '/api/auth/password', { token: linkToken, password });
}

/** Turns reminder mails off with the token of a reminder's link. */
export async function unsubscribe(linkToken) {
  await request('POST', `/api/mail/unsubscribe?token=${encodeURIComponent(linkToken)}`);
}

/** Ends the session on the server (its tokens stop working at once), then forgets the tokens here. */
export async function signOut() {
  try {
    // an expired access token could not end the session: renew it first
    if (token() && refreshToken() && expiresAt() <= Date.now()) await renew().catch(() => {});
    if (token()) await send('POST', '/api/auth/sign-out');
  } finally {
    forgetToken();
  }
}

/** The OpenID Connect providers the gateway offers: [{id, name, loginUrl}]; none when it cannot tell. */
export async function signInProviders() {
  try {
    const providers = await request('GET', '/api/auth/providers');
    // only same-origin login URLs: a link must never lead the browser anywhere else
    return Array.isArray(providers)
      ? providers.filter((p) => p && typeof p.loginUrl === 'string' && p.loginUrl.startsWith('/oauth2/authorization/'))
      : [];
  } catch (e) {
    return [];
  }
}

/** Saves a JSON answer of the API as a file (the request needs the bearer token, so no plain link). */
export async function downloadJson(path, filename) {
  const data = await request('GET', path);
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// a page reload keeps the tokens (sessionStorage): keep renewing them
planRenewal();
