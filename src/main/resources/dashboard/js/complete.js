// Completion of filter expressions (rules and the records filter): the word before the caret is matched against the
// paths a filter can name; Tab or a click takes a suggestion.
import { html, nothing } from 'lit-html';
import { update } from './ui.js';

const MAX_SUGGESTIONS = 12;
const REQUEST_PATHS = ['@request.auth.id', '@request.auth.collectionName', '@request.method', '@request.context',
  '@request.headers.', '@request.query.', '@now', '@todayStart', '@todayEnd', '@yesterday', '@tomorrow', '@second',
  '@minute', '@hour', '@day', '@month', '@year'];

/** Where completion is happening: the input's key, the element and the suggestions. */
const state = { key: '', el: null, items: [] };

/** Every path a filter over this collection (fields, draft or saved) can name. */
export function filterPaths(fields, collections) {
  const own = fields.map((f) => f.name).filter(Boolean);
  const out = [...own, ...own.map((n) => `@request.body.${n}`), ...REQUEST_PATHS];
  const authFields = collections.filter((c) => c.type === 'auth').flatMap((c) => c.fields.map((f) => f.name));
  out.push(...new Set(authFields.map((n) => `@request.auth.${n}`)));
  for (const c of collections) out.push(...c.fields.map((f) => `@collection.${c.name}.${f.name}`));
  for (const f of fields) {
    if (f.type === 'relation') collections.find((c) => c.id === f.collectionId)?.fields.forEach((tf) => out.push(`${f.name}.${tf.name}`));
    out.push(`${f.name}:isset`, `${f.name}:changed`, `${f.name}:length`, `${f.name}:each`, `${f.name}:lower`);
  }
  return [...new Set(out)];
}

/** The word before the caret (letters, digits, _ . @ :). */
function wordAt(el) {
  return el.value.slice(0, el.selectionStart).match(/[\w.@:]*$/)[0];
}

function suggest(key, el, all) {
  const word = wordAt(el);
  Object.assign(state, { key, el, items: word ? all.filter((p) => p.startsWith(word) && p !== word).slice(0, MAX_SUGGESTIONS) : [] });
  update();
}

function accept(item, set) {
  const el = state.el;
  const word = wordAt(el);
  const start = el.selectionStart - word.length;
  set(el.value.slice(0, start) + item + el.value.slice(el.selectionStart));
  state.items = [];
  update();
  queueMicrotask(() => { el.focus(); el.selectionStart = el.selectionEnd = start + item.length; });
}

/** Event handlers for an input or textarea whose value set() stores; key names it among others on the page. */
export function completing(key, all, set) {
  return {
    input: (e) => { set(e.target.value); suggest(key, e.target, all); },
    click: (e) => suggest(key, e.target, all),
    keydown: (e) => {
      if (e.key === 'Tab' && state.key === key && state.items.length) { e.preventDefault(); accept(state.items[0], set); }
    },
    blur: () => setTimeout(() => { if (state.key === key) { state.items = []; update(); } }, 200),
  };
}

/** The suggestion list under the input named label, when it has any. */
export function suggestions(key, label, set) {
  if (state.key !== key || !state.items.length) return nothing;
  return html`<div class="suggestions" role="listbox" aria-label="Suggestions for ${label}">
    ${state.items.map((item) => html`<button type="button" role="option" @mousedown=${(e) => { e.preventDefault(); accept(item, set); }}>${item}</button>`)}</div>`;
}
