// Shared state, rendering and small building blocks of the dashboard's screens.
import { html, render, nothing } from 'lit-html';
import { ApiError } from './api.js';

const listeners = [];
let scheduled = false;
let root = () => nothing;

/** Sets the function that renders the whole page. */
export function mount(view) { root = view; update(); }

/** Re-renders the page on the next frame (state lives in plain objects that screens change before calling this). */
export function update() {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    dialogs.length = 0;
    render(root(), document.body);
    listeners.forEach((l) => l());
  });
}

/** Notices shown at the bottom of the page; errors carry the server's message. */
export const toasts = [];

export function toast(message, kind = 'info') {
  // The same notice again replaces the one shown (a second "Settings saved." is not stacked under the first).
  const same = toasts.findIndex((x) => x.message === message && x.kind === kind);
  if (same >= 0) toasts.splice(same, 1);
  const t = { message, kind };
  toasts.push(t);
  update();
  setTimeout(() => { if (toasts.includes(t)) toasts.splice(toasts.indexOf(t), 1); update(); }, kind === 'error' ? 8000 : 3000);
}

/** Actions in progress, by key: buttons show progress and are disabled while theirs runs. */
const busy = new Set();
export const isBusy = (key) => busy.has(key);

/**
 * Runs an action, marking key as busy; a failure is shown with the server's message and kept in errors[key]
 * (with field errors for forms) until the next run.
 */
export const errors = {};
export async function run(key, action, success) {
  busy.add(key);
  delete errors[key];
  update();
  try {
    const result = await action();
    if (success) toast(success);
    return result;
  } catch (e) {
    errors[key] = e instanceof ApiError ? e : new ApiError(0, { message: String(e.message || e) });
    toast(errors[key].message, 'error');
    return undefined;
  } finally {
    busy.delete(key);
    update();
  }
}

/** The field error of a form's last failed run, e.g. fieldError('collection', 'name'). */
export function fieldError(key, name) {
  const msg = errors[key]?.field(name);
  return msg ? html`<small class="field-error" role="alert">${msg}</small>` : nothing;
}

/** A submit or action button that shows progress while its action runs. */
export function button(label, key, onClick, { kind = '', type = 'button', disabled = false } = {}) {
  const working = key && isBusy(key);
  return html`<button type=${type} class=${kind} ?disabled=${working || disabled} aria-busy=${working ? 'true' : 'false'}
    @click=${onClick || nothing}>${working ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${label}</button>`;
}

/** A labelled text input bound to obj[prop]. */
export function input(label, obj, prop, { type = 'text', required = false, placeholder = '', autocomplete = 'off', error = nothing, list = '',
  disabled = false } = {}) {
  return html`<div class="field"><label><span>${label}</span>
    <input type=${type} .value=${obj[prop] ?? ''} ?required=${required} placeholder=${placeholder}
      autocomplete=${autocomplete} list=${list || nothing} ?disabled=${disabled}
      @input=${(e) => { obj[prop] = type === 'number' ? (e.target.value === '' ? null : Number(e.target.value)) : e.target.value; update(); }}></label>
    ${error}</div>`;
}

/** A labelled checkbox bound to obj[prop]. */
export function checkbox(label, obj, prop, { disabled = false } = {}) {
  return html`<label class="check"><input type="checkbox" .checked=${!!obj[prop]} ?disabled=${disabled}
    @change=${(e) => { obj[prop] = e.target.checked; update(); }}><span>${label}</span></label>`;
}

/** Asks before a destructive action (the browser's own dialog: keyboard-friendly and accessible). */
export const confirmed = (question) => window.confirm(question);

/** Navigates to a hash route. */
export function go(route) { location.hash = route; }

/** The close actions of the dialogs on the page, innermost last (filled by each render). */
const dialogs = [];

/** The keyboard shortcuts, as the help dialog ("?") lists them. */
const SHORTCUTS = [['?', 'Show these shortcuts'], ['/', 'Go to the search or filter box'], ['n', 'New item on this screen (record, collection, API key)'],
  ['Ctrl+S', 'Save the open dialog'], ['Escape', 'Close the open dialog'], ['g then c', 'Go to collections'],
  ['g then l', 'Go to logs'], ['g then b', 'Go to backups'], ['g then s', 'Go to settings'], ['g then k', 'Go to API keys']];
