// The field editor of a collection: one group per field with its name, flags and the options of its type
// (the types and options of dev.basalt.collections.fields, as PocketBase's).
import { html, nothing } from 'lit-html';
import { update, input, checkbox } from './ui.js';
import { errorAt } from './collection-editor.js';

export const FIELD_TYPES = ['text', 'number', 'bool', 'email', 'url', 'editor', 'date', 'autodate', 'select',
  'file', 'relation', 'json', 'geoPoint', 'password'];

/** A new field of a type; system fields (the id, autodates) come with PocketBase's defaults. */
export function newField(type, name = '', system = false) {
  const f = { name, type, required: false, hidden: false, presentable: false, system };
  if (type === 'text' && name === 'id') {
    Object.assign(f, { primaryKey: true, required: true, min: 15, max: 15, pattern: '^[a-z0-9]+$', autogeneratePattern: '[a-z0-9]{15}' });
  }
  if (type === 'autodate') Object.assign(f, { onCreate: true, onUpdate: name !== 'created' });
  if (type === 'select') Object.assign(f, { values: [], maxSelect: 1 });
  if (type === 'file') Object.assign(f, { maxSelect: 1, maxSize: 0, mimeTypes: [], thumbs: [], protected: false });
  if (type === 'relation') Object.assign(f, { collectionId: '', maxSelect: 1, minSelect: 0, cascadeDelete: false });
  if (type === 'editor') f.convertURLs = false;
  return f;
}

/** A text input bound to a list option (values, thumbs, domains...) as comma-separated text. */
function listInput(label, f, prop, placeholder, path) {
  return html`<label class="field"><span>${label}</span><input .value=${(f[prop] || []).join(', ')} placeholder=${placeholder}
    @change=${(e) => { f[prop] = e.target.value.split(',').map((s) => s.trim()).filter(Boolean); update(); }}>${errorAt(`${path}.${prop}`)}</label>`;
}

const num = (label, f, prop, path) => input(label, f, prop, { type: 'number', error: errorAt(`${path}.${prop}`) });
const text = (label, f, prop, path) => input(label, f, prop, { error: errorAt(`${path}.${prop}`) });

/** The options of one field type. */
function typeOptions(f, path, collections) {
  switch (f.type) {
    case 'text': return html`<div class="grid3">${num('Min length', f, 'min', path)}${num('Max length', f, 'max', path)}
      ${text('Pattern', f, 'pattern', path)}</div>${text('Autogenerate pattern', f, 'autogeneratePattern', path)}`;
    case 'password': return html`<div class="grid3">${num('Min length', f, 'min', path)}${num('Max length', f, 'max', path)}
      ${num('Bcrypt cost', f, 'cost', path)}</div>${text('Pattern', f, 'pattern', path)}`;
    case 'number': return html`<div class="grid3">${num('Min', f, 'min', path)}${num('Max', f, 'max', path)}</div>
      ${checkbox('No decimals', f, 'onlyInt')}`;
    case 'email': case 'url': return html`<div class="grid2">${listInput('Except domains', f, 'exceptDomains', 'example.com', path)}
      ${listInput('Only domains', f, 'onlyDomains', 'example.org', path)}</div>`;
    case 'editor': return html`${num('Max size (bytes)', f, 'maxSize', path)}${checkbox('Strip URLs domain', f, 'convertURLs')}`;
    case 'date': return html`<div class="grid2">${text('Min date', f, 'min', path)}${text('Max date', f, 'max', path)}</div>`;
    case 'autodate': return html`${checkbox('On create', f, 'onCreate')}${checkbox('On update', f, 'onUpdate')}`;
    case 'select': return html`<div class="grid2">${listInput('Choices', f, 'values', 'draft, published', path)}
      ${num('Max select', f, 'maxSelect', path)}</div>`;
    case 'file': return html`<div class="grid2">${num('Max files', f, 'maxSelect', path)}${num('Max file size (bytes)', f, 'maxSize', path)}
      ${listInput('MIME types', f, 'mimeTypes', 'image/png, image/jpeg', path)}${listInput('Thumb sizes', f, 'thumbs', '100x100, 0x300', path)}</div>
      ${checkbox('Protected', f, 'protected')}`;
    case 'relation': return html`<div class="grid3"><div class="field"><label for="${path}-collection"><span>Related collection</span></label>
        <select id="${path}-collection" @change=${(e) => { f.collectionId = e.target.value; update(); }}><option value="">Select a collection</option>
          ${collections.map((c) => html`<option value=${c.id} ?selected=${f.collectionId === c.id}>${c.name}</option>`)}</select>
        ${errorAt(`${path}.collectionId`)}</div>
      ${num('Min select', f, 'minSelect', path)}${num('Max select', f, 'maxSelect', path)}</div>
      ${checkbox('Cascade delete', f, 'cascadeDelete')}`;
    case 'json': return num('Max size (bytes)', f, 'maxSize', path);
    default: return nothing;
  }
}

