// The logs screen (#/logs): request logs with the filter language, a chart of requests per hour (/api/logs/stats,
// plain SVG) that zooms to a range dragged across it or typed as From/To, and the details of one entry.
import { html, svg, nothing } from 'lit-html';
import { api } from './api.js';
import { run, update, button, dialog, shortDate, errors } from './ui.js';

const PER_PAGE = 50;
const CHART = { width: 900, height: 140, pad: 28 };
const HOUR_MS = 3600_000;
/** The chart spans at least this many hours. */
const MIN_HOURS = 24;
const LEVELS = { '-4': 'DEBUG', 0: 'INFO', 4: 'WARN', 8: 'ERROR' };
const SUPERUSER_FILTER = 'data.auth != "_superusers"';

/** The filter typed, whether requests by superusers are shown, the loaded entries and stats, the entry opened. */
const state = { filter: '', superusers: false, items: null, total: 0, page: 1, stats: null, detail: null, loaded: false,
  from: '', to: '', drag: null };

/** "2024-01-02T03:04" (the datetime-local inputs, UTC) -> the API's "2024-01-02 03:04:00.000Z", and back. */
const toApi = (v) => `${v.replace('T', ' ')}:00.000Z`;
const toInput = (ms) => new Date(ms).toISOString().slice(0, 16);

function effectiveFilter() {
  const parts = [state.filter.trim() && `(${state.filter.trim()})`, !state.superusers && SUPERUSER_FILTER,
    state.from && `created >= "${toApi(state.from)}"`, state.to && `created <= "${toApi(state.to)}"`].filter(Boolean);
  return parts.join(' && ');
}

function zoom(from, to) {
  state.from = from;
  state.to = to;
  load();
}

/** Pointer handlers that turn a drag across the chart into a zoom on the hours it covers. */
function dragHandlers(first, hours) {
  const { width, pad } = CHART;
  const hourAt = (e) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * width;
    return Math.min(hours - 1, Math.max(0, Math.floor((x - pad) / ((width - pad * 2) / hours))));
  };
  return {
    down: (e) => { state.drag = { start: hourAt(e), end: hourAt(e) }; e.currentTarget.setPointerCapture?.(e.pointerId); update(); },
    move: (e) => { if (state.drag) { state.drag.end = hourAt(e); update(); } },
    up: () => {
      const d = state.drag;
      state.drag = null;
      if (!d || d.start === d.end) { update(); return; }
      const [a, b] = [Math.min(d.start, d.end), Math.max(d.start, d.end)];
      zoom(toInput(first + a * HOUR_MS), toInput(first + (b + 1) * HOUR_MS - 60_000));
    },
  };
}

async function load(more = false) {
  state.loaded = true;
  state.page = more ? state.page + 1 : 1;
  const filter = effectiveFilter();
  const [list, stats] = await Promise.all([
    run('logs', () => api.get('/api/logs', { page: state.page, perPage: PER_PAGE, sort: '-created', filter })),
    more ? Promise.resolve(state.stats) : run('logs-stats', () => api.get('/api/logs/stats', { filter })),
  ]);
  if (list) { state.items = more ? [...(state.items || []), ...list.items] : list.items; state.total = list.totalItems; }
  if (stats) state.stats = stats;
  update();
}

async function openDetail(id) {
  const entry = await run('log', () => api.get(`/api/logs/${encodeURIComponent(id)}`));
  if (entry) { state.detail = entry; update(); }
}

/** Requests per hour as bars, with the busiest hour's count and the first and last hour as axis labels. */
function chart(stats) {
  if (!stats?.length) return html`<p class="muted">No requests in this period.</p>`;
  const times = stats.map((s) => Date.parse(s.date.replace(' ', 'T')));
  // At least the last MIN_HOURS hours up to now, so one busy hour is a bar and not the whole width.
  // When zoomed, exactly the hours chosen.
  const hourOf = (v) => Math.floor(Date.parse(`${v}:00Z`) / HOUR_MS) * HOUR_MS;
  const last = state.to ? hourOf(state.to) : Math.max(times[times.length - 1], Math.floor(Date.now() / HOUR_MS) * HOUR_MS);
  const first = state.from ? hourOf(state.from) : Math.min(times[0], last - (MIN_HOURS - 1) * HOUR_MS);
  const hours = Math.round((last - first) / HOUR_MS) + 1;
  const label = (t) => shortDate(new Date(t).toISOString()).slice(0, 13) + ':00';
  const max = Math.max(...stats.map((s) => s.total));
  const total = stats.reduce((sum, s) => sum + s.total, 0);
  const { width, height, pad } = CHART;
  const slot = (width - pad * 2) / hours;
  const barW = Math.max(2, slot * 0.8);
  const y = (v) => height - pad - (v / max) * (height - pad * 2);
  const drag = dragHandlers(first, hours);
  const sel = state.drag && [Math.min(state.drag.start, state.drag.end), Math.max(state.drag.start, state.drag.end)];
  return html`<figure class="chart"><svg viewBox="0 0 ${width} ${height}" role="img" preserveAspectRatio="none"
      @pointerdown=${drag.down} @pointermove=${drag.move} @pointerup=${drag.up} style="cursor: crosshair; touch-action: none"
      aria-label="Requests per hour: ${total} in ${stats.length} hour(s), at most ${max} in one hour">
    ${svg`<line x1=${pad} y1=${height - pad} x2=${width - pad} y2=${height - pad} class="axis"></line>
      <text x=${pad} y=${pad - 10} class="label">${max}</text>
      <line x1=${pad} y1=${pad} x2=${width - pad} y2=${pad} class="axis grid"></line>
      <text x=${pad} y=${height - 8} class="label">${label(first)}</text>
      <text x=${width - pad} y=${height - 8} class="label" text-anchor="end">${label(last)}</text>
      ${stats.map((s, i) => svg`<rect class="bar" x=${pad + Math.round((times[i] - first) / HOUR_MS) * slot} y=${y(s.total)}
        width=${barW} height=${height - pad - y(s.total)}><title>${shortDate(s.date).slice(0, 13)}:00 UTC: ${s.total} request(s)</title></rect>`)}
      ${sel ? svg`<rect class="selection" x=${pad + sel[0] * slot} y=${pad} width=${(sel[1] - sel[0] + 1) * slot}
        height=${height - pad * 2}></rect>` : nothing}`}
  </svg><figcaption class="muted">Requests per hour (UTC), ${total} in total. Drag across the chart to zoom.</figcaption></figure>`;
}

