// The record form: one labelled input per field type (the field's name is the label), file uploads with previews,
// a relation picker with search, JSON validated as typed; create, save, duplicate and delete.
import { html, nothing } from 'lit-html';
import { api, recordsPath, fileUrl } from './api.js';
import { run, update, button, dialog, confirmed, errors } from './ui.js';
import { load } from './records.js';
import { relationPicker, resetPicker } from './relation-picker.js';
import { sessionsView } from './sessions.js';
import { richText } from './rich-text.js';
import { geoPointInput, geoErrors, resetGeo } from './geo-point.js';

const SKIP = new Set(['tokenKey']);
const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg)$/i;

/** The open form: the collection, the record being edited (null for a new one) and the values being edited. */
export const form = { open: false, collection: null, record: null, values: {}, added: {}, removed: {}, jsonText: {}, jsonError: {} };

/** Opens the form for a record, or an empty one; copy=true duplicates the record as a new one. */
export function openForm(collection, record, copy = false) {
  delete errors.record;
  const values = record ? structuredClone(record) : {};
  if (copy) { delete values.id; for (const f of collection.fields) if (f.type === 'file' || f.type === 'autodate') delete values[f.name]; }
  resetPicker();
  Object.assign(form, { open: true, collection, record: copy ? null : record, values, added: {}, removed: {}, jsonText: {}, jsonError: {},
    impersonation: '', opened: (form.opened || 0) + 1 });
  resetGeo();
  for (const f of collection.fields) {
    if (f.type === 'json') form.jsonText[f.name] = values[f.name] === undefined || values[f.name] === null ? '' : JSON.stringify(values[f.name], null, 2);
  }
  update();
}

function close() { form.open = false; update(); }

const err = (name) => {
  const m = errors.record?.field(name);
  return m ? html`<small class="field-error" role="alert">${m}</small>` : nothing;
};

/** "2024-01-02 03:04:05.000Z" <-> the datetime-local input's "2024-01-02T03:04" (the dashboard shows UTC). */
const toLocalInput = (v) => (v ? String(v).replace(' ', 'T').slice(0, 16) : '');
const fromLocalInput = (v) => (v ? `${v.replace('T', ' ')}:00.000Z` : '');

function setValue(name, value) { form.values[name] = value; update(); }

function fileInput(f) {
  const v = form.values;
  const current = [].concat(v[f.name] || []).filter((n) => !(form.removed[f.name] || []).includes(n));
  const added = form.added[f.name] || [];
  const rec = form.record;
  return html`<fieldset><legend>${f.name}</legend>
    ${current.map((name) => html`<div class="row">${rec && IMAGE.test(name) && !f.protected
      ? html`<img class="thumb" alt=${name} src=${fileUrl(rec, name, '100x100')}>` : nothing}
      <a href=${rec ? fileUrl(rec, name) : '#'} target="_blank" rel="noopener">${name}</a>
      <button type="button" class="link" aria-label="Remove file ${name}"
        @click=${() => { (form.removed[f.name] = form.removed[f.name] || []).push(name); update(); }}>Remove</button></div>`)}
    ${added.map((file, i) => html`<div class="row">${file.type.startsWith('image/')
      ? html`<img class="thumb" alt="Preview of ${file.name}" src=${file.preview}>` : nothing}<span>${file.name} (new)</span>
      <button type="button" class="link" @click=${() => { added.splice(i, 1); update(); }}>Remove</button></div>`)}
    <label class="field"><span>${f.name}</span><input type="file" ?multiple=${f.maxSelect > 1}
      accept=${(f.mimeTypes || []).join(',') || nothing}
      @change=${(e) => {
        const files = [...e.target.files].map((file) => Object.assign(file, { preview: URL.createObjectURL(file) }));
        form.added[f.name] = f.maxSelect > 1 ? [...added, ...files] : files;
        e.target.value = '';
        update();
      }}></label>${err(f.name)}</fieldset>`;
}

