// The dialog that creates or edits a collection: fields (base, auth), view query with a dry run (view), API rules,
// auth options and indexes. It saves the whole collection in one request and shows the server's field errors.
import { html, nothing } from 'lit-html';
import { api } from './api.js';
import { run, update, input, button, dialog, confirmed, errors, go, copyText, toast } from './ui.js';
import { indexesView, renameIndexes } from './indexes.js';
import { fieldsView, newField } from './fields.js';
import { rulesView } from './rules.js';
import { authOptionsView } from './auth-options.js';
import { store, reload } from './collections.js';

export const editor = { open: false, draft: null, original: null, tab: 'fields', dryRun: null };

const TYPES = ['base', 'auth', 'view'];

/** Opens the editor for a collection, or for a new one when collection is null (starting from template if given). */
export function openEditor(collection, template = null) {
  delete errors.collection;
  editor.original = collection;
  editor.draft = collection ? structuredClone(collection) : template || {
    name: '', type: 'base', fields: defaultFields(),
    indexes: [], listRule: null, viewRule: null, createRule: null, updateRule: null, deleteRule: null,
  };
  editor.tab = editor.draft.type === 'view' ? 'query' : 'fields';
  editor.dryRun = null;
  editor.open = true;
  update();
}

/** A new collection's fields, as PocketBase's dashboard starts one: the id and the created/updated dates. */
function defaultFields() {
  return [newField('text', 'id', true), newField('autodate', 'created'), newField('autodate', 'updated')];
}

function close() { editor.open = false; update(); }

/** Error message at a dotted path of the last failed save's data (e.g. "fields.2.name"), as inline text. */
export function errorAt(path) {
  const data = errors.collection?.data;
  let node = data?.[path]; // the server keys some errors flat ("indexes.1"), others nested
  if (!node) { node = data; for (const part of path.split('.')) node = node?.[part]; }
  return node?.message ? html`<small class="field-error" role="alert">${node.message}</small>` : nothing;
}

function setType(type) {
  const d = editor.draft;
  d.type = type;
  if (type === 'view') { d.fields = []; d.viewQuery = d.viewQuery || ''; editor.tab = 'query'; }
  if (type !== 'view') {
    if (!d.fields.length) d.fields = defaultFields();
    delete d.viewQuery;
    editor.tab = 'fields';
  }
  update();
}

async function save(e) {
  e?.preventDefault();
  const d = editor.draft;
  const saved = await run('collection', () => (editor.original
    ? api.patch(`/api/collections/${editor.original.id}`, d)
    : api.post('/api/collections', d)), editor.original ? 'Collection saved.' : 'Collection created.');
  if (!saved) return;
  // The answer is the collection as stored: shown at once, so an edit opened before the list is read again
  // starts from what was just saved, not from the list as it was.
  if (store.items) {
    const at = store.items.findIndex((c) => c.id === saved.id);
    store.items = at >= 0 ? store.items.map((c, i) => (i === at ? saved : c)) : [...store.items, saved];
  }
  editor.open = false;
  await reload();
  go(`#/collections?collection=${encodeURIComponent(saved.name)}`);
}

/**
 * Opens the editor on a copy of the open collection, as a new one: no ids (the server assigns them), the name
 * suffixed, and its indexes renamed onto the new table (index names are unique per database).
 */
function duplicate() {
  const copy = structuredClone(editor.original);
  delete copy.id; delete copy.created; delete copy.updated;
  copy.name = `${copy.name}_duplicate`;
  copy.system = false;
  copy.fields = (copy.fields || []).map(({ id, ...f }) => f);
  copy.indexes = renameIndexes(copy.indexes, copy.name);
  // OAuth2 client secrets are write-only (never read back), so providers cannot be copied.
  if (copy.oauth2?.providers?.length) copy.oauth2.providers = [];
  const from = editor.original.name;
  openEditor(null, copy);
  toast(`A copy of ${from}: review it, then Create.`);
}

async function copyJson() {
  if (await copyText(JSON.stringify(editor.original, null, 2), 'collection JSON')) toast('Collection JSON copied to the clipboard.');
}

async function truncate() {
  const c = editor.original;
  if (!confirmed(`Delete all records of "${c.name}"? This cannot be undone.`)) return;
  await run('truncate', () => api.del(`/api/collections/${c.id}/truncate`), 'All records deleted.');
}

