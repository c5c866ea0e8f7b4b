// The records of one collection: a table with paging, sorting by column, the filter language, a column chooser,
// expand, bulk delete and live updates through realtime.
import { html, nothing } from 'lit-html';
import { api, recordsPath, fileUrl, Realtime } from './api.js';
import { run, update, isBusy, button, confirmed, shortDate, appMeta } from './ui.js';
import { openForm, formView, form } from './record-form.js';
import { openEditor } from './collection-editor.js';
import { openPreview } from './preview.js';
import { filterPaths, completing, suggestions } from './complete.js';
import { store } from './collections.js';

const PER_PAGE = 30;
const COLUMNS_KEY = 'basalt_columns_';
const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
const realtime = new Realtime();

/** The table's state; reset when another collection is opened. */
export const table = { collection: null, page: 1, sort: '', filter: '', expand: '', result: null, selected: new Set(), columns: false };

function hiddenColumns(c) {
  try { return new Set(JSON.parse(localStorage.getItem(COLUMNS_KEY + c.id)) || []); } catch { return new Set(); }
}
function toggleColumn(c, name) {
  const hidden = hiddenColumns(c);
  if (hidden.has(name)) hidden.delete(name); else hidden.add(name);
  localStorage.setItem(COLUMNS_KEY + c.id, JSON.stringify([...hidden]));
  update();
}

/** Loads the current page of the table's collection. */
export async function load() {
  const c = table.collection;
  const res = await run('records', () => api.get(recordsPath(c.name), {
    page: table.page, perPage: PER_PAGE, sort: table.sort, filter: table.filter, expand: table.expand,
  }));
  if (res && table.collection === c) {
    table.result = res;
    table.selected = new Set([...table.selected].filter((id) => res.items.some((r) => r.id === id)));
  }
  update();
}

function open(c) {
  // Relations are expanded by default so the table shows the related records' names instead of ids.
  const expand = c.fields.filter((f) => f.type === 'relation').map((f) => f.name).join(',');
  Object.assign(table, { collection: c, page: 1, filter: '', expand, result: null, selected: new Set(), columns: false,
    sort: c.fields.some((f) => f.name === 'created') ? '-created' : '' });
  load();
  // Live updates: any change another client makes to this collection reloads the page shown.
  realtime.subscribe(`${c.name}/*`, () => { if (table.collection?.id === c.id && !isBusy('records')) load(); });
}

const setFilter = (value) => { table.filter = value; };

function sortBy(name) {
  table.sort = table.sort === name ? `-${name}` : name;
  load();
}

async function bulkDelete() {
  const ids = [...table.selected];
  if (!confirmed(`Delete ${ids.length} selected record(s)?`)) return;
  await run('bulk-delete', async () => {
    await Promise.all(ids.map((id) => api.del(`${recordsPath(table.collection.name)}/${id}`)));
    table.selected.clear();
  }, `${ids.length} record(s) deleted.`);
  load();
}

/** A cell's text: files as thumbnails, relations with their expanded records' first text field. */
function cell(record, f) {
  const v = record[f.name];
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) return html`<span class="muted">N/A</span>`;
  if (f.type === 'file') {
    return (Array.isArray(v) ? v : [v]).map((name) => IMAGE.test(name) && !f.protected
      ? html`<img class="thumb" alt=${name} src=${fileUrl(record, name, '100x100')}>` : html`<span class="chip">${name}</span>`);
  }
  if (f.type === 'bool') return v ? 'True' : 'False';
  if (f.type === 'date' || f.type === 'autodate') return shortDate(v);
  if (f.type === 'relation' && record.expand?.[f.name]) {
    const list = [].concat(record.expand[f.name]);
    return list.map((r) => html`<span class="chip">${r.name ?? r.title ?? r.email ?? r.id}</span>`);
  }
  if (Array.isArray(v)) return v.map((x) => html`<span class="chip">${x}</span>`);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function columnChooser(c, fields) {
  const hidden = hiddenColumns(c);
  return html`<fieldset class="columns"><legend>Columns</legend>${fields.map((f) => html`<label class="check">
    <input type="checkbox" .checked=${!hidden.has(f.name)} @change=${() => toggleColumn(c, f.name)}><span>${f.name}</span></label>`)}</fieldset>`;
}

