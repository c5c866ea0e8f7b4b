// The indexes tab of the collection editor: one form per index (columns ticked among the fields, unique) next to
// its SQL, which stays editable for what the form does not cover (COLLATE, DESC, expressions); both edit the same text.
import { html, nothing } from 'lit-html';
import { update } from './ui.js';
import { errorAt } from './collection-editor.js';

/** CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (columns) [WHERE ...], as the server's index grammar reads it. */
const INDEX = /^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?(\S+)\s+ON\s+(\S+)\s*\(([^)]*)\)\s*(?:WHERE\s+([\s\S]+?))?\s*;?\s*$/i;
const unquote = (s) => s.trim().replace(/^[`"[]|[`"\]]$/g, '');
/** A column the form can show: a plain (possibly quoted) name, without COLLATE or ASC/DESC. */
const PLAIN = /^\s*([`"[]?)[A-Za-z_][A-Za-z0-9_]*[`"\]]?\s*$/;

/** The parts of an index definition, or null when it is not one the form understands. */
export function parseIndex(sql) {
  const m = INDEX.exec(sql || '');
  if (!m) return null;
  const items = m[4].split(',').filter((c) => c.trim());
  return { unique: !!m[1], name: unquote(m[2]), table: unquote(m[3]), columns: items.map((c) => unquote(c.split(/\s+/).find(Boolean))),
    plain: items.every((c) => PLAIN.test(c)), where: m[5] || '' };
}

/** The SQL of an index from its parts (identifiers quoted with backticks, as PocketBase's dashboard writes them). */
export function buildIndex({ unique, name, table, columns, where }) {
  const cols = columns.map((c) => `\`${c}\``).join(', ');
  return `CREATE ${unique ? 'UNIQUE ' : ''}INDEX \`${name}\` ON \`${table}\` (${cols})${where ? ` WHERE ${where}` : ''}`;
}

/** A fresh index name, unique enough not to collide with another collection's (index names are per database). */
export const newIndexName = (table) => `idx_${table || 'collection'}_${Math.random().toString(36).slice(2, 9)}`;

/** The same indexes for a copy of the collection named table: each gets a new name and the new table (the rest kept). */
export function renameIndexes(indexes, table) {
  return (indexes || []).map((sql) => sql.replace(/(INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?)\S+(\s+ON\s+)\S+?(\s*\()/i,
    (_, head, on, paren) => `${head}\`${newIndexName(table)}\`${on}\`${table}\`${paren}`));
}

function setIndex(d, i, parts) {
  d.indexes[i] = buildIndex({ ...parts, table: d.name || parts.table });
  update();
}

function indexForm(d, i, fields) {
  const sql = d.indexes[i];
  const p = parseIndex(sql);
  const label = `Index ${i + 1}`;
  const toggle = (name, on) => setIndex(d, i, { ...p, columns: on ? [...p.columns, name] : p.columns.filter((c) => c !== name) });
  return html`<fieldset aria-label=${label}><legend>${label}${p ? html` <code>${p.name}</code>` : nothing}</legend>
    ${p && p.plain ? html`<label class="check"><input type="checkbox" .checked=${p.unique}
        @change=${(e) => setIndex(d, i, { ...p, unique: e.target.checked })}><span>Unique</span></label>
      <div class="columns" role="group" aria-label="${label} columns"><span class="muted">Columns:</span>
        ${fields.map((f) => html`<label class="check"><input type="checkbox" .checked=${p.columns.includes(f.name)}
          @change=${(e) => toggle(f.name, e.target.checked)}><span>${f.name}</span></label>`)}</div>`
    : html`<p class="muted">${p ? 'Column options (COLLATE, DESC) or expressions: edit this index as SQL.'
      : 'Not a CREATE INDEX statement the form can read: edit it as SQL.'}</p>`}
    <label class="field"><span>${label} SQL</span><textarea class="code" rows="2" .value=${sql}
      @change=${(e) => { d.indexes[i] = e.target.value.trim(); update(); }}></textarea></label>
    ${errorAt(`indexes.${i}`)}
    <button type="button" class="danger" @click=${() => { d.indexes.splice(i, 1); update(); }}>Remove index ${i + 1}</button>
  </fieldset>`;
}

/** The indexes tab for draft d. */
export function indexesView(d) {
  d.indexes = d.indexes || [];
  const fields = (d.fields || []).filter((f) => f.name);
  const add = () => {
    const first = fields.find((f) => f.name !== 'id');
    d.indexes.push(buildIndex({ unique: false, name: newIndexName(d.name), table: d.name || 'collection', columns: first ? [first.name] : [] }));
    update();
  };
  return html`${errorAt('indexes')}
    ${d.indexes.length ? nothing : html`<p class="muted">No indexes yet.</p>`}
    ${d.indexes.map((_, i) => indexForm(d, i, fields))}
    <button type="button" @click=${add}>New index</button>`;
}