const GO_TO = { c: '#/collections', l: '#/logs', b: '#/backups', s: '#/settings', k: '#/api-keys', r: '#/crons' };
/** The state of the shortcuts: the help dialog open, a "g" waiting for its second key. */
export const shortcuts = { help: false, pendingGo: false };

/** The settings the dashboard follows (settings.meta: appName, accentColor, hideControls), once loaded. */
export const appMeta = {};

/** The help dialog listing the shortcuts. */
export function shortcutsHelp() {
  const close = () => { shortcuts.help = false; update(); };
  return dialog('Keyboard shortcuts', html`<table aria-label="Keyboard shortcuts"><tbody>${SHORTCUTS.map(([k, what]) =>
    html`<tr class="static"><th scope="row"><kbd>${k}</kbd></th><td>${what}</td></tr>`)}</tbody></table>
    <footer><button class="primary" @click=${close}>Close</button></footer>`, close);
}

/**
 * Keyboard shortcuts (see SHORTCUTS): single keys only act outside inputs, so typing is never taken over; the "new"
 * shortcut clicks the screen's last button marked data-shortcut="new" (New record wins over the sidebar's New collection).
 */
addEventListener('keydown', (e) => {
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName || '') || document.activeElement?.isContentEditable;
  const plain = !typing && !e.ctrlKey && !e.metaKey && !e.altKey;
  if (e.key === 'Escape' && dialogs.length) {
    dialogs[dialogs.length - 1]();
  } else if ((e.ctrlKey || e.metaKey) && e.key === 's' && dialogs.length) {
    e.preventDefault();
    [...document.querySelectorAll('[role="dialog"] form')].pop()?.requestSubmit();
  } else if (plain && shortcuts.pendingGo) {
    shortcuts.pendingGo = false;
    if (GO_TO[e.key]) { e.preventDefault(); go(GO_TO[e.key]); }
  } else if (plain && e.key === '/') {
    const search = [...document.querySelectorAll('input[type="search"]')].pop();
    if (search) { e.preventDefault(); search.focus(); }
  } else if (plain && e.key === '?') {
    shortcuts.help = true;
    update();
  } else if (plain && e.key === 'g' && !dialogs.length) {
    shortcuts.pendingGo = true;
  } else if (plain && e.key === 'n' && !dialogs.length) {
    const target = [...document.querySelectorAll('[data-shortcut="new"]')].pop(); // the main area's, after the sidebar's
    if (target) { e.preventDefault(); target.click(); }
  }
});

/** A dialog panel on top of the page. */
export function dialog(title, body, onClose) {
  dialogs.push(onClose);
  return html`<div class="backdrop" @click=${(e) => { if (e.target === e.currentTarget) onClose(); }}>
    <section class="dialog" role="dialog" aria-modal="true" aria-label=${title}>
      <header><h2>${title}</h2><button class="icon" aria-label="Close" @click=${onClose}>×</button></header>
      ${body}
    </section></div>`;
}

/**
 * The error message at a dotted path of a failed run's data, whether the server nests it
 * ({smtp: {host: {message}}}) or keys it flat ({"smtp.host": {message}}), as inline text.
 */
export function errorIn(key, path) {
  const data = errors[key]?.data || {};
  let node = data[path];
  if (!node) { node = data; for (const part of path.split('.')) node = node?.[part]; }
  return node?.message ? html`<small class="field-error" role="alert">${node.message}</small>` : nothing;
}

/** Comma-separated text <-> a list of strings (header names, IPs, identity fields...). */
export const splitList = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** A labelled text input bound to a list of strings as comma-separated text. */
export function listInput(label, obj, prop, { placeholder = '', error = nothing, disabled = false } = {}) {
  return html`<div class="field"><label><span>${label}</span><input .value=${(obj[prop] || []).join(', ')}
    placeholder=${placeholder} ?disabled=${disabled} @change=${(e) => { obj[prop] = splitList(e.target.value); update(); }}></label>
    ${error}</div>`;
}

/** Dates as the API writes them ("2024-01-02 03:04:05.678Z"), shortened for tables. */
export const shortDate = (v) => (v ? String(v).replace('T', ' ').slice(0, 19) : '');

/** Copies text to the clipboard; answers whether it worked (without clipboard access the text is offered in a prompt). */
export async function copyText(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    window.prompt(`Copy the ${what}:`, text);
    return false;
  }
}
