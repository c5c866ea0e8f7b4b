// The backups screen (#/backups): create, download (through a superuser file token), upload, restore after
// confirmation, delete; and the cron jobs (#/crons) with "Run now".
import { html, nothing } from 'lit-html';
import { api } from './api.js';
import { run, update, button, input, confirmed, shortDate, errors, fieldError } from './ui.js';

const state = { items: null, loading: false, name: '', upload: null, crons: null, cronsLoading: false, ran: {} };

const size = (bytes) => (bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`);

async function reload() {
  state.loading = true;
  const res = await run('backups', () => api.get('/api/backups'));
  state.loading = false;
  if (res) state.items = res;
  update();
}

async function create(e) {
  e.preventDefault();
  const ok = await run('backup-create', () => api.post('/api/backups', state.name ? { name: state.name } : {}).then(() => true),
    'Backup created.');
  if (ok) { state.name = ''; reload(); }
}

/** Downloads through a short-lived file token: a plain link cannot carry the Authorization header. */
async function download(b) {
  const res = await run(`download-${b.key}`, () => api.post('/api/files/token', {}));
  if (!res) return;
  const a = document.createElement('a');
  a.href = `/api/backups/${encodeURIComponent(b.key)}?token=${encodeURIComponent(res.token)}`;
  a.download = b.key;
  document.body.append(a);
  a.click();
  a.remove();
}

async function restore(b) {
  if (!confirmed(`Restore the backup "${b.key}"? The database and files are replaced by the backup's; changes made since are lost.`)) return;
  await run(`restore-${b.key}`, () => api.post(`/api/backups/${encodeURIComponent(b.key)}/restore`, {}),
    `Backup ${b.key} restored.`);
  reload();
}

async function remove(b) {
  if (!confirmed(`Delete the backup "${b.key}"? This cannot be undone.`)) return;
  await run(`delete-${b.key}`, () => api.del(`/api/backups/${encodeURIComponent(b.key)}`), 'Backup deleted.');
  reload();
}

async function upload(e) {
  e.preventDefault();
  if (!state.upload) return;
  const fd = new FormData();
  fd.append('file', state.upload);
  const ok = await run('backup-upload', () => api.post('/api/backups/upload', fd).then(() => true), 'Backup uploaded.');
  if (ok) { state.upload = null; e.target.reset(); reload(); }
}

/** The screen for #/backups. */
export function view() {
  if (state.items === null && !state.loading && !errors.backups) reload();
  const items = state.items || [];
  return html`<main class="main">
    <div class="toolbar"><h1>Backups</h1><span class="grow"></span>${button('Refresh', 'backups', reload)}
      <a class="button" href="#/settings/backups">Backup options</a></div>
    <p class="muted">A backup is a zip of the database and the stored files. A restore replaces both while the server keeps serving.</p>
    ${errors.backups ? html`<p class="alert" role="alert">${errors.backups.message}</p>` : nothing}
    <div class="grid2">
      <form class="card" @submit=${create} novalidate aria-label="New backup">
        ${input('Backup name (optional)', state, 'name', { placeholder: 'my_backup.zip', error: fieldError('backup-create', 'name') })}
        ${button('Create backup', 'backup-create', null, { kind: 'primary', type: 'submit' })}</form>
      <form class="card" @submit=${upload} novalidate aria-label="Upload a backup">
        <div class="field"><label><span>Backup file (.zip)</span><input type="file" accept=".zip,application/zip"
          @change=${(e) => { state.upload = e.target.files[0] || null; update(); }}></label>${fieldError('backup-upload', 'file')}</div>
        ${button('Upload backup', 'backup-upload', null, { type: 'submit' })}</form>
    </div>
    <div class="table-wrap"><table aria-label="Backups"><thead><tr><th>Name</th><th>Size</th><th>Modified</th><th>Actions</th></tr></thead>
      <tbody>${items.map((b) => html`<tr class="static"><td>${b.key}</td><td>${size(b.size)}</td><td>${shortDate(b.modified)}</td>
        <td class="actions">${button(`Download ${b.key}`, `download-${b.key}`, () => download(b))}
          ${button(`Restore ${b.key}`, `restore-${b.key}`, () => restore(b))}
          ${button(`Delete ${b.key}`, `delete-${b.key}`, () => remove(b), { kind: 'danger' })}</td></tr>`)}</tbody></table>
      ${state.items?.length === 0 ? html`<p class="muted" style="padding:.6rem">No backups yet.</p>` : nothing}
      ${state.items === null && !errors.backups ? html`<p role="status" style="padding:.6rem"><span class="spinner"></span> Loading...</p>` : nothing}</div>
  </main>`;
}

async function reloadCrons() {
  state.cronsLoading = true;
  const res = await run('crons', () => api.get('/api/crons'));
  state.cronsLoading = false;
  if (res) state.crons = res;
  update();
}

async function runNow(job) {
  const ok = await run(`cron-${job.id}`, () => api.post(`/api/crons/${encodeURIComponent(job.id)}`, {}).then(() => true),
    `Cron ${job.id} started.`);
  if (ok) { state.ran[job.id] = new Date().toISOString(); update(); }
}

/** The screen for #/crons. */
export function cronsView() {
  if (state.crons === null && !state.cronsLoading && !errors.crons) reloadCrons();
  const items = state.crons || [];
  return html`<main class="main">
    <div class="toolbar"><h1>Crons</h1><span class="grow"></span>${button('Refresh', 'crons', reloadCrons)}</div>
    <p class="muted">Scheduled jobs (UTC). System jobs clean up expired data; the backup schedule is set in
      <a href="#/settings/backups">Backup options</a>.</p>
    ${errors.crons ? html`<p class="alert" role="alert">${errors.crons.message}</p>` : nothing}
    <div class="table-wrap"><table aria-label="Cron jobs"><thead><tr><th>Job</th><th>Schedule</th><th>Last run from here</th><th>Actions</th></tr></thead>
      <tbody>${items.map((j) => html`<tr class="static"><td><code>${j.id}</code></td><td><code>${j.expression}</code></td>
        <td>${state.ran[j.id] ? shortDate(state.ran[j.id]) : ''}</td>
        <td>${button(`Run ${j.id} now`, `cron-${j.id}`, () => runNow(j))}</td></tr>`)}</tbody></table>
      ${state.crons?.length === 0 ? html`<p class="muted" style="padding:.6rem">No cron jobs.</p>` : nothing}</div>
  </main>`;
}
