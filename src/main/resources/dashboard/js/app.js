// Entry point: hash routes as PocketBase's dashboard (#/collections, #/auth/confirm-...), the page frame, themes.
import { html } from 'lit-html';
import { auth, api } from './api.js';
import { mount, update, toasts, go, appMeta, shortcuts, shortcutsHelp } from './ui.js';
import { signInView, confirmView } from './auth-pages.js';

const THEME_KEY = 'basalt_theme';
const screens = {};

/** The screen modules by a route's first segment, each imported on its first visit. */
const loaders = {
  collections: () => import('./collections.js'),
  'api-keys': () => import('./keys.js'),
  logs: () => import('./logs.js'),
  backups: () => import('./backups.js'),
  crons: () => import('./backups.js').then((m) => ({ view: m.cronsView })),
  settings: () => import('./settings.js'),
};

/**
 * The settings the dashboard itself follows (meta: name, accent color, hidden collection controls), read once after
 * sign-in and again whenever the settings screen saves.
 */
function applyMeta(settings) {
  Object.assign(appMeta, settings?.meta || {});
  document.title = appMeta.appName ? `${appMeta.appName} - Basalt dashboard` : 'Basalt dashboard';
  // The light theme's links and highlights (the dark theme keeps its lighter blue for contrast).
  document.documentElement.style.setProperty('--brand', appMeta.accentColor || '');
  update();
}
let metaLoaded = false;
function loadMeta() {
  if (metaLoaded) return;
  metaLoaded = true;
  api.get('/api/settings').then(applyMeta).catch(() => {}); // without them the defaults stay; no retry on every render
}
document.addEventListener('basalt-settings', (e) => applyMeta(e.detail));

function currentRoute() {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  return { parts: path.split('/').filter(Boolean), params: new URLSearchParams(query || '') };
}

function theme() { return localStorage.getItem(THEME_KEY) || ''; }
function applyTheme() { document.documentElement.dataset.theme = theme(); }
function toggleTheme() {
  const dark = theme() ? theme() === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  localStorage.setItem(THEME_KEY, dark ? 'light' : 'dark');
  applyTheme();
  update();
}

function signOut() {
  auth.clear();
  metaLoaded = false;
  go('#/login');
}

function frame(active, content) {
  const link = (href, label, key) => html`<a href=${href} aria-current=${active === key ? 'page' : 'false'}>${label}</a>`;
  const dark = document.documentElement.dataset.theme === 'dark'
    || (!document.documentElement.dataset.theme && matchMedia('(prefers-color-scheme: dark)').matches);
  return html`<div class="app">
    <nav class="rail" aria-label="Main">
      <span class="brand">Basalt</span>
      ${link('#/collections', 'Collections', 'collections')}
      ${link('#/collections?collection=_roles', 'Roles', 'roles')}
      ${link('#/api-keys', 'API keys', 'api-keys')}
      ${link('#/logs', 'Logs', 'logs')}
      ${link('#/backups', 'Backups', 'backups')}
      ${link('#/crons', 'Crons', 'crons')}
      ${link('#/settings', 'Settings', 'settings')}
      <span class="grow"></span>
      <button class="ghost" @click=${toggleTheme} aria-label=${dark ? 'Light theme' : 'Dark theme'}>${dark ? '☀' : '☾'}</button>
      <span class="who" title=${auth.record?.email || ''}>${auth.record?.email || ''}</span>
      <button class="ghost" @click=${signOut}>Sign out</button>
    </nav>
    ${content}</div>`;
}

function page() {
  const { parts, params } = currentRoute();
  if (parts[0] === 'auth' && parts[1]?.startsWith('confirm-') && parts[2]) {
    return confirmView(parts[1].slice('confirm-'.length), decodeURIComponent(parts[2]));
  }
  if (!auth.valid) {
    if (auth.token) auth.clear(); // an expired token is not sent along with the next sign-in
    if (parts[0] !== 'login') queueMicrotask(() => go('#/login'));
    return signInView();
  }
  loadMeta();
  const name = loaders[parts[0]] ? parts[0] : 'collections';
  if (parts[0] === 'login' || !loaders[parts[0]]) queueMicrotask(() => go('#/collections'));
  const screen = screens[name];
  if (!screen) {
    loaders[name]().then((m) => { screens[name] = m; update(); });
    return frame(name, html`<main class="main"><p role="status"><span class="spinner"></span> Loading...</p></main>`);
  }
  return frame(params.get('collection') === '_roles' ? 'roles' : name, screen.view(parts.slice(1), params));
}

function view() {
  return html`${page()}${shortcuts.help ? shortcutsHelp() : ''}<div class="toasts" aria-live="polite">${toasts.map((t) =>
    html`<div class="toast ${t.kind}" role=${t.kind === 'error' ? 'alert' : 'status'}>${t.message}</div>`)}</div>`;
}

applyTheme();
addEventListener('hashchange', update);
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', update);
mount(view);
