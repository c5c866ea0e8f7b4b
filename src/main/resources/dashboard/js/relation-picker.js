// The relation picker of the record form: the chosen records as chips, and a search over the related collection.
import { html, nothing } from 'lit-html';
import { api, recordsPath } from './api.js';
import { update } from './ui.js';
import { byName } from './collections.js';

const RESULTS = 8;
/** Search text and results per relation field, and labels of the records seen, by id. */
const state = { query: {}, results: {}, labels: {} };

/** A record's label: its presentable fields, else a common name-like field, else its id. */
function labelOf(collection, r) {
  const presentable = collection?.fields.filter((f) => f.presentable).map((f) => r[f.name]).filter(Boolean);
  return presentable?.length ? presentable.join(', ') : r.name ?? r.title ?? r.email ?? r.id;
}

let timer;
function search(f, target, text) {
  state.query[f.name] = text;
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const filter = text ? target.fields.filter((x) => ['text', 'email'].includes(x.type) && !x.hidden)
      .map((x) => `${x.name} ~ ${JSON.stringify(text)}`).join(' || ') : '';
    try {
      const res = await api.get(recordsPath(target.name), { perPage: RESULTS, filter });
      res.items.forEach((r) => { state.labels[r.id] = labelOf(target, r); });
      state.results[f.name] = res.items;
    } catch (e) {
      state.results[f.name] = [];
    }
    update();
  }, 200);
}

/** The picker for relation field f of the values being edited. */
export function relationPicker(f, values, error) {
  const target = byName(f.collectionId);
  const multiple = f.maxSelect !== 1;
  const chosen = [].concat(values[f.name] || []).filter(Boolean);
  const expanded = [].concat(values.expand?.[f.name] || []);
  expanded.forEach((r) => { state.labels[r.id] ||= labelOf(target, r); });
  const set = (ids) => { values[f.name] = multiple ? ids : ids[0] || ''; update(); };
  const results = state.results[f.name];
  return html`<fieldset><legend>${f.name}${target ? html` <span class="muted">→ ${target.name}</span>` : nothing}</legend>
    <div>${chosen.map((id) => html`<span class="chip">${state.labels[id] || id}
      <button type="button" class="link" aria-label="Unselect ${state.labels[id] || id}" @click=${() => set(chosen.filter((x) => x !== id))}>×</button></span>`)}</div>
    <label class="field"><span>${f.name}</span><input type="search" placeholder="Search ${target?.name || ''} records"
      .value=${state.query[f.name] || ''} @input=${(e) => search(f, target, e.target.value)}
      @focus=${() => { if (!results) search(f, target, state.query[f.name] || ''); }}></label>
    ${results ? html`<div class="suggestions" role="listbox" aria-label="Matching ${target?.name || ''} records">
      ${results.length ? results.map((r) => html`<button type="button" role="option" aria-selected=${chosen.includes(r.id) ? 'true' : 'false'}
        @click=${() => set(multiple ? [...new Set([...chosen, r.id])] : [r.id])}>${labelOf(target, r)}</button>`)
        : html`<p class="muted">No records found.</p>`}</div>` : nothing}
    ${error}</fieldset>`;
}

/** Forgets the searches (when the form closes or another record opens). */
export function resetPicker() { state.query = {}; state.results = {}; }
