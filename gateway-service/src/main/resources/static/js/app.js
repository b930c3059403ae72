// lead360 web application: sign-in, a hash router and the three areas (feedback, profile, admin).
import {
  api, ApiError, downloadJson, signIn, signInProviders, signInWithSsoCode, signOut as endSession, token, whenUnauthorized,
} from './api.js';
import { announce, h, notice, show } from './dom.js';
import { feedbackList, questionnaire } from './feedback.js';
import { profilePage } from './profile.js';
import { adminPage } from './admin.js';
import { forgotPasswordPage, setPasswordPage, settingsPage, unsubscribePage } from './account.js';

let me = null;

/** Pages anyone can open without signing in: where the links in mails and "forgot my password" lead. */
const PUBLIC_PAGES = ['forgot-password', 'set-password', 'unsubscribe'];

/** "#/page/id?key=value" → {page, id, params}. */
function parseHash() {
  const [path, query] = location.hash.slice(1).split('?');
  const [, page = '', id] = path.split('/');
  return { page, id, params: new URLSearchParams(query || '') };
}

/** Where to go after signing in: the page asked for, unless it is the sign-in page or a public one. */
function afterSignIn() {
  const { page } = parseHash();
  return location.hash && page && page !== 'sign-in' && !PUBLIC_PAGES.includes(page) ? location.hash : '#/feedback';
}

function isAdmin() {
  return !!me && Array.isArray(me.roles) && me.roles.includes('ADMIN');
}

