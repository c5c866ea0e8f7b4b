// A small rich-text editor for `editor` fields (no webjar of a well-kept editor resolves offline): a contenteditable
// area named by the field's label, with Bold, Italic, Link, list and "HTML source" buttons. The server sanitises
// the HTML it stores (EditorHtml), so the editor only has to produce ordinary markup.
import { html, nothing } from 'lit-html';
import { update } from './ui.js';

/** The editors' own state by field: showing the HTML source, and the content they started with. */
const state = {};

/** Runs a formatting command on the selection inside the editor (execCommand is still the one built-in way). */
function format(area, command, value = null) {
  area.focus();
  document.execCommand(command, false, value);
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

function addLink(area) {
  const url = window.prompt('Link address (https://...)', 'https://');
  if (url && /^(https?:|mailto:|\/)/i.test(url.trim())) format(area, 'createLink', url.trim());
}

/**
 * The editor for field `name` with the current value; onChange gets the new HTML. `key` identifies the open form, so
 * that a new form (another record) starts from its own value while typing never re-renders the area.
 */
export function richText(name, key, value, onChange, extra = nothing) {
  const s = (state[name] = state[name]?.key === key ? state[name] : { key, source: false, initial: value ?? '' });
  const id = `editor-${name}`;
  const area = () => document.getElementById(id);
  const tool = (label, text, action) => html`<button type="button" class="icon" aria-label=${label} title=${label}
    ?disabled=${s.source} @mousedown=${(e) => e.preventDefault()} @click=${() => action(area())}>${text}</button>`;
  return html`<div class="field rich-text"><span class="label" id="${id}-label">${name}</span>
    <div class="row toolbar-mini" role="toolbar" aria-label="${name} formatting">
      ${tool('Bold', html`<b>B</b>`, (a) => format(a, 'bold'))}${tool('Italic', html`<i>I</i>`, (a) => format(a, 'italic'))}
      ${tool('Link', html`<u>Link</u>`, addLink)}${tool('Bulleted list', '•', (a) => format(a, 'insertUnorderedList'))}
      ${tool('Numbered list', '1.', (a) => format(a, 'insertOrderedList'))}
      <span class="grow"></span>
      <button type="button" class="link" aria-pressed=${s.source ? 'true' : 'false'}
        @click=${() => { s.source = !s.source; s.initial = value ?? ''; update(); }}>HTML source</button></div>
    ${s.source
      ? html`<textarea class="code" rows="6" aria-labelledby="${id}-label" .value=${value ?? ''}
          @input=${(e) => onChange(e.target.value)}></textarea>`
      : html`<div id=${id} class="editable" contenteditable="true" role="textbox" aria-multiline="true"
          aria-labelledby="${id}-label" .innerHTML=${s.initial} @input=${(e) => onChange(e.target.innerHTML)}></div>`}
    ${extra}</div>`;
}
