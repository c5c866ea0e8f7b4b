// The settings sections to export collections as JSON (all or some, copied or downloaded) and to import them
// (PUT /api/collections/import), with a review of what the import creates, changes and deletes before it is sent.
import { html, nothing } from 'lit-html';
import { api } from './api.js';
import { run, update, button, checkbox, errors, confirmed, toast, copyText } from './ui.js';

/** The collections as last loaded, the names ticked for export, and the import being prepared. */
const state = { collections: null, loading: false, selected: null, text: '', deleteMissing: false, review: null, parseError: '' };

/** Keys that change on every save and say nothing about the schema (left out of the comparison). */
const VOLATILE = new Set(['created', 'updated']);

// Each visit to the export or import section reads the collections again (they may have changed meanwhile).
addEventListener('hashchange', () => {
  if (/^#\/settings\/(import|export)/.test(location.hash)) { state.collections = null; state.selected = null; }
});

async function load() {
  state.loading = true;
  const res = await run('import-export-load', () => api.get('/api/collections', { perPage: 500, sort: 'name' }));
  state.loading = false;
  if (res) {
    state.collections = res.items;
    if (!state.selected) state.selected = new Set(res.items.map((c) => c.name));
  }
  update();
}

function loaded() {
  if (!state.collections && !state.loading && !errors['import-export-load']) load();
  return state.collections;
}

function exported() {
  return JSON.stringify(state.collections.filter((c) => state.selected.has(c.name)), null, 2);
}

function download() {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([exported()], { type: 'application/json' }));
  a.download = 'basalt_collections.json';
  a.click();
  URL.revokeObjectURL(a.href);
}

/** The export section: one checkbox per collection, the JSON they make, Copy and Download. */
export function exportView() {
  const all = loaded();
  if (!all) return loadingOrError();
  const toggleAll = (on) => { state.selected = new Set(on ? all.map((c) => c.name) : []); update(); };
  const json = exported();
  return html`<p class="muted">The schema of the ticked collections, as <code>PUT /api/collections/import</code> takes it.</p>
    <fieldset class="columns"><legend>Collections to export</legend>
      <label class="check"><input type="checkbox" .checked=${state.selected.size === all.length}
        @change=${(e) => toggleAll(e.target.checked)}><span>Select all</span></label>
      ${all.map((c) => html`<label class="check"><input type="checkbox" .checked=${state.selected.has(c.name)}
        @change=${(e) => { if (e.target.checked) state.selected.add(c.name); else state.selected.delete(c.name); update(); }}>
        <span>${c.name}</span></label>`)}</fieldset>
    <label class="field"><span>Exported JSON (${state.selected.size} collection(s))</span>
      <textarea class="code" rows="14" readonly .value=${json}></textarea></label>
    <div class="row form-actions">
      ${button('Copy JSON', 'copy-export', async () => { if (await copyText(json, 'collections JSON')) toast('Copied to the clipboard.'); },
        { disabled: !state.selected.size })}
      ${button('Download JSON', '', download, { kind: 'primary', disabled: !state.selected.size })}</div>`;
}

function loadingOrError() {
  const e = errors['import-export-load'];
  return e ? html`<p class="alert" role="alert">${e.message}</p>${button('Retry', 'import-export-load', load)}`
    : html`<p role="status"><span class="spinner"></span> Loading...</p>`;
}

/** The schema keys that differ between a stored collection and its imported version (fields compared one by one). */
function changes(stored, next) {
  const out = [];
  const keyOf = (f) => f.id || f.name;
  const before = new Map((stored.fields || []).map((f) => [keyOf(f), f]));
  const after = new Map((next.fields || []).map((f) => [keyOf(f), f]));
  if (next.fields) {
    for (const [k, f] of after) {
      const old = before.get(k) || [...before.values()].find((b) => b.name === f.name);
      if (!old) out.push(`field ${f.name} added`);
      else if (JSON.stringify(old) !== JSON.stringify({ ...old, ...f })) out.push(`field ${f.name} changed`);
    }
    if (state.deleteMissing) {
      for (const f of before.values()) {
        if (!after.has(keyOf(f)) && ![...after.values()].some((a) => a.name === f.name) && !f.system) out.push(`field ${f.name} deleted`);
      }
    }
  }
  for (const [k, v] of Object.entries(next)) {
    if (k === 'fields' || k === 'id' || VOLATILE.has(k)) continue;
    if (JSON.stringify(stored[k] ?? null) !== JSON.stringify(v ?? null)) out.push(k === 'name' ? `renamed from ${stored.name}` : `${k} changed`);
  }
  return out;
}