function signInPage(message, kind = 'info') {
  const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const error = h('div', { id: 'sign-in-error', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', id: 'sign-in' }, 'Sign in');
  const providerList = h('div', { id: 'sso-providers', class: 'actions', hidden: true });
  const form = h('form', { class: 'card narrow', id: 'sign-in-form', novalidate: true },
    h('h1', {}, 'Sign in to lead360'),
    h('p', { class: 'muted' }, 'Give feedback, see your 360 profile, or run feedback cycles.'),
    message ? notice(message, kind) : null,
    h('div', { class: 'field' }, h('label', { for: 'email' }, 'Email'), email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, 'Password'), password),
    error,
    h('div', { class: 'actions' }, submit, h('a', { href: '#/forgot-password', id: 'forgot-password' }, 'Forgot your password?')),
    providerList);
  showProviders(providerList);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    if (!email.value.trim() || !password.value) {
      error.append(notice('Enter your email and password.', 'error'));
      (email.value.trim() ? password : email).focus();
      return;
    }
    submit.disabled = true;
    try {
      await signIn(email.value.trim(), password.value);
      await loadMe();
      const target = afterSignIn();
      if (location.hash === target) route(); else location.hash = target;
    } catch (e) {
      const text = e instanceof ApiError && e.status === 401 ? 'The email or password is not right.' : e.message;
      error.append(notice(text, 'error'));
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  renderChrome();
  show(form);
  email.focus();
}

/** "Sign in with <provider>" links for the single sign-on providers the gateway offers. */
async function showProviders(container) {
  const providers = await signInProviders();
  if (!providers.length) return;
  container.replaceChildren(h('p', { class: 'muted' }, 'Or use your organisation\'s account:'),
    ...providers.map((p) => h('a', { class: 'button secondary', href: p.loginUrl, 'data-provider': p.id },
      `Sign in with ${p.name}`)));
  container.hidden = false;
}

/** Why single sign-on did not sign someone in, in words (the reason comes from #sso-error=...). */
const SSO_ERRORS = {
  'not-registered': 'Your organisation account is not registered in lead360, or it is no longer active. '
    + 'Ask your lead360 administrator to add you with the same email address.',
  'email-not-verified': 'Your organisation account has no verified email address, so lead360 cannot tell who you are.',
  'no-email': 'Your organisation account did not share an email address with lead360.',
  unavailable: 'Single sign-on is not available right now. Please try again in a moment, or sign in with your password.',
  failed: 'Single sign-on did not complete. Please try again.',
};

/**
 * Single sign-on ends on "/#sso=<code>" or "/#sso-error=<reason>". The code is exchanged at once (it
 * works once, for 60 seconds) and removed from the address bar and history either way.
 */
async function finishSingleSignOn() {
  const hash = location.hash;
  if (!hash.startsWith('#sso=') && !hash.startsWith('#sso-error=')) return false;
  history.replaceState(null, '', location.pathname + location.search + '#/');
  if (hash.startsWith('#sso-error=')) {
    const reason = decodeURIComponent(hash.slice('#sso-error='.length));
    signInPage(SSO_ERRORS[reason] || SSO_ERRORS.failed, 'error');
    return true;
  }
  try {
    await signInWithSsoCode(decodeURIComponent(hash.slice('#sso='.length)));
    await loadMe();
    location.hash = '#/feedback';
  } catch (e) {
    signInPage(e instanceof ApiError && e.status === 401
      ? 'That sign-in link has expired or was already used. Please sign in again.' : e.message, 'error');
  }
  return true;
}

async function loadMe() {
  me = await api.get('/api/me');
  renderChrome();
}

function renderChrome() {
  const signedIn = !!token() && !!me;
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('account').hidden = !signedIn;
  document.getElementById('account-name').textContent = signedIn ? me.name || me.email : '';
  document.querySelectorAll('[data-role="ADMIN"]').forEach((el) => { el.hidden = !isAdmin(); });
  const { page } = parseHash();
  document.querySelectorAll('#nav a[data-page]').forEach((a) => {
    if (a.dataset.page === page) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

async function signOut() {
  await endSession();
  me = null;
  announce('You are signed out.');
  location.hash = '#/sign-in';
  signInPage('You are signed out.');
}

/**
 * The public pages. A link's token is taken out of the address bar and history at once (it works once,
 * and the address bar is what a shoulder or a screenshot sees).
 */
function publicPage(page, params) {
  renderChrome();
  const linkToken = params.get('token');
  if (linkToken) history.replaceState(null, '', `${location.pathname}${location.search}#/${page}`);
  if (page === 'forgot-password') forgotPasswordPage();
  else if (page === 'set-password') {
    setPasswordPage(linkToken, (message) => {
      history.replaceState(null, '', `${location.pathname}${location.search}#/sign-in`);
      signInPage(message, 'success');
    });
  } else unsubscribePage(linkToken);
}

async function route() {
  announce('');
  const { page, id, params } = parseHash();
  if (PUBLIC_PAGES.includes(page)) {
    publicPage(page, params);
    return;
  }
  if (!token()) {
    signInPage();
    return;
  }
  try {
    if (!me) await loadMe();
  } catch (e) {
    signInPage(e instanceof ApiError && e.status === 401 ? 'Please sign in again.' : e.message);
    return;
  }
  renderChrome();
  try {
    if (page === 'feedback' && id) await questionnaire(decodeURIComponent(id));
    else if (page === 'profile') await profilePage(me);
    else if (page === 'settings') await settingsPage();
    else if (page === 'admin' && isAdmin()) await adminPage(id ? decodeURIComponent(id) : null);
    else if (page === 'admin') show(h('h1', {}, 'Administration'), notice('Only administrators can open this page.', 'error'));
    else await feedbackList();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    show(h('h1', {}, 'Something went wrong'), notice(e.message, 'error'),
      h('p', {}, h('a', { href: '#/feedback' }, 'Back to my feedback')));
  }
}

whenUnauthorized(() => {
  me = null;
  signInPage('Your session has ended. Please sign in again.');
});
async function downloadMyData() {
  const button = document.getElementById('download-data');
  button.disabled = true;
  try {
    await downloadJson('/api/me/data', 'lead360-my-data.json');
    announce('Your data is downloading.', 'success');
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) announce(`Your data could not be downloaded: ${e.message}`, 'error');
  } finally {
    button.disabled = false;
  }
}

document.getElementById('sign-out').addEventListener('click', signOut);
document.getElementById('download-data').addEventListener('click', downloadMyData);
window.addEventListener('hashchange', () => {
  finishSingleSignOn().then((handled) => { if (!handled) route(); });
});
finishSingleSignOn().then((handled) => { if (!handled) route(); });
