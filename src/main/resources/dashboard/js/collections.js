// The collections screen: the list with search on the left, the selected collection's records on the right, and
// the dialogs to create or edit a collection and to preview its API.
import { html, nothing } from 'lit-html';
import { api } from './api.js';
import { run, update, input, go, appMeta } from './ui.js';
import { editorView, openEditor, editor } from './collection-editor.js';
import { recordsView } from './records.js';
import { previewView, preview } from './preview.js';

/** Every collection, as GET /api/collections answers them (loaded on entry and after each change). */
export const store = { items: null, search: '' };

export async function reload() {
  const res = await run('collections', () => api.get('/api/collections', { perPage: 500, sort: 'name' }));
  if (res) store.items = res.items;
  update();
}

// An import elsewhere (settings) changed the schema: the list is read again on the next visit.
document.addEventListener('basalt-collections-changed', () => { store.items = null; });

export const byName = (name) => store.items?.find((c) => c.name === name || c.id === name);

function sidebar(selected) {
  const q = store.search.trim().toLowerCase();
  const visible = (store.items || []).filter((c) => !q || c.name.toLowerCase().includes(q));
  const item = (c) => html`<li><a href="#/collections?collection=${encodeURIComponent(c.name)}"
      aria-current=${c.name === selected ? 'page' : 'false'}><span>${c.name}</span><span class="kind">${c.type}</span></a></li>`;
  return html`<aside class="sidebar" aria-label="Collections">
    ${input('Search collections', store, 'search', { type: 'search' })}
    ${appMeta.hideControls ? nothing : html`<button class="primary" data-shortcut="new"
      @click=${() => openEditor(null)}>New collection</button>`}
    ${store.items === null ? html`<p role="status"><span class="spinner"></span> Loading...</p>` : nothing}
    <ul>${visible.filter((c) => !c.system).map(item)}</ul>
    <h3 class="muted">System</h3>
    <ul>${visible.filter((c) => c.system).map(item)}</ul>
  </aside>`;
}

/** The screen for #/collections?collection=NAME. */
export function view(_parts, params) {
  if (store.items === null && !store.loading) {
    store.loading = true;
    reload().finally(() => { store.loading = false; });
  }
  const name = params.get('collection');
  const collection = name ? byName(name) : (store.items || []).find((c) => !c.system) || store.items?.[0];
  if (!name && collection) queueMicrotask(() => go(`#/collections?collection=${encodeURIComponent(collection.name)}`));
  const main = collection ? recordsView(collection) : html`<main class="main"><h1>Collections</h1>
    <p class="muted">${store.items?.length === 0 ? 'No collections yet.' : ''}</p></main>`;
  return html`${sidebar(collection?.name)}${main}
    ${editor.open ? editorView() : nothing}
    ${preview.collection ? previewView() : nothing}`;
}
