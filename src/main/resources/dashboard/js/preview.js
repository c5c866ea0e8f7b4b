// API preview of a collection, as PocketBase's dashboard shows it: per action the SDK call, the HTTP request and
// the rule that applies; "Send as a guest" runs the request without the superuser's token to show the rule at work.
import { html, nothing } from 'lit-html';
import { recordsPath } from './api.js';
import { update, dialog, button, run } from './ui.js';

const MAX_ANSWER = 4000;
export const preview = { collection: null, tab: 'list', answer: null };

export function openPreview(c) {
  Object.assign(preview, { collection: c, tab: 'list', answer: null });
  update();
}

function close() { preview.collection = null; update(); }

function actions(c) {
  const p = recordsPath(c.name);
  const sdk = `pb.collection('${c.name}')`;
  const list = [
    ['list', 'List/Search', 'listRule', 'GET', `${p}?page=1&perPage=30`, `await ${sdk}.getList(1, 30, {\n  filter: 'created > "2024-01-01"',\n  sort: '-created',\n});`],
    ['view', 'View', 'viewRule', 'GET', `${p}/RECORD_ID`, `await ${sdk}.getOne('RECORD_ID');`],
  ];
  if (c.type !== 'view') {
    const example = Object.fromEntries(c.fields.filter((f) => !f.system && !['autodate', 'file'].includes(f.type)).slice(0, 4)
      .map((f) => [f.name, { number: 123, bool: true, json: {}, relation: 'RELATION_ID', geoPoint: { lon: 0, lat: 0 } }[f.type] ?? 'test']));
    const body = JSON.stringify(example, null, 2);
    list.push(
      ['create', 'Create', 'createRule', 'POST', p, `await ${sdk}.create(${body});`, body],
      ['update', 'Update', 'updateRule', 'PATCH', `${p}/RECORD_ID`, `await ${sdk}.update('RECORD_ID', ${body});`, body],
      ['delete', 'Delete', 'deleteRule', 'DELETE', `${p}/RECORD_ID`, `await ${sdk}.delete('RECORD_ID');`],
    );
  }
  list.push(['realtime', 'Realtime', 'listRule', 'GET', '/api/realtime',
    `${sdk}.subscribe('*', (e) => {\n  console.log(e.action, e.record);\n});`]);
  if (c.type === 'auth') {
    list.push(['auth', 'Auth with password', 'authRule', 'POST', `/api/collections/${c.name}/auth-with-password`,
      `await ${sdk}.authWithPassword('test@example.com', '1234567890');`, '{"identity": "test@example.com", "password": "1234567890"}']);
  }
  return list;
}

function ruleText(c, key) {
  const rule = c[key];
  if (rule === null || rule === undefined) return html`<p><strong>Only superusers</strong> can perform this action (the rule is locked).</p>`;
  if (rule === '') return html`<p><strong>Everyone</strong> can perform this action: the rule is empty.</p>`;
  return html`<p>Allowed when the rule matches:</p><pre><code>${rule}</code></pre>`;
}

async function sendAsGuest(method, path) {
  preview.answer = await run('preview-send', async () => {
    const res = await fetch(path, { method: method === 'GET' ? 'GET' : method, headers: { 'Content-Type': 'application/json' } });
    const text = await res.text();
    let pretty = text;
    try { pretty = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON: shown as sent */ }
    return { status: res.status, text: pretty.slice(0, MAX_ANSWER) };
  });
  update();
}

/** The preview dialog. */
export function previewView() {
  const c = preview.collection;
  const all = actions(c);
  const [key, label, rule, method, path, code, body] = all.find((a) => a[0] === preview.tab) || all[0];
  const origin = location.origin;
  return dialog(`API preview: ${c.name}`, html`<div class="tabs" role="tablist">${all.map(([k, l]) => html`<button type="button" role="tab"
      aria-selected=${k === key ? 'true' : 'false'} @click=${() => { preview.tab = k; preview.answer = null; update(); }}>${l}</button>`)}</div>
    <section aria-label="${label} API">
    <h3>${label}: rule</h3>${ruleText(c, rule)}
    <h3>JavaScript SDK</h3><pre><code>import PocketBase from 'pocketbase';\nconst pb = new PocketBase('${origin}');\n\n${code}</code></pre>
    <h3>HTTP request</h3><pre><code>${method} ${path}${body ? `\nContent-Type: application/json\n\n${body}` : ''}</code></pre>
    <pre><code>curl -X ${method} '${origin}${path}'${body ? ` \\\n  -H 'Content-Type: application/json' -d '${body.replace(/\s+/g, ' ')}'` : ''}</code></pre>
    ${method === 'GET' && key !== 'realtime' && !path.includes('RECORD_ID') ? html`${button('Send as a guest', 'preview-send', () => sendAsGuest(method, path))}
      ${preview.answer ? html`<p role="status">Answer to a guest: <strong>${preview.answer.status}</strong></p>
        <pre><code>${preview.answer.text}</code></pre>` : nothing}` : nothing}
    </section>`, close);
}
