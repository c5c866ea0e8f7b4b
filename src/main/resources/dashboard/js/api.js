// The dashboard's only way to the server: the public HTTP API, with the superuser's token kept in localStorage
// under the same key and shape ({token, record}) as PocketBase's dashboard and the SDK's LocalAuthStore.
const STORE_KEY = '__pb_superuser_auth__';

/** An error answered by the server, in PocketBase's shape {status, message, data}. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || (status ? `Request failed with status ${status}.` : 'The server cannot be reached.'));
    this.status = status;
    this.data = body?.data || {};
    this.body = body || {};
  }
  /** The message of one field's error (data.name.message), or ''. */
  field(name) {
    return this.data?.[name]?.message || '';
  }
}

export const auth = {
  get token() { return this.load().token || ''; },
  get record() { return this.load().record || null; },
  load() {
    try { return JSON.parse(localStorage.getItem(STORE_KEY)) || {}; } catch { return {}; }
  },
  save(token, record) { localStorage.setItem(STORE_KEY, JSON.stringify({ token, record })); },
  clear() { localStorage.removeItem(STORE_KEY); },
  /** True while a token is stored and its exp claim lies ahead. */
  get valid() {
    const t = this.token;
    if (!t) return false;
    try {
      const claims = JSON.parse(atob(t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return !claims.exp || claims.exp * 1000 > Date.now();
    } catch { return false; }
  },
};

/** Sends a request; a JSON body unless body is FormData; answers the parsed JSON or throws ApiError. */
export async function send(method, path, body, { query } = {}) {
  const headers = {};
  if (auth.token) headers.Authorization = auth.token;
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const qs = query ? '?' + new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '' && v != null)) : '';
  let res;
  try {
    res = await fetch(path + qs, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, null);
  }
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

export const api = {
  get: (path, query) => send('GET', path, undefined, { query }),
  post: (path, body) => send('POST', path, body ?? {}),
  patch: (path, body) => send('PATCH', path, body),
  del: (path) => send('DELETE', path),
};

/** The record URL of a collection. */
export const recordsPath = (collection) => `/api/collections/${encodeURIComponent(collection)}/records`;

/** URL of a stored file; thumb like '100x100'. Protected files are not previewed (they need a file token). */
export function fileUrl(record, filename, thumb) {
  const base = `/api/files/${record.collectionId}/${record.id}/${encodeURIComponent(filename)}`;
  return thumb ? `${base}?thumb=${thumb}` : base;
}

/**
 * The SDK's realtime protocol: an EventSource on /api/realtime whose PB_CONNECT event names the client, then a
 * POST of the topics (with the superuser's token) to subscribe. One subscription at a time is all the dashboard needs.
 */
export class Realtime {
  constructor() { this.source = null; this.clientId = ''; this.topic = ''; this.handler = null; }

  async subscribe(topic, handler) {
    this.unsubscribe();
    this.topic = topic;
    this.handler = handler;
    this.source = new EventSource('/api/realtime');
    this.source.addEventListener('PB_CONNECT', (e) => {
      this.clientId = JSON.parse(e.data).clientId;
      api.post('/api/realtime', { clientId: this.clientId, subscriptions: [topic] }).catch(() => {});
    });
    this.source.addEventListener(topic, (e) => this.handler?.(JSON.parse(e.data)));
  }

  unsubscribe() {
    this.source?.close();
    this.source = null;
    this.handler = null;
  }
}