/** Reads the pasted JSON and lists, per collection, whether the import creates, changes or deletes it. */
function review() {
  state.review = null;
  state.parseError = '';
  let list;
  try {
    list = JSON.parse(state.text);
  } catch (e) {
    state.parseError = `Not valid JSON: ${e.message}`;
    update();
    return;
  }
  if (!Array.isArray(list) || !list.every((c) => c && typeof c === 'object' && !Array.isArray(c))) {
    state.parseError = 'Expected a JSON array of collections, as the export gives.';
    update();
    return;
  }
  const stored = state.collections;
  const matched = new Set();
  const rows = list.map((c) => {
    const found = stored.find((s) => (c.id && s.id === c.id)) || stored.find((s) => s.name === c.name);
    if (!found) return { name: c.name || '(no name)', kind: 'New', details: [`${(c.fields || []).length} field(s)`] };
    matched.add(found.id);
    const details = changes(found, c);
    return { name: c.name || found.name, kind: details.length ? 'Changed' : 'Unchanged', details };
  });
  if (state.deleteMissing) {
    stored.filter((s) => !s.system && !matched.has(s.id))
      .forEach((s) => rows.push({ name: s.name, kind: 'Deleted', details: ['with all its records'] }));
  }
  state.review = { list, rows };
  update();
}

async function submit() {
  const { list, rows } = state.review;
  const deleted = rows.filter((r) => r.kind === 'Deleted').length;
  if (deleted && !confirmed(`The import deletes ${deleted} collection(s) with all their records. Continue?`)) return;
  const ok = await run('import', () => api.put('/api/collections/import', { collections: list, deleteMissing: state.deleteMissing })
    .then(() => true), 'Collections imported.');
  if (!ok) return;
  state.review = null;
  state.text = '';
  state.collections = null;
  state.selected = null;
  document.dispatchEvent(new CustomEvent('basalt-collections-changed'));
  update();
}

async function readFile(e) {
  const file = e.target.files[0];
  if (!file) return;
  state.text = await file.text();
  state.review = null;
  update();
}

function reviewView() {
  const { rows } = state.review;
  const count = (kind) => rows.filter((r) => r.kind === kind).length;
  const e = errors.import;
  return html`<h3>Review</h3>
    <p role="status">${count('New')} new, ${count('Changed')} changed, ${count('Unchanged')} unchanged, ${count('Deleted')} deleted.</p>
    <table aria-label="Changes to import"><thead><tr><th>Collection</th><th>Change</th><th>Details</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr class="static"><td>${r.name}</td><td><span class="chip">${r.kind}</span></td>
        <td>${r.details.join(', ')}</td></tr>`)}</tbody></table>
    ${e ? html`<div class="alert" role="alert">${e.message}${Object.keys(e.data).length
      ? html`<pre>${JSON.stringify(e.data, null, 2)}</pre>` : nothing}</div>` : nothing}
    <div class="row form-actions"><button type="button" @click=${() => { state.review = null; update(); }}>Back</button>
      ${button('Confirm and import', 'import', submit, { kind: 'primary' })}</div>`;
}

/** The import section: paste or load the JSON, choose whether missing collections go, review, then import. */
export function importView() {
  if (!loaded()) return loadingOrError();
  if (state.review) return reviewView();
  return html`<p class="muted">Paste collections exported from Basalt or PocketBase. Collections are matched by id, then by name.</p>
    <label class="field"><span>Collections JSON</span><textarea class="code" rows="14" .value=${state.text}
      placeholder='[{"name": "posts", "type": "base", "fields": [...]}]'
      @input=${(e) => { state.text = e.target.value; state.parseError = ''; }}></textarea></label>
    ${state.parseError ? html`<p class="alert" role="alert">${state.parseError}</p>` : nothing}
    <label class="field"><span>Load from a file</span><input type="file" accept=".json,application/json" @change=${readFile}></label>
    ${checkbox('Delete the collections and fields missing from the import', state, 'deleteMissing')}
    <div class="row form-actions">${button('Review changes', '', review, { kind: 'primary' })}</div>`;
}
