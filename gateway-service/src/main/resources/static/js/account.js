// The pages behind the links in lead360's mails (set a password, turn reminders off), "forgot my
// password", and a person's own mail settings.
import { api, ApiError, requestPasswordMail, setPassword, unsubscribe } from './api.js';
import { h, notice, show } from './dom.js';

const MIN_PASSWORD = 8;
const MAX_PASSWORD_BYTES = 72;

function field(id, label, input, hint) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('p', { class: 'muted hint', id: `${id}-hint` }, hint) : null, input);
}

/** "Forgot your password?": one address in, the same answer whether or not lead360 knows it. */
export function forgotPasswordPage() {
  const email = h('input', { id: 'reset-email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const message = h('div', { id: 'reset-message', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', id: 'reset-send' }, 'Send me a link');
  const form = h('form', { class: 'card narrow', id: 'reset-form', novalidate: true },
    h('h1', {}, 'Set or reset your password'),
    h('p', { class: 'muted' }, 'Enter the address lead360 writes to you at. If it belongs to someone lead360 knows, '
      + 'a mail with a link to set a password goes there; the link works once, for 24 hours.'),
    field('reset-email', 'Email', email),
    message,
    h('div', { class: 'actions' }, submit, h('a', { href: '#/sign-in' }, 'Back to sign-in')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    if (!email.value.trim()) {
      message.append(notice('Enter your email address.', 'error'));
      email.focus();
      return;
    }
    submit.disabled = true;
    try {
      await requestPasswordMail(email.value.trim());
      // the server answers the same for every address: so does this page
      message.append(notice(`If ${email.value.trim()} belongs to someone lead360 knows, a mail with a link is on its way. `
        + 'It may take a minute; look in your spam folder too.', 'success'));
    } catch (e) {
      message.append(notice(e.status === 429 ? 'Too many attempts from here; please wait a few minutes.' : e.message, 'error'));
    } finally {
      submit.disabled = false;
    }
  });
  show(form);
  email.focus();
}

/** The page of a set-password link: the token came in the address and is already gone from it. */
export function setPasswordPage(linkToken, onDone) {
  if (!linkToken) {
    show(h('div', { class: 'card narrow' }, h('h1', {}, 'Set your password'),
      notice('This link is incomplete. Ask for a new one below.', 'error'),
      h('p', {}, h('a', { href: '#/forgot-password' }, 'Get a new link'))));
    return;
  }
  const password = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true,
    minlength: MIN_PASSWORD, 'aria-describedby': 'new-password-hint' });
  const again = h('input', { id: 'new-password-again', type: 'password', autocomplete: 'new-password', required: true });
  const message = h('div', { id: 'set-password-message', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', id: 'set-password' }, 'Set password');
  const form = h('form', { class: 'card narrow', id: 'set-password-form', novalidate: true },
    h('h1', {}, 'Set your password'),
    field('new-password', 'New password', password, `At least ${MIN_PASSWORD} characters. Signing in everywhere else ends.`),
    field('new-password-again', 'The same again', again),
    message,
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    const bytes = new TextEncoder().encode(password.value).length;
    let problem = null;
    if ([...password.value].length < MIN_PASSWORD) problem = `The password needs at least ${MIN_PASSWORD} characters.`;
    else if (bytes > MAX_PASSWORD_BYTES) problem = 'The password is too long (at most 72 bytes).';
    else if (password.value !== again.value) problem = 'The two passwords are not the same.';
    if (problem) {
      message.append(notice(problem, 'error'));
      password.focus();
      return;
    }
    submit.disabled = true;
    try {
      await setPassword(linkToken, password.value);
      onDone('Your password is set. Sign in with it now.');
    } catch (e) {
      const tokenProblem = e instanceof ApiError && e.fieldErrors.some((f) => f.field === 'token');
      message.append(notice(tokenProblem ? 'This link has been used or has expired.' : e.message, 'error'));
      if (tokenProblem) message.append(h('p', {}, h('a', { href: '#/forgot-password' }, 'Get a new link')));
      submit.disabled = false;
    }
  });
  show(form);
  password.focus();
}

/** The page of a reminder's "no more reminders" link: it asks first, so a link checker changes nothing. */
export function unsubscribePage(linkToken) {
  const message = h('div', { id: 'unsubscribe-message', 'aria-live': 'polite' });
  const confirm = h('button', { type: 'button', id: 'unsubscribe' }, 'Turn reminders off');
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    message.replaceChildren();
    try {
      await unsubscribe(linkToken);
      confirm.hidden = true;
      message.append(notice('Reminders are off. Invitations to new cycles and "results are ready" mails still come; '
        + 'you can turn reminders back on in your settings after signing in.', 'success'));
    } catch (e) {
      confirm.disabled = false;
      message.append(notice(e.status === 400 ? 'This link is not valid. Sign in and turn reminders off in your settings.' : e.message, 'error'));
    }
  });
  show(h('div', { class: 'card narrow' }, h('h1', {}, 'No more reminder mails?'),
    h('p', {}, 'lead360 reminds you before a cycle closes while your feedback is still open. You can turn that off.'),
    message, h('div', { class: 'actions' }, confirm, h('a', { href: '#/feedback' }, 'Go to lead360'))));
}

const LANGUAGES = [['', 'Organisation default'], ['en', 'English'], ['de', 'Deutsch']];

/** A person's own mail settings: reminders on or off, the language of the mails. */
export async function settingsPage() {
  const current = await api.get('/api/me/notifications');
  const reminders = h('input', { id: 'setting-reminders', type: 'checkbox', checked: !!current.reminders });
  const language = h('select', { id: 'setting-language' },
    LANGUAGES.map(([value, label]) => h('option', { value, selected: (current.language || '') === value }, label)));
  const message = h('div', { id: 'settings-message', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', id: 'settings-save' }, 'Save');
  const form = h('form', { class: 'card narrow', id: 'settings-form' },
    h('h1', {}, 'My settings'),
    h('div', { class: 'field checkbox' }, reminders, h('label', { for: 'setting-reminders' },
      'Remind me by mail while my feedback is open')),
    h('p', { class: 'muted' }, 'Invitations and "your results are ready" mails always come.'),
    field('setting-language', 'Language of my mails', language),
    message,
    h('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    message.replaceChildren();
    try {
      const saved = await api.put('/api/me/notifications', { reminders: reminders.checked, language: language.value || null });
      message.append(notice(saved.reminders ? 'Saved: reminders are on.' : 'Saved: reminders are off.', 'success'));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) message.append(notice(`Not saved: ${e.message}`, 'error'));
    } finally {
      save.disabled = false;
    }
  });
  show(form);
}
