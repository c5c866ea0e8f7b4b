// The sections of the settings screen, with PocketBase's settings keys: application, mail (with a test send), file
// storage and backups (each with a bucket test), rate limits, trusted proxy, batch, logs and superuser IPs.
import { html, nothing } from 'lit-html';
import { api } from './api.js';
import { run, update, input, checkbox, listInput, button, errors, errorIn } from './ui.js';
import { sectionForm, overridden, overrideNote, state } from './settings.js';
import { importView, exportView } from './import-export.js';

const TEMPLATES = [['verification', 'Verification'], ['password-reset', 'Password reset'], ['email-change', 'Email change'],
  ['otp', 'One-time password'], ['login-alert', 'Login alert']];
const LEVELS = [[-4, 'Debug'], [0, 'Info'], [4, 'Warning'], [8, 'Error']];
const AUDIENCES = [['', 'Everyone'], ['@guest', 'Guests only'], ['@auth', 'Signed-in only']];

const err = (path) => errorIn('settings', path);
const field = (label, obj, prop, path, opts = {}) => input(label, obj, prop, { error: err(path), disabled: overridden(path), ...opts });
const num = (label, obj, prop, path) => field(label, obj, prop, path, { type: 'number' });

/** A labelled select bound to obj[prop]; options are [value, label] pairs. */
function select(id, label, obj, prop, options, { numeric = false, path = '' } = {}) {
  return html`<div class="field"><label for=${id}><span>${label}</span></label>
    <select id=${id} @change=${(e) => { obj[prop] = numeric ? Number(e.target.value) : e.target.value; update(); }}>
      ${options.map(([v, l]) => html`<option value=${v} ?selected=${String(obj[prop] ?? '') === String(v)}>${l}</option>`)}</select>
    ${path ? err(path) : nothing}</div>`;
}

/** A write-only secret: never shown (the API leaves it out), blank keeps the stored one. */
function secret(label, obj, prop, path) {
  return field(label, obj, prop, path, { type: 'password', autocomplete: 'new-password', placeholder: 'Unchanged (write-only)' });
}

/** True while any of these sections has edits not saved yet: the tests use the saved settings. */
const unsaved = (...keys) => keys.some((k) => JSON.stringify(state.draft[k]) !== JSON.stringify(state.saved[k]));

const testState = { email: '', template: 'verification', collection: '_superusers', emailResult: '', s3Result: {} };

async function testEmail() {
  testState.emailResult = '';
  const ok = await run('test-email', () => api.post('/api/settings/test/email',
    { email: testState.email, template: testState.template, collection: testState.collection }).then(() => true));
  if (ok) testState.emailResult = `Test email sent to ${testState.email}.`;
  update();
}

async function testS3(filesystem) {
  testState.s3Result[filesystem] = '';
  const ok = await run(`test-s3-${filesystem}`, () => api.post('/api/settings/test/s3', { filesystem }).then(() => true));
  if (ok) testState.s3Result[filesystem] = 'The bucket can be written, read and deleted from.';
  update();
}

function application(d) {
  const m = d.meta;
  return sectionForm(['meta'], html`<div class="grid2">${field('Application name', m, 'appName', 'meta.appName')}
      ${field('Application URL', m, 'appURL', 'meta.appURL', { type: 'url' })}</div>
    ${field('Accent color', m, 'accentColor', 'meta.accentColor', { type: 'color' })}
    ${checkbox('Hide collection create and edit controls', m, 'hideControls')}
    <p class="muted">The name and URL appear in mails; the accent color and the hidden controls apply to this dashboard.</p>`);
}