function fieldInput(f) {
  const v = form.values;
  // The label holds the field's name only (errors and the required mark sit beside it), so it names the input exactly.
  const label = (control, extra = nothing) => html`<div class="field"><label><span>${f.name}</span>${control}</label>
    ${f.required ? html`<small class="muted">Required</small>` : nothing}${extra}${err(f.name)}</div>`;
  switch (f.type) {
    case 'bool': return html`<label class="check"><input type="checkbox" .checked=${!!v[f.name]}
      @change=${(e) => setValue(f.name, e.target.checked)}><span>${f.name}</span></label>${err(f.name)}`;
    case 'number': return label(html`<input type="number" step="any" .value=${v[f.name] ?? ''}
      @input=${(e) => setValue(f.name, e.target.value === '' ? null : Number(e.target.value))}>`);
    case 'date': return label(html`<input type="datetime-local" .value=${toLocalInput(v[f.name])}
      @input=${(e) => setValue(f.name, fromLocalInput(e.target.value))}>`);
    case 'autodate': return form.record ? html`<p class="muted">${f.name}: ${v[f.name]}</p>` : nothing;
    // A select is named through for/id: a wrapping label would add its options' text to the name.
    case 'select': return html`<div class="field"><label for="field-${f.name}"><span>${f.name}</span></label>
      <select id="field-${f.name}" ?multiple=${f.maxSelect > 1} @change=${(e) => setValue(f.name, f.maxSelect > 1
        ? [...e.target.selectedOptions].map((o) => o.value) : e.target.value)}><option value="" ?hidden=${f.maxSelect > 1}>-</option>
      ${f.values.map((val) => html`<option ?selected=${[].concat(v[f.name] || []).includes(val)}>${val}</option>`)}</select>
      ${f.required ? html`<small class="muted">Required</small>` : nothing}${err(f.name)}</div>`;
    case 'json': return label(html`<textarea class="code" rows="4" .value=${form.jsonText[f.name]} @input=${(e) => {
      form.jsonText[f.name] = e.target.value;
      try { JSON.parse(e.target.value || 'null'); form.jsonError[f.name] = ''; } catch (x) { form.jsonError[f.name] = `Invalid JSON: ${x.message}`; }
      update(); }}></textarea>`, form.jsonError[f.name] ? html`<small class="field-error" role="alert">${form.jsonError[f.name]}</small>` : nothing);
    case 'editor': return richText(f.name, form.opened, v[f.name], (markup) => { v[f.name] = markup; },
      html`${f.required ? html`<small class="muted">Required</small>` : nothing}${err(f.name)}`);
    case 'geoPoint': return geoPointInput(f, v, err(f.name));
    case 'file': return fileInput(f);
    case 'relation': return relationPicker(f, v, err(f.name));
    case 'password': return html`${label(html`<input type="password" autocomplete="new-password" .value=${v[f.name] ?? ''}
      @input=${(e) => setValue(f.name, e.target.value)}>`)}${v[f.name] ? html`<label class="field"><span>${f.name} confirm</span>
      <input type="password" autocomplete="new-password" .value=${v[`${f.name}Confirm`] ?? ''}
        @input=${(e) => setValue(`${f.name}Confirm`, e.target.value)}>${err(`${f.name}Confirm`)}</label>` : nothing}`;
    default: return label(html`<input type=${f.type === 'email' ? 'email' : f.type === 'url' ? 'url' : 'text'}
      .value=${v[f.name] ?? ''} ?disabled=${f.primaryKey && !!form.record} placeholder=${f.primaryKey ? 'Leave empty to generate' : ''}
      @input=${(e) => { v[f.name] = e.target.value; }}>`);
  }
}

