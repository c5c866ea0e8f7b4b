// Screens without a signed-in superuser: sign-in (password, then OTP when MFA asks for it, or OTP alone), and the
// pages Basalt's mails link to (/_/#/auth/confirm-verification/TOKEN and the like), which call the public API.
import { html, nothing } from 'lit-html';
import { api, auth, ApiError } from './api.js';
import { button, input, run, update, go, fieldError, errors } from './ui.js';

const SUPERUSERS = '/api/collections/_superusers';
const signIn = { identity: '', password: '', code: '', otpId: '', mfaId: '', methods: null, step: 'password' };

/** Loads which sign-in methods the _superusers collection offers (once per visit of the page). */
function loadMethods() {
  if (signIn.methods) return;
  signIn.methods = { password: { enabled: true } };
  api.get(`${SUPERUSERS}/auth-methods`).then((m) => { signIn.methods = m; update(); }).catch(() => {});
}

function signedIn(res) {
  auth.save(res.token, res.record);
  Object.assign(signIn, { password: '', code: '', otpId: '', mfaId: '', step: 'password' });
  go('#/collections');
}

async function submitPassword(e) {
  e.preventDefault();
  await run('signin', async () => {
    try {
      signedIn(await api.post(`${SUPERUSERS}/auth-with-password`, { identity: signIn.identity, password: signIn.password }));
    } catch (err) {
      if (!(err instanceof ApiError) || !err.body.mfaId) throw err;
      // MFA: the password was right; a one-time password mailed to the superuser is the second factor.
      signIn.mfaId = err.body.mfaId;
      await requestOtp();
    }
  });
}

async function requestOtp() {
  const res = await api.post(`${SUPERUSERS}/request-otp`, { email: signIn.identity });
  signIn.otpId = res.otpId;
  signIn.step = 'otp';
}

async function submitOtp(e) {
  e.preventDefault();
  await run('signin', async () => {
    signedIn(await api.post(`${SUPERUSERS}/auth-with-otp`,
      { otpId: signIn.otpId, password: signIn.code, ...(signIn.mfaId ? { mfaId: signIn.mfaId } : {}) }));
  });
}

/** The sign-in screen. */
export function signInView() {
  loadMethods();
  const m = signIn.methods || {};
  const otpOnly = m.otp?.enabled && m.password && !m.password.enabled;
  const form = signIn.step === 'otp'
    ? html`<form @submit=${submitOtp}>
        <p>${signIn.mfaId ? 'Second step: ' : ''}we sent a one-time password to ${signIn.identity}.</p>
        ${input('One-time password', signIn, 'code', { required: true, autocomplete: 'one-time-code' })}
        ${button('Sign in', 'signin', null, { kind: 'primary', type: 'submit' })}
        <button type="button" class="link" @click=${() => { signIn.step = 'password'; signIn.mfaId = ''; update(); }}>Back</button>
      </form>`
    : html`<form @submit=${otpOnly ? (e) => { e.preventDefault(); run('signin', requestOtp); } : submitPassword}>
        ${input('Email', signIn, 'identity', { type: 'email', required: true, autocomplete: 'username' })}
        ${otpOnly ? nothing : input('Password', signIn, 'password', { type: 'password', required: true, autocomplete: 'current-password' })}
        ${button(otpOnly ? 'Send one-time password' : 'Sign in', 'signin', null, { kind: 'primary', type: 'submit' })}
        ${m.otp?.enabled && !otpOnly ? html`<button type="button" class="link"
            @click=${() => run('signin', requestOtp)}>Sign in with a one-time password</button>` : nothing}
      </form>`;
  return html`<main class="center-page"><section class="card narrow">
    <h1 class="brand">Basalt</h1><h2>Superuser sign-in</h2>
    ${errors.signin ? html`<p class="alert" role="alert">${errors.signin.message}</p>` : nothing}
    ${form}</section></main>`;
}

/** The collection a mail token belongs to (its collectionId claim), as PocketBase's dashboard reads it. */
function tokenCollection(token) {
  try {
    return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).collectionId || '';
  } catch { return ''; }
}

const confirm = { token: '', password: '', passwordConfirm: '', done: '', started: '' };

function confirmPath(token, action) {
  return `/api/collections/${encodeURIComponent(tokenCollection(token) || 'users')}/${action}`;
}

/** The public page a mail link opens: kind is verification, password-reset or email-change. */
export function confirmView(kind, token) {
  if (confirm.token !== token) Object.assign(confirm, { token, password: '', passwordConfirm: '', done: '', started: '' });
  let body;
  if (confirm.done) {
    body = html`<p class="success" role="status">${confirm.done}</p><p>You can close this page now.</p>`;
  } else if (kind === 'verification') {
    if (!confirm.started) {
      confirm.started = 'yes';
      run('confirm', async () => {
        await api.post(confirmPath(token, 'confirm-verification'), { token });
        confirm.done = 'Your email address is verified.';
      });
    }
    body = errors.confirm ? html`<p class="alert" role="alert">Invalid or expired verification token. ${errors.confirm.message}</p>`
      : html`<p role="status"><span class="spinner"></span> Verifying your email address...</p>`;
  } else if (kind === 'password-reset') {
    body = html`<form @submit=${(e) => { e.preventDefault(); run('confirm', async () => {
        await api.post(confirmPath(token, 'confirm-password-reset'),
          { token, password: confirm.password, passwordConfirm: confirm.passwordConfirm });
        confirm.done = 'Your password has been changed.'; }); }}>
      ${errors.confirm ? html`<p class="alert" role="alert">${errors.confirm.message}</p>` : nothing}
      ${input('New password', confirm, 'password', { type: 'password', required: true, autocomplete: 'new-password', error: fieldError('confirm', 'password') })}
      ${input('Confirm new password', confirm, 'passwordConfirm', { type: 'password', required: true, autocomplete: 'new-password', error: fieldError('confirm', 'passwordConfirm') })}
      ${button('Set new password', 'confirm', null, { kind: 'primary', type: 'submit' })}</form>`;
  } else {
    body = html`<form @submit=${(e) => { e.preventDefault(); run('confirm', async () => {
        await api.post(confirmPath(token, 'confirm-email-change'), { token, password: confirm.password });
        confirm.done = 'Your email address has been changed.'; }); }}>
      <p>Type your password to confirm the change of your email address.</p>
      ${errors.confirm ? html`<p class="alert" role="alert">${errors.confirm.message}</p>` : nothing}
      ${input('Password', confirm, 'password', { type: 'password', required: true, autocomplete: 'current-password', error: fieldError('confirm', 'password') })}
      ${button('Confirm new email', 'confirm', null, { kind: 'primary', type: 'submit' })}</form>`;
  }
  const titles = { verification: 'Email verification', 'password-reset': 'Reset your password', 'email-change': 'Confirm your new email' };
  return html`<main class="center-page"><section class="card narrow"><h1>${titles[kind]}</h1>${body}</section></main>`;
}
