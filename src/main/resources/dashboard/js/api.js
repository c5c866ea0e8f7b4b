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
  /** The token's claims ({} when there is none or it cannot be read). */
  get claims() {
    try {
      return JSON.parse(atob(this.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    } catch { return {}; }
  },
  /** True while a token is stored and its exp claim lies ahead. */
  get valid() {
    const exp = this.claims.exp;
    return !!this.token && (!exp || exp * 1000 > Date.now());
  },
};

/** A token with less than this many seconds left is refreshed before the next request (tokens carry no iat). */
const REFRESH_MARGIN_S = 300;
/** At most one refresh per this many seconds, whatever the token's lifetime. */
const REFRESH_MIN_GAP_S = 30;
let refreshing = null;
let lastRefresh = 0;

/** Refreshes the superuser's token (POST auth-refresh, same session) when it is close to its expiry. */
async function keepFresh(path) {
  const { exp } = auth.claims;
  const now = Date.now() / 1000;
  if (!exp || path.includes('/auth-') || now >= exp || exp - now > REFRESH_MARGIN_S || now - lastRefresh < REFRESH_MIN_GAP_S) return;
  lastRefresh = now;
  refreshing ||= fetch('/api/collections/_superusers/auth-refresh', { method: 'POST', headers: { Authorization: auth.token } })
    .then((r) => (r.ok ? r.json() : null))
    .then((j) => { if (j?.token) auth.save(j.token, j.record); })
    .catch(() => {})
    .finally(() => { refreshing = null; });
  await refreshing;
}

/** Sends a request; a JSON body unless body is FormData; answers the parsed JSON or throws ApiError. */
export async function send(method, path, body, { query } = {}) {
  await keepFresh(path);
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
  if (res.status === 401 && auth.token && !path.includes('/auth-')) {
    // The session ended (expired or revoked elsewhere): back to the sign-in form.
    auth.clear();
    location.hash = '#/login';
  }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

export const api = {
  get: (path, query) => send('GET', path, undefined, { query }),
  post: (path, body) => send('POST', path, body ?? {}),
  patch: (path, body) => send('PATCH', path, body),
  put: (path, body) => send('PUT', path, body),
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