function move(fields, i, by) {
  const j = i + by;
  if (j < 0 || j >= fields.length) return;
  [fields[i], fields[j]] = [fields[j], fields[i]];
  update();
}

/** Drag and drop by the grip in each legend: the dragged field is moved to where the dropped-on field stands. */
let dragged = -1;
function dragHandlers(fields, i) {
  return {
    start: (e) => { dragged = i; e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', String(i)); },
    over: (e) => { if (dragged >= 0) { e.preventDefault(); e.currentTarget.classList.add('drop-target'); } },
    leave: (e) => e.currentTarget.classList.remove('drop-target'),
    drop: (e) => {
      e.preventDefault();
      e.currentTarget.classList.remove('drop-target');
      if (dragged < 0 || dragged === i) return;
      const [f] = fields.splice(dragged, 1);
      fields.splice(i, 0, f);
      dragged = -1;
      update();
    },
    end: () => { dragged = -1; },
  };
}

/** The fields tab: every field in a group named "Field N: type", and a select that adds one. */
export function fieldsView(draft, collections) {
  const fields = draft.fields;
  return html`${fields.map((f, i) => {
    const path = `fields.${i}`;
    const d = dragHandlers(fields, i);
    return html`<fieldset aria-label="Field ${i + 1}: ${f.type}" @dragover=${d.over} @dragleave=${d.leave} @drop=${d.drop}>
      <legend><span class="grip" draggable="true" title="Drag to reorder (or use Move up/down)" aria-hidden="true"
        @dragstart=${d.start} @dragend=${d.end}>⠿</span> ${f.name || '(new)'} <span class="muted">${f.type}${f.system ? ', system' : ''}</span></legend>
      <div class="row"><div class="grow">${f.system ? html`<p><code>${f.name}</code></p>` : text('Name', f, 'name', path)}</div>
        <button type="button" class="icon" aria-label="Move up" @click=${() => move(fields, i, -1)}>↑</button>
        <button type="button" class="icon" aria-label="Move down" @click=${() => move(fields, i, 1)}>↓</button>
        ${f.system ? nothing : html`<button type="button" class="danger" @click=${() => { fields.splice(i, 1); update(); }}>Remove field</button>`}</div>
      ${f.type === 'autodate' || f.primaryKey ? nothing : html`${checkbox('Nonempty', f, 'required')}`}
      ${checkbox('Hidden', f, 'hidden')}${checkbox('Presentable', f, 'presentable')}
      ${typeOptions(f, path, collections)}</fieldset>`;
  })}
  <div class="field"><label for="add-field"><span>Add field</span></label><select id="add-field" @change=${(e) => {
    if (!e.target.value) return;
    fields.push(newField(e.target.value));
    e.target.value = '';
    update();
  }}><option value="">Choose a type...</option>${FIELD_TYPES.map((t) => html`<option>${t}</option>`)}</select></div>
  ${errorAt('fields')}`;
}
