// The API rules tab: one input per rule, locked (null: superusers only) or a filter expression, with completion of
// this collection's fields, @request.* and @collection.* paths. The server checks every rule on save; its errors
// show under the rule they concern.
import { html, nothing } from 'lit-html';
import { update } from './ui.js';
import { errorAt } from './collection-editor.js';

const BASE_RULES = [['listRule', 'List/Search rule'], ['viewRule', 'View rule'], ['createRule', 'Create rule'],
  ['updateRule', 'Update rule'], ['deleteRule', 'Delete rule']];
const AUTH_RULES = [['authRule', 'Auth rule'], ['manageRule', 'Manage rule']];
const REQUEST_PATHS = ['@request.auth.id', '@request.auth.collectionName', '@request.auth.email', '@request.auth.verified',
  '@request.method', '@request.context', '@request.headers.', '@request.query.', '@now', '@todayStart', '@todayEnd',
  '@yesterday', '@tomorrow', '@second', '@minute', '@hour', '@day', '@month', '@year'];
const MAX_SUGGESTIONS = 12;

/** Where the caret's word is being completed: rule key and the suggestions. */
const completion = { key: '', items: [] };

/** Every path a rule of this collection can name. */
function paths(draft, collections) {
  const own = (draft.fields || []).map((f) => f.name).filter(Boolean);
  const out = [...own, ...own.map((n) => `@request.body.${n}`), ...REQUEST_PATHS];
  const authFields = collections.filter((c) => c.type === 'auth').flatMap((c) => c.fields.map((f) => f.name));
  out.push(...new Set(authFields.map((n) => `@request.auth.${n}`)));
  for (const c of collections) out.push(...c.fields.map((f) => `@collection.${c.name}.${f.name}`));
  for (const f of draft.fields || []) {
    if (f.type === 'relation') {
      const target = collections.find((c) => c.id === f.collectionId);
      target?.fields.forEach((tf) => out.push(`${f.name}.${tf.name}`));
    }
    out.push(`${f.name}:isset`, `${f.name}:changed`, `${f.name}:length`, `${f.name}:each`, `${f.name}:lower`);
  }
  return [...new Set(out)];
}

/** The word before the caret (letters, digits, _ . @ :). */
function wordAt(el) {
  const before = el.value.slice(0, el.selectionStart);
  return before.match(/[\w.@:]*$/)[0];
}

function suggest(key, el, all) {
  const word = wordAt(el);
  completion.key = key;
  completion.el = el;
  completion.items = word ? all.filter((p) => p.startsWith(word) && p !== word).slice(0, MAX_SUGGESTIONS) : [];
  update();
}

function accept(draft, key, item) {
  const el = completion.el;
  const word = wordAt(el);
  const start = el.selectionStart - word.length;
  draft[key] = el.value.slice(0, start) + item + el.value.slice(el.selectionStart);
  completion.items = [];
  update();
  queueMicrotask(() => { el.focus(); el.selectionStart = el.selectionEnd = start + item.length; });
}

function ruleInput(draft, key, label, all) {
  const locked = draft[key] === null || draft[key] === undefined;
  return html`<div class="rule">
    <label class="field"><span>${label}</span>
      <textarea class="code" rows="2" ?disabled=${locked} .value=${locked ? '' : draft[key]}
        placeholder=${locked ? 'Superusers only' : 'Leave empty to grant everyone access'}
        @input=${(e) => { draft[key] = e.target.value; suggest(key, e.target, all); }}
        @click=${(e) => suggest(key, e.target, all)}
        @keydown=${(e) => { if (e.key === 'Tab' && completion.key === key && completion.items.length) { e.preventDefault(); accept(draft, key, completion.items[0]); } }}
        @blur=${() => setTimeout(() => { if (completion.key === key) { completion.items = []; update(); } }, 200)}></textarea>
      ${errorAt(key)}</label>
    ${completion.key === key && completion.items.length ? html`<div class="suggestions" role="listbox" aria-label="Suggestions for ${label}">
      ${completion.items.map((item) => html`<button type="button" role="option" @mousedown=${(e) => { e.preventDefault(); accept(draft, key, item); }}>${item}</button>`)}</div>` : nothing}
    <label class="check"><input type="checkbox" .checked=${locked}
      @change=${(e) => { draft[key] = e.target.checked ? null : ''; update(); }}><span>${label}: superusers only</span></label>
  </div>`;
}

/** The rules tab. */
export function rulesView(draft, collections) {
  const all = paths(draft, collections);
  const rules = draft.type === 'auth' ? [...BASE_RULES, ...AUTH_RULES] : draft.type === 'view' ? BASE_RULES.slice(0, 2) : BASE_RULES;
  return html`<p class="muted">A rule is a filter over the record and the request; an empty rule lets everyone in.
    Type to complete field names and <code>@request</code>/<code>@collection</code> paths (Tab takes the first).</p>
    ${rules.map(([key, label]) => ruleInput(draft, key, label, all))}`;
}
