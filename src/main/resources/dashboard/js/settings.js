// The settings screen (#/settings/SECTION): one form per section of GET/PATCH /api/settings. Each Save sends only
// its section's keys; settings the server's configuration overrides (envOverrides) are shown read-only with the
// reason, and secrets (SMTP password, S3 secrets) are write-only: blank keeps the stored one.
import { html, nothing } from 'lit-html';
import { api } from './api.js';
import { run, update, button, errors } from './ui.js';
import { SECTIONS } from './settings-forms.js';

/** The settings as last loaded or saved, the draft being edited, and the section shown. */
export const state = { saved: null, draft: null, section: 'application', loading: false };

/** The configuration behind each key of envOverrides, to say why a setting cannot be changed here. */
const OVERRIDE_SOURCES = {
  s3: 'BASALT_S3_ENDPOINT and the other BASALT_S3_* variables',
  'batch.enabled': 'BASALT_BATCH_ENABLED',
  'batch.maxRequests': 'BASALT_BATCH_MAX_REQUESTS',
  'batch.timeout': 'BASALT_BATCH_TIMEOUT_SECONDS',
  'batch.maxBodySize': 'BASALT_BATCH_MAX_BODY_BYTES',
};

/** True when the server's configuration overrides this settings key (or its whole section). */
export function overridden(key) {
  const keys = state.saved?.envOverrides || [];
  return keys.includes(key) || keys.includes(key.split('.')[0]);
}

/** A read-only note naming what overrides a key, or nothing. */
export function overrideNote(key) {
  if (!overridden(key)) return nothing;
  const k = (state.saved.envOverrides || []).find((o) => o === key || o === key.split('.')[0]);
  return html`<p class="note" role="note">Read-only: set by the server's configuration
    (<code>${OVERRIDE_SOURCES[k] || k}</code>), which wins over the value stored here.</p>`;
}

async function load() {
  state.loading = true;
  const res = await run('settings-load', () => api.get('/api/settings'));
  state.loading = false;
  if (res) { state.saved = res; state.draft = structuredClone(res); }
  update();
}

/** Saves the keys of one section; the answer (the whole settings) replaces the saved copy, the draft keeps edits elsewhere. */
export async function save(e, keys) {
  e?.preventDefault();
  const body = {};
  for (const k of keys) body[k] = state.draft[k];
  const res = await run('settings', () => api.patch('/api/settings', body), 'Settings saved.');
  if (!res) return;
  state.saved = res;
  for (const k of keys) state.draft[k] = structuredClone(res[k]);
  document.dispatchEvent(new CustomEvent('basalt-settings', { detail: res }));
  update();
}

/** A section's form: the server's error on top, the fields, Save and Reset. */
export function sectionForm(keys, body, extra = nothing) {
  return html`<form @submit=${(e) => save(e, keys)} novalidate aria-label="Settings">
    ${errors.settings ? html`<p class="alert" role="alert">${errors.settings.message}</p>` : nothing}
    ${body}
    <div class="row form-actions">
      <button type="button" @click=${() => { for (const k of keys) state.draft[k] = structuredClone(state.saved[k]); delete errors.settings; update(); }}>Reset</button>
      ${button('Save changes', 'settings', null, { kind: 'primary', type: 'submit' })}</div></form>${extra}`;
}

/** The screen for #/settings/SECTION. */
export function view(parts) {
  if (!state.saved && !state.loading && !errors['settings-load']) load();
  const section = SECTIONS.find((s) => s.id === parts[0]) || SECTIONS[0];
  if (state.section !== section.id) { state.section = section.id; delete errors.settings; }
  return html`<aside class="sidebar" aria-label="Settings sections"><h2>Settings</h2><ul>
      ${SECTIONS.map((s) => html`<li><a href="#/settings/${s.id}" aria-current=${s.id === section.id ? 'page' : 'false'}>
        <span>${s.title}</span></a></li>`)}</ul></aside>
    <main class="main settings">
      <div class="toolbar"><h1>${section.title}</h1></div>
      ${errors['settings-load'] ? html`<p class="alert" role="alert">${errors['settings-load'].message}</p>
        ${button('Retry', 'settings-load', () => { delete errors['settings-load']; load(); })}` : nothing}
      ${state.draft ? section.view(state.draft) : html`<p role="status"><span class="spinner"></span> Loading...</p>`}
    </main>`;
}