function mail(d) {
  const m = d.meta;
  const s = d.smtp;
  const t = testState;
  const dirty = unsaved('meta', 'smtp');
  const test = html`<fieldset><legend>Send a test email</legend>
    <p class="muted">${dirty ? 'Save the changes above first: the test uses the saved settings.' : 'Uses the saved settings.'}</p>
    <div class="grid3">${input('Test recipient', t, 'email', { type: 'email', error: errorIn('test-email', 'email') })}
      ${select('test-template', 'Template', t, 'template', TEMPLATES, { path: '' })}
      ${input('Auth collection', t, 'collection', { error: errorIn('test-email', 'collection') })}</div>
    ${errors['test-email'] ? html`<p class="alert" role="alert">${errors['test-email'].message}</p>` : nothing}
    ${t.emailResult ? html`<p class="success" role="status">${t.emailResult}</p>` : nothing}
    ${button('Send test email', 'test-email', testEmail, { disabled: dirty })}</fieldset>`;
  return sectionForm(['meta', 'smtp'], html`<div class="grid2">${field('Sender name', m, 'senderName', 'meta.senderName')}
      ${field('Sender address', m, 'senderAddress', 'meta.senderAddress', { type: 'email' })}</div>
    <fieldset><legend>SMTP server</legend>${checkbox('Use an SMTP server', s, 'enabled')}
      <p class="muted">Without one, mails are written to the server's log.</p>
      <div class="grid3">${field('SMTP host', s, 'host', 'smtp.host')}${num('SMTP port', s, 'port', 'smtp.port')}
        ${select('smtp-auth', 'Auth method', s, 'authMethod', [['', 'Automatic'], ['PLAIN', 'PLAIN'], ['LOGIN', 'LOGIN']], { path: 'smtp.authMethod' })}
        ${field('SMTP username', s, 'username', 'smtp.username', { autocomplete: 'off' })}${secret('SMTP password', s, 'password', 'smtp.password')}
        ${field('Local name (HELO)', s, 'localName', 'smtp.localName')}</div>
      ${checkbox('Implicit TLS (SMTPS, usually port 465)', s, 'tls')}</fieldset>`, test);
}

/** An S3 bucket's fields (files or backups), read-only when the configuration overrides it. */
function bucket(s3, path, filesystem) {
  const off = overridden(path);
  const result = testState.s3Result[filesystem];
  const dirty = unsaved(path.split('.')[0]);
  return html`<fieldset><legend>S3 bucket</legend>${overrideNote(path)}
    ${checkbox(filesystem === 'storage' ? 'Store new files in S3' : 'Store backups in S3', s3, 'enabled', { disabled: off })}
    <div class="grid2">${field('Bucket', s3, 'bucket', `${path}.bucket`)}${field('Region', s3, 'region', `${path}.region`)}
      ${field('Endpoint', s3, 'endpoint', `${path}.endpoint`, { type: 'url' })}${field('Access key', s3, 'accessKey', `${path}.accessKey`)}
      ${off ? nothing : secret('Secret', s3, 'secret', `${path}.secret`)}</div>
    ${checkbox('Force path-style addressing', s3, 'forcePathStyle', { disabled: off })}
    <div class="row">${button(filesystem === 'storage' ? 'Test file storage' : 'Test backups storage', `test-s3-${filesystem}`, () => testS3(filesystem), { disabled: dirty })}
      ${result ? html`<span class="success" role="status">${result}</span>` : nothing}</div>
    ${errors[`test-s3-${filesystem}`] ? html`<p class="alert" role="alert">${errors[`test-s3-${filesystem}`].message}</p>` : nothing}
    <p class="muted">${dirty ? 'Save the changes first: the test uses the saved settings.' : 'The test uses the saved settings.'}</p></fieldset>`;
}

function storage(d) {
  return sectionForm(['s3'], html`<p class="muted">Files are stored in PostgreSQL unless a bucket is enabled; existing files
    stay where they are.</p>${bucket(d.s3, 's3', 'storage')}`);
}

function backups(d) {
  const b = d.backups;
  return sectionForm(['backups'], html`<div class="grid2">${field('Backup schedule (cron)', b, 'cron', 'backups.cron', { placeholder: '0 3 * * * (empty: none)' })}
      ${num('Scheduled backups to keep', b, 'cronMaxKeep', 'backups.cronMaxKeep')}</div>
    <p class="muted">Five-field cron in UTC, e.g. <code>0 3 * * *</code> every night at 03:00. <a href="#/backups">Backups</a></p>
    ${bucket(b.s3, 'backups.s3', 'backups')}`);
}