function detailDialog() {
  const e = state.detail;
  const close = () => { state.detail = null; update(); };
  const rows = [['id', e.id], ['created', e.created], ['level', `${LEVELS[e.level] || e.level} (${e.level})`], ['message', e.message],
    ...Object.entries(e.data || {}).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)])];
  return dialog('Log details', html`<table aria-label="Log entry"><tbody>${rows.map(([k, v]) => html`<tr class="static">
      <th scope="row">${k}</th><td class="wrap">${v}</td></tr>`)}</tbody></table>
    <h3>JSON</h3><pre>${JSON.stringify(e, null, 2)}</pre>
    <footer><button class="primary" @click=${close}>Close</button></footer>`, close);
}

/** The screen for #/logs. */
export function view() {
  if (!state.loaded) load();
  const items = state.items || [];
  return html`<main class="main">
    <div class="toolbar"><h1>Logs</h1><span class="grow"></span>${button('Refresh', 'logs', () => load())}</div>
    <form class="toolbar" @submit=${(e) => { e.preventDefault(); load(); }}>
      <label class="field search filter"><span>Filter</span><input type="search" .value=${state.filter}
        placeholder='e.g. data.status >= 400 && data.method = "POST"' @input=${(e) => { state.filter = e.target.value; }}></label>
      <label class="field"><span>From (UTC)</span><input type="datetime-local" .value=${state.from}
        @change=${(e) => { state.from = e.target.value; }}></label>
      <label class="field"><span>To (UTC)</span><input type="datetime-local" .value=${state.to}
        @change=${(e) => { state.to = e.target.value; }}></label>
      <button type="submit">Apply</button>
      ${state.from || state.to ? html`<button type="button" @click=${() => zoom('', '')}>Reset zoom</button>` : nothing}
      <label class="check"><input type="checkbox" .checked=${state.superusers}
        @change=${(e) => { state.superusers = e.target.checked; load(); }}><span>Include requests by superusers</span></label>
    </form>
    ${errors.logs ? html`<p class="alert" role="alert">${errors.logs.message}</p>` : nothing}
    ${state.stats ? chart(state.stats) : html`<p role="status"><span class="spinner"></span> Loading chart...</p>`}
    <div class="table-wrap"><table aria-label="Logs"><thead><tr><th>Level</th><th>Message</th><th>Status</th><th>Time (ms)</th>
      <th>Auth</th><th>Created</th></tr></thead>
      <tbody>${items.map((e) => html`<tr @click=${() => openDetail(e.id)}>
        <td><span class="chip level-${e.level}">${LEVELS[e.level] || e.level}</span></td>
        <td><button type="button" class="link" @click=${(ev) => { ev.stopPropagation(); openDetail(e.id); }}>${e.message}</button></td>
        <td>${e.data?.status ?? ''}</td><td>${e.data?.execTime !== undefined ? Number(e.data.execTime).toFixed(1) : ''}</td>
        <td>${e.data?.auth || 'guest'}</td><td>${shortDate(e.created)}</td></tr>`)}</tbody></table>
      ${state.items && !items.length ? html`<p class="muted" style="padding:.6rem">No logs found.</p>` : nothing}
      ${!state.items ? html`<p role="status" style="padding:.6rem"><span class="spinner"></span> Loading...</p>` : nothing}</div>
    <div class="pager"><span>${items.length} of ${state.total} shown</span>
      ${items.length < state.total ? button('Load more', 'logs', () => load(true)) : nothing}</div>
    ${state.detail ? detailDialog() : nothing}</main>`;
}
