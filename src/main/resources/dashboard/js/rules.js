// The API rules tab: one input per rule, locked (null: superusers only) or a filter expression, with completion of
// this collection's fields, @request.* and @collection.* paths. The server checks every rule on save; its errors
// show under the rule they concern.
import { html } from 'lit-html';
import { update } from './ui.js';
import { errorAt } from './collection-editor.js';
import { filterPaths, completing, suggestions } from './complete.js';

const BASE_RULES = [['listRule', 'List/Search rule'], ['viewRule', 'View rule'], ['createRule', 'Create rule'],
  ['updateRule', 'Update rule'], ['deleteRule', 'Delete rule']];
const AUTH_RULES = [['authRule', 'Auth rule'], ['manageRule', 'Manage rule']];

function ruleInput(draft, key, label, all) {
  const locked = draft[key] === null || draft[key] === undefined;
  const set = (value) => { draft[key] = value; };
  const on = completing(key, all, set);
  return html`<div class="rule">
    <label class="field"><span>${label}</span>
      <textarea class="code" rows="2" ?disabled=${locked} .value=${locked ? '' : draft[key]}
        placeholder=${locked ? 'Superusers only' : 'Leave empty to grant everyone access'}
        @input=${on.input} @click=${on.click} @keydown=${on.keydown} @blur=${on.blur}></textarea></label>
    ${errorAt(key)}${suggestions(key, label, set)}
    <label class="check"><input type="checkbox" .checked=${locked}
      @change=${(e) => { draft[key] = e.target.checked ? null : ''; update(); }}><span>${label}: superusers only</span></label>
  </div>`;
}

/** The rules tab. */
export function rulesView(draft, collections) {
  const all = filterPaths(draft.fields || [], collections);
  const rules = draft.type === 'auth' ? [...BASE_RULES, ...AUTH_RULES] : draft.type === 'view' ? BASE_RULES.slice(0, 2) : BASE_RULES;
  return html`<p class="muted">A rule is a filter over the record and the request; an empty rule lets everyone in.
    Type to complete field names and <code>@request</code>/<code>@collection</code> paths (Tab takes the first).</p>
    ${rules.map(([key, label]) => ruleInput(draft, key, label, all))}`;
}