function rateLimits(d) {
  const r = d.rateLimits;
  const rules = r.rules;
  return sectionForm(['rateLimits'], html`${checkbox('Enable rate limits', r, 'enabled')}
    <p class="muted">At most N requests per interval per client IP. A label is a tag (<code>users:create</code>, <code>*:auth</code>),
      a path (<code>/api/batch</code>) or a path prefix ending in <code>/</code>, optionally after a method.</p>
    ${rules.map((rule, i) => html`<fieldset aria-label="Rule ${i + 1}"><legend>Rule ${i + 1}</legend><div class="grid3 rule">
      ${input(`Rule ${i + 1} label`, rule, 'label', { error: err(`rateLimits.rules.${i}.label`) })}
      ${input(`Rule ${i + 1} max requests`, rule, 'maxRequests', { type: 'number', error: err(`rateLimits.rules.${i}.maxRequests`) })}
      ${input(`Rule ${i + 1} interval (seconds)`, rule, 'duration', { type: 'number', error: err(`rateLimits.rules.${i}.duration`) })}
      ${select(`rule-${i}-audience`, `Rule ${i + 1} audience`, rule, 'audience', AUDIENCES)}</div>
      <button type="button" class="danger" @click=${() => { rules.splice(i, 1); update(); }}>Remove rule ${i + 1}</button></fieldset>`)}
    <button type="button" @click=${() => { rules.push({ label: '', maxRequests: 100, duration: 10, audience: '' }); update(); }}>Add rule</button>
    ${listInput('Excluded IPs or subnets', r, 'excludedIPs', { placeholder: '10.0.0.0/8, 192.168.1.5', error: err('rateLimits.excludedIPs') })}`);
}

function trustedProxy(d) {
  const p = d.trustedProxy;
  return sectionForm(['trustedProxy'], html`<p class="muted">Behind a reverse proxy, the client's address comes from these headers
    (tried in order). Leave empty when clients connect directly: the headers could be forged.</p>
    ${listInput('Client IP headers', p, 'headers', { placeholder: 'X-Forwarded-For, X-Real-IP', error: err('trustedProxy.headers') })}
    ${checkbox('Use the leftmost IP of a list (instead of the one the nearest proxy appended)', p, 'useLeftmostIP')}`);
}

function batch(d) {
  const b = d.batch;
  return sectionForm(['batch'], html`${overrideNote('batch.enabled')}${checkbox('Enable the batch API', b, 'enabled', { disabled: overridden('batch.enabled') })}
    <div class="grid3">${num('Max requests per batch', b, 'maxRequests', 'batch.maxRequests')}
      ${num('Timeout (seconds)', b, 'timeout', 'batch.timeout')}${num('Max body size (bytes, 0: 32 MiB)', b, 'maxBodySize', 'batch.maxBodySize')}</div>
    ${['batch.maxRequests', 'batch.timeout', 'batch.maxBodySize'].map(overrideNote)}`);
}

function logs(d) {
  const l = d.logs;
  return sectionForm(['logs'], html`<div class="grid2">${num('Keep logs for (days, 0: none)', l, 'maxDays', 'logs.maxDays')}
      ${select('logs-level', 'Minimum level', l, 'minLevel', LEVELS, { numeric: true, path: 'logs.minLevel' })}</div>
    ${checkbox('Log the client IP', l, 'logIP')}${checkbox('Log the auth id', l, 'logAuthId')}`);
}

function superuserIPs(d) {
  return sectionForm(['superuserIPs'], html`<p class="muted">Superusers may only sign in and act from these addresses or subnets
    (empty: from anywhere). Include your own, or you lock yourself out.</p>
    ${listInput('Superuser IPs or subnets', d, 'superuserIPs', { placeholder: '127.0.0.1, 10.0.0.0/8', error: err('superuserIPs') })}`);
}

/** The sections, in the order of the sidebar. */
export const SECTIONS = [
  { id: 'application', title: 'Application', view: application },
  { id: 'mail', title: 'Mail settings', view: mail },
  { id: 'storage', title: 'File storage', view: storage },
  { id: 'backups', title: 'Backup options', view: backups },
  { id: 'rate-limits', title: 'Rate limits', view: rateLimits },
  { id: 'trusted-proxy', title: 'Trusted proxy', view: trustedProxy },
  { id: 'batch', title: 'Batch API', view: batch },
  { id: 'logs', title: 'Log retention', view: logs },
  { id: 'superuser-ips', title: 'Superuser IPs', view: superuserIPs },
  { id: 'export', title: 'Export collections', view: exportView },
  { id: 'import', title: 'Import collections', view: importView },
];