async function remove() {
  const c = editor.original;
  if (!confirmed(`Delete the collection "${c.name}" with all its records? This cannot be undone.`)) return;
  const ok = await run('delete-collection', () => api.del(`/api/collections/${c.id}`).then(() => true), 'Collection deleted.');
  if (!ok) return;
  editor.open = false;
  await reload();
  go('#/collections');
}

async function dryRun() {
  editor.dryRun = await run('dry-run', () => api.post('/api/collections/meta/dry-run-view', { query: editor.draft.viewQuery }));
  update();
}

function queryView() {
  const d = editor.draft;
  const r = editor.dryRun;
  return html`<label class="field"><span>View query</span>
      <textarea class="code" rows="8" .value=${d.viewQuery || ''} placeholder="SELECT id, name FROM posts"
        @input=${(e) => { d.viewQuery = e.target.value; }}></textarea>${errorAt('viewQuery')}</label>
    ${button('Dry run', 'dry-run', dryRun)}
    ${r ? html`<h3>Fields</h3><p>${r.fields.map((f) => html`<span class="chip">${f.name}: ${f.type}</span>`)}</p>
      <h3>Sample (${r.sample.length})</h3><div class="table-wrap"><table><thead><tr>${r.fields.filter((f) => !f.hidden)
        .map((f) => html`<th>${f.name}</th>`)}</tr></thead><tbody>${r.sample.map((row) => html`<tr>${r.fields
        .filter((f) => !f.hidden).map((f) => html`<td>${JSON.stringify(row[f.name])}</td>`)}</tr>`)}</tbody></table></div>` : nothing}`;
}

/** Every field error of the last failed save as [path, message], so errors on another tab are seen too. */
function problems() {
  const out = [];
  const walk = (node, path) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.message === 'string') { out.push([path, node.message]); return; }
    for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(errors.collection?.data, '');
  return out;
}

/** The editor dialog. */
export function editorView() {
  const d = editor.draft;
  const tabs = [d.type === 'view' ? ['query', 'Query'] : ['fields', 'Fields'], ['rules', 'API rules']];
  if (d.type === 'auth') tabs.push(['options', 'Options']);
  if (d.type !== 'view') tabs.push(['indexes', 'Indexes']);
  const body = { fields: () => fieldsView(d, store.items || []), query: queryView, rules: () => rulesView(d, store.items || []),
    options: () => authOptionsView(d), indexes: () => indexesView(d) }[editor.tab];
  const title = editor.original ? `Edit collection ${editor.original.name}` : 'New collection';
  return dialog(title, html`<form @submit=${save} novalidate>
    ${errors.collection ? html`<div class="alert" role="alert">${errors.collection.message}${problems().length
      ? html`<ul>${problems().map(([k, m]) => html`<li><code>${k}</code>: ${m}</li>`)}</ul>` : nothing}</div>` : nothing}
    <div class="grid2">
      ${input('Name', d, 'name', { required: true, error: errorAt('name') })}
      <div class="field"><label for="collection-type"><span>Type</span></label><select id="collection-type" ?disabled=${!!editor.original}
        @change=${(e) => setType(e.target.value)}>${TYPES.map((t) => html`<option ?selected=${d.type === t}>${t}</option>`)}</select></div>
    </div>
    <div class="tabs" role="tablist">${tabs.map(([key, label]) => html`<button type="button" role="tab"
      aria-selected=${editor.tab === key ? 'true' : 'false'} @click=${() => { editor.tab = key; update(); }}>${label}</button>`)}</div>
    ${(body || tabs[0])()}
    <footer>
      ${editor.original ? html`${button('Truncate', 'truncate', truncate, { kind: 'danger' })}
        ${button('Delete collection', 'delete-collection', remove, { kind: 'danger' })}
        ${editor.original.system ? nothing : html`<button type="button" @click=${duplicate}>Duplicate</button>`}
        <button type="button" @click=${copyJson}>Copy JSON</button><span class="grow"></span>` : nothing}
      <button type="button" @click=${close}>Cancel</button>
      ${button(editor.original ? 'Save' : 'Create', 'collection', null, { kind: 'primary', type: 'submit' })}
    </footer></form>`, close);
}
