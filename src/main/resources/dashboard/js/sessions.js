// The sign-in sessions of an auth record (Basalt's own): listed in its form, each revocable, or all at once.
import { html, nothing } from 'lit-html';
import { api } from './api.js';
import { run, update, button, confirmed, shortDate } from './ui.js';

const state = { key: '', items: null };

async function reload(path) {
  const res = await run('sessions', () => api.get(path));
  if (res) state.items = res.items;
  update();
}

/** The sessions section for record r of auth collection c. */
export function sessionsView(c, r) {
  const path = `/api/collections/${encodeURIComponent(c.name)}/records/${r.id}/sessions`;
  if (state.key !== path) { state.key = path; state.items = null; reload(path); }
  const revoke = async (s) => {
    if (!confirmed('Revoke this session? Its tokens stop working at once.')) return;
    await run(`session-${s.id}`, () => api.del(`${path}/${s.id}`), 'Session revoked.');
    reload(path);
  };
  const revokeAll = async () => {
    if (!confirmed('Revoke every session of this record?')) return;
    await run('sessions-all', () => api.del(path), 'All sessions revoked.');
    reload(path);
  };
  const items = state.items || [];
  return html`<fieldset><legend>Sessions</legend>
    ${state.items === null ? html`<p role="status"><span class="spinner"></span> Loading...</p>` : nothing}
    ${state.items?.length === 0 ? html`<p class="muted">No active sessions.</p>` : nothing}
    ${items.length ? html`<table aria-label="Sessions"><thead><tr><th>Kind</th><th>Client</th><th>Last used</th><th>Expires</th><th></th></tr></thead>
      <tbody>${items.map((s, i) => html`<tr><td>${s.kind}</td><td title=${s.userAgent}>${s.userAgent || '-'}</td>
        <td>${shortDate(s.lastUsed)}</td><td>${shortDate(s.expires)}</td>
        <td>${button(`Revoke session ${i + 1}`, `session-${s.id}`, () => revoke(s), { kind: 'danger' })}</td></tr>`)}</tbody></table>
      ${button('Revoke all sessions', 'sessions-all', revokeAll, { kind: 'danger' })}` : nothing}</fieldset>`;
}