/** The main area for a collection. */
export function recordsView(c) {
  if (table.collection?.id !== c.id) open(c);
  table.collection = c;
  const fields = c.fields.filter((f) => f.name !== 'tokenKey' && f.type !== 'password');
  const hidden = hiddenColumns(c);
  const shown = fields.filter((f) => !hidden.has(f.name));
  const res = table.result;
  const items = res?.items || [];
  const all = items.length > 0 && items.every((r) => table.selected.has(r.id));
  const filterOn = completing('filter', filterPaths(c.fields, store.items || []), setFilter);
  return html`<main class="main">
    <div class="toolbar"><h1>${c.name}</h1>
      ${appMeta.hideControls ? nothing : html`<button @click=${() => openEditor(c)}>Edit collection</button>`}
      <button @click=${() => openPreview(c)}>API preview</button>
      ${button('Refresh', 'records', load)}
      <span class="grow"></span>
      ${c.type !== 'view' ? html`<button class="primary" data-shortcut="new" @click=${() => openForm(c, null)}>New record</button>` : nothing}</div>
    <form class="toolbar" @submit=${(e) => { e.preventDefault(); table.page = 1; load(); }}>
      <div class="filter"><label class="field search"><span>Filter</span><input type="search" .value=${table.filter}
        placeholder='e.g. created > "2024-01-01" && title ~ "hello"'
        @input=${filterOn.input} @click=${filterOn.click} @keydown=${filterOn.keydown} @blur=${filterOn.blur}></label>
        ${suggestions('filter', 'Filter', setFilter)}</div>
      <label class="field search"><span>Expand</span><input .value=${table.expand} placeholder="relation fields, comma-separated"
        @input=${(e) => { table.expand = e.target.value; }}></label>
      <button type="submit">Apply</button>
      <button type="button" aria-expanded=${table.columns ? 'true' : 'false'} @click=${() => { table.columns = !table.columns; update(); }}>Columns</button>
      ${table.selected.size ? button(`Delete selected (${table.selected.size})`, 'bulk-delete', bulkDelete, { kind: 'danger' }) : nothing}
    </form>
    ${table.columns ? columnChooser(c, fields) : nothing}
    <div class="table-wrap"><table aria-label="Records of ${c.name}"><thead><tr>
      <th><input type="checkbox" aria-label="Select all" .checked=${all}
        @change=${(e) => { items.forEach((r) => (e.target.checked ? table.selected.add(r.id) : table.selected.delete(r.id))); update(); }}></th>
      ${shown.map((f) => html`<th><button @click=${() => sortBy(f.name)} aria-label="Sort by ${f.name}">${f.name}
        ${table.sort === f.name ? '↑' : table.sort === `-${f.name}` ? '↓' : ''}</button></th>`)}</tr></thead>
    <tbody>${items.map((r) => html`<tr @click=${() => openForm(c, r)}>
      <td @click=${(e) => e.stopPropagation()}><input type="checkbox" aria-label="Select ${r.id}" .checked=${table.selected.has(r.id)}
        @change=${(e) => { if (e.target.checked) table.selected.add(r.id); else table.selected.delete(r.id); update(); }}></td>
      ${shown.map((f) => html`<td>${cell(r, f)}</td>`)}</tr>`)}</tbody></table>
    ${res && !items.length ? html`<p class="muted" style="padding:.6rem">No records found.</p>` : nothing}
    ${!res ? html`<p role="status" style="padding:.6rem"><span class="spinner"></span> Loading...</p>` : nothing}</div>
    ${res ? html`<div class="pager"><button ?disabled=${table.page <= 1} @click=${() => { table.page--; load(); }}>Previous</button>
      <span>Page ${res.page} of ${Math.max(res.totalPages, 1)}, ${res.totalItems} record(s)</span>
      <button ?disabled=${table.page >= res.totalPages} @click=${() => { table.page++; load(); }}>Next</button></div>` : nothing}
    ${form.open ? formView() : nothing}
  </main>`;
}
