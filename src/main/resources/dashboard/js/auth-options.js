// The options tab of an auth collection: password, OAuth2 (oauth2.js), OTP and MFA sign-in, token durations and the
// mail templates (verification, password reset, email change, OTP, login alert).
import { html } from 'lit-html';
import { input, checkbox, update } from './ui.js';
import { errorAt } from './collection-editor.js';
import { oauth2View } from './oauth2.js';

const TOKENS = [['authToken', 'Auth token'], ['verificationToken', 'Verification token'],
  ['passwordResetToken', 'Password reset token'], ['emailChangeToken', 'Email change token'], ['fileToken', 'File token']];
const TEMPLATES = [['verificationTemplate', 'Verification mail'], ['resetPasswordTemplate', 'Password reset mail'],
  ['confirmEmailChangeTemplate', 'Email change mail']];

const obj = (d, key) => (d[key] = d[key] || {});

/** One mail template's subject and body; path locates it in the server's field errors (e.g. "otp.emailTemplate"). */
function template(t, label, path) {
  return html`<fieldset><legend>${label}</legend>
    ${input(`${label} subject`, t, 'subject', { error: errorAt(`${path}.subject`) })}
    <label class="field"><span>${label} body (HTML)</span><textarea class="code" rows="4" .value=${t.body || ''}
      @input=${(e) => { t.body = e.target.value; }}></textarea>${errorAt(`${path}.body`)}</label></fieldset>`;
}

/** The options tab. */
export function authOptionsView(d) {
  const pw = obj(d, 'passwordAuth');
  const otp = obj(d, 'otp');
  const mfa = obj(d, 'mfa');
  const alert = obj(d, 'authAlert');
  return html`<fieldset><legend>Password sign-in</legend>${checkbox('Enable password sign-in', pw, 'enabled')}
      <label class="field"><span>Identity fields</span><input .value=${(pw.identityFields || []).join(', ')}
        @change=${(e) => { pw.identityFields = e.target.value.split(',').map((s) => s.trim()).filter(Boolean); update(); }}>
        ${errorAt('passwordAuth.identityFields')}</label></fieldset>
    ${oauth2View(d)}
    <fieldset><legend>One-time password (OTP)</legend>${checkbox('Enable OTP', otp, 'enabled')}
      <div class="grid2">${input('OTP duration (seconds)', otp, 'duration', { type: 'number', error: errorAt('otp.duration') })}
      ${input('OTP length', otp, 'length', { type: 'number', error: errorAt('otp.length') })}</div>
      ${template(obj(otp, 'emailTemplate'), 'OTP mail', 'otp.emailTemplate')}</fieldset>
    <fieldset><legend>Multi-factor authentication (MFA)</legend>${checkbox('Enable MFA', mfa, 'enabled')}
      ${input('MFA duration (seconds)', mfa, 'duration', { type: 'number', error: errorAt('mfa.duration') })}
      ${input('MFA rule', mfa, 'rule', { error: errorAt('mfa.rule') })}</fieldset>
    <fieldset><legend>Token durations (seconds)</legend><div class="grid3">${TOKENS.map(([key, label]) =>
      input(label, obj(d, key), 'duration', { type: 'number', error: errorAt(`${key}.duration`) }))}</div></fieldset>
    ${TEMPLATES.map(([key, label]) => template(obj(d, key), label, key))}
    <fieldset><legend>Login alert</legend>${checkbox('Send a login alert from a new location', alert, 'enabled')}
      ${template(obj(alert, 'emailTemplate'), 'Login alert mail', 'authAlert.emailTemplate')}</fieldset>
    <p class="muted">Placeholders: {APP_NAME}, {APP_URL}, {TOKEN}, {OTP}, {OTP_ID}, {ALERT_INFO} and {RECORD:field}.
      Settings, Mail settings sends a test of each template.</p>`;
}