/** The request body: JSON values in @jsonPayload (as the SDK sends them) and new files as "name+" parts. */
function body() {
  const c = form.collection;
  const data = {};
  for (const f of c.fields) {
    if (SKIP.has(f.name) || f.type === 'autodate' || f.type === 'file') continue;
    if (f.primaryKey && (form.record || !form.values.id)) continue;
    if (f.type === 'password' && !form.values[f.name]) continue;
    if (f.type === 'json') {
      data[f.name] = form.jsonText[f.name] ? JSON.parse(form.jsonText[f.name]) : null;
    } else if (form.values[f.name] !== undefined) {
      data[f.name] = form.values[f.name];
    }
    if (f.type === 'password' && form.values[f.name]) data[`${f.name}Confirm`] = form.values[`${f.name}Confirm`] || '';
  }
  const fd = new FormData();
  for (const f of c.fields.filter((x) => x.type === 'file')) {
    if (form.removed[f.name]?.length) data[`${f.name}-`] = form.removed[f.name];
    for (const file of form.added[f.name] || []) fd.append(`${f.name}+`, file);
  }
  fd.append('@jsonPayload', JSON.stringify(data));
  return fd;
}

async function save(e) {
  e.preventDefault();
  if (Object.values(form.jsonError).some(Boolean) || geoErrors.size) return;
  const c = form.collection;
  const path = recordsPath(c.name);
  const saved = await run('record', () => (form.record ? api.patch(`${path}/${form.record.id}`, body()) : api.post(path, body())),
    form.record ? 'Record saved.' : 'Record created.');
  if (!saved) return;
  form.open = false;
  load();
}

async function remove() {
  if (!confirmed(`Delete the record ${form.record.id}?`)) return;
  const ok = await run('delete-record', () => api.del(`${recordsPath(form.collection.name)}/${form.record.id}`).then(() => true), 'Record deleted.');
  if (ok) { form.open = false; load(); }
}

/** PocketBase's impersonate: a non-refreshable token of this auth record, for trying the API as that user. */
function impersonationView() {
  const c = form.collection;
  const go = async () => {
    const res = await run('impersonate', () => api.post(`/api/collections/${encodeURIComponent(c.name)}/impersonate/${form.record.id}`, {}));
    if (res) form.impersonation = res.token;
    update();
  };
  return html`<fieldset><legend>Impersonate</legend>
    ${button('Impersonate', 'impersonate', go)}
    ${form.impersonation ? html`<div class="field"><label><span>Auth token</span><input readonly .value=${form.impersonation}
      @focus=${(e) => e.target.select()}></label><small class="muted">Send it as the Authorization header to act as this record.</small></div>` : nothing}
  </fieldset>`;
}

/**
 * The account mails of an auth record, through the public endpoints a user's app calls (request-verification,
 * request-password-reset); the server answers 204 whether or not it sends, so the notice says "requested".
 */
function accountMailsView() {
  const c = form.collection;
  const r = form.record;
  const send = (kind, label) => run(`mail-${kind}`, () => api.post(`/api/collections/${encodeURIComponent(c.name)}/request-${kind}`,
    { email: r.email }).then(() => true), `${label} requested for ${r.email}.`);
  return html`<fieldset><legend>Account mails</legend>${r.email ? html`<div class="row">
      ${r.verified ? nothing : button('Send verification email', 'mail-verification', () => send('verification', 'Verification email'))}
      ${button('Send password reset email', 'mail-password-reset', () => send('password-reset', 'Password reset email'))}</div>`
    : html`<p class="muted">The record has no email address.</p>`}</fieldset>`;
}

/** The form dialog. */
export function formView() {
  const c = form.collection;
  const title = form.record ? `Edit ${c.name} record ${form.record.id}` : `New ${c.name} record`;
  return dialog(title, html`<form @submit=${save} novalidate>
    ${errors.record ? html`<p class="alert" role="alert">${errors.record.message}</p>` : nothing}
    ${c.fields.filter((f) => !SKIP.has(f.name)).map(fieldInput)}
    ${c.type === 'auth' && form.record ? html`${accountMailsView()}${sessionsView(c, form.record)}${impersonationView()}` : nothing}
    <footer>${form.record ? html`${button('Delete', 'delete-record', remove, { kind: 'danger' })}
      <button type="button" @click=${() => openForm(c, form.record, true)}>Duplicate</button><span class="grow"></span>` : nothing}
      <button type="button" @click=${close}>Cancel</button>
      ${button(form.record ? 'Save' : 'Create', 'record', null, { kind: 'primary', type: 'submit' })}</footer></form>`, close);
}
