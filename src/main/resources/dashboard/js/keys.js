// API keys (Basalt's own, beyond PocketBase): list, create with scopes (the secret is shown once), revoke.
import { html, nothing } from 'lit-html';
import { api } from './api.js';
import { run, update, input, button, confirmed, dialog, shortDate, errors, fieldError } from './ui.js';

const state = { items: null, draft: null, created: null };

async function reload() {
  const res = await run('api-keys', () => api.get('/api/api-keys'));
  if (res) state.items = res.items;
  update();
}

async function create(e) {
  e.preventDefault();
  const d = state.draft;
  const body = { name: d.name, scopes: d.scopes.split(',').map((s) => s.trim()).filter(Boolean),
    expires: d.expires ? `${d.expires} 00:00:00.000Z` : '' };
  if (d.collection) Object.assign(body, { collection: d.collection, recordId: d.recordId });
  const created = await run('api-key', () => api.post('/api/api-keys', body), 'API key created.');
  if (!created) return;
  state.draft = null;
  state.created = created;
  reload();
}

async function revoke(k) {
  if (!confirmed(`Revoke the API key "${k.name}"? Clients using it stop working at once.`)) return;
  await run(`revoke-${k.id}`, () => api.del(`/api/api-keys/${k.id}`), 'API key revoked.');
  reload();
}

/** The errors of the scopes list: the list's own and each entry's (data["scopes.N"]). */
function scopeErrors() {
  return Object.keys(errors['api-key']?.data || {}).filter((k) => k.startsWith('scopes')).map((k) => fieldError('api-key', k));
}

function createDialog() {
  const d = state.draft;
  return dialog('New API key', html`<form @submit=${create} novalidate>
    ${errors['api-key'] ? html`<p class="alert" role="alert">${errors['api-key'].message}</p>` : nothing}
    ${input('Name', d, 'name', { required: true, error: fieldError('api-key', 'name') })}
    ${input('Scopes', d, 'scopes', { placeholder: 'posts:list, posts:view, *:*', error: scopeErrors() })}
    <p class="muted">collection:action, with action list, view, create, update, delete or *; * for any collection.</p>
    ${input('Expires (optional)', d, 'expires', { type: 'date', error: fieldError('api-key', 'expires') })}
    <div class="grid2">${input('Act as auth collection (optional)', d, 'collection', { placeholder: 'users', error: fieldError('api-key', 'collection') })}
      ${input('Act as record id', d, 'recordId', { error: fieldError('api-key', 'recordId') })}</div>
    <footer><button type="button" @click=${() => { state.draft = null; update(); }}>Cancel</button>
      ${button('Create', 'api-key', null, { kind: 'primary', type: 'submit' })}</footer></form>`, () => { state.draft = null; update(); });
}

function secretDialog() {
  const k = state.created;
  return dialog('API key created', html`<p>Copy the key now: it is shown only once.</p>
    <label class="field"><span>API key</span><input readonly .value=${k.key} @focus=${(e) => e.target.select()}></label>
    <p class="muted">Send it as <code>X-API-Key: ${k.keyPrefix}...</code></p>
    <footer><button class="primary" @click=${() => { state.created = null; update(); }}>Done</button></footer>`,
  () => { state.created = null; update(); });
}

/** The screen for #/api-keys. */
export function view() {
  if (state.items === null && !state.loading) { state.loading = true; reload(); }
  return html`<main class="main">
    <div class="toolbar"><h1>API keys</h1><span class="grow"></span>
      <button class="primary" data-shortcut="new" @click=${() => { delete errors['api-key']; state.draft = { name: '', scopes: '', expires: '', collection: '', recordId: '' }; update(); }}>New API key</button></div>
    <p class="muted">Keys for scripts and services, limited to scopes (a Basalt feature beyond PocketBase).</p>
    <div class="table-wrap"><table aria-label="API keys"><thead><tr><th>Name</th><th>Key</th><th>Scopes</th><th>Acts as</th>
      <th>Expires</th><th>Last used</th><th>Created</th><th></th></tr></thead>
      <tbody>${(state.items || []).map((k) => html`<tr><td>${k.name}</td><td><code>${k.keyPrefix}...</code></td>
        <td>${k.scopes.map((s) => html`<span class="chip">${s}</span>`)}</td><td>${k.recordId ? `${k.collectionId}/${k.recordId}` : ''}</td>
        <td>${shortDate(k.expires) || 'never'}</td><td>${shortDate(k.lastUsed)}</td><td>${shortDate(k.created)}</td>
        <td>${button(`Revoke ${k.name}`, `revoke-${k.id}`, () => revoke(k), { kind: 'danger' })}</td></tr>`)}</tbody></table>
      ${state.items?.length === 0 ? html`<p class="muted" style="padding:.6rem">No API keys yet.</p>` : nothing}</div>
    ${state.draft ? createDialog() : nothing}${state.created ? secretDialog() : nothing}</main>`;
}
