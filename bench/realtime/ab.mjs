// A/B driver for the realtime fan-out (see ab.sh): two builds run as two nodes of one cluster on one database; the
// same users subscribe to one node at a time and the phases alternate between the builds, so both see the same load.
// Per phase: create-request-to-receipt p50/p99 (client side), the node's basalt_realtime_fanout_seconds mean, the
// node's process CPU and the CPU of its realtime threads (fan-out and keep-alive share the 15-character thread name).
import http from 'node:http';
import fs from 'node:fs';

const URLS = process.env.BENCH_URLS.split(',');
const PIDS = process.env.BENCH_PIDS.split(',');
const LABELS = process.env.BENCH_LABELS.split(',');
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS || 1000);
const CHANGES = Number(process.env.BENCH_ROUNDS || 30);
const AB_ROUNDS = Number(process.env.BENCH_AB_ROUNDS || 3);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS || 300);
const WARMUP_CHANGES = Number(process.env.BENCH_WARMUP_CHANGES || 10); // per node and rule, before any figure
const METRICS = { headers: { Authorization: `Bearer ${process.env.BASALT_METRICS_TOKEN}` } };
const CONNECT_BATCH = 200;
const SUBSCRIBE_BATCH = Number(process.env.BENCH_SUBSCRIBE_BATCH || 100);
const RETRIES = 5; // a loaded machine answers some subscribes 503 (pool timeout): the SDK would retry too
const USER_BATCH = 8;
const CLOCK_TICKS = 100; // USER_HZ of /proc/<pid>/stat
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const RULES = [['no_rule', ''], ['owner_rule', 'owner = @request.auth.id'],
  ['owner_or_public', 'owner = @request.auth.id || sent > 0']];

async function api(base, method, path, body, token, attempt = 0) {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status === 503 && attempt < RETRIES) {
    await new Promise((r) => setTimeout(r, 1000));
    return api(base, method, path, body, token, attempt + 1);
  }
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

function connect(base, onEvent) {
  return new Promise((resolve, reject) => {
    const req = http.get(base + '/api/realtime', { agent }, (res) => {
      let buffer = '';
      let resolved = false;
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = '';
          let data = '';
          for (const line of frame.split('\n')) {
            if (line.startsWith('event:')) name = line.slice(6);
            else if (line.startsWith('data:')) data += line.slice(5);
          }
          if (!name) continue;
          if (name === 'PB_CONNECT' && !resolved) {
            resolved = true;
            resolve({ clientId: JSON.parse(data).clientId, close: () => req.destroy() });
          } else if (onEvent) {
            onEvent(name, data);
          }
        }
      });
      res.on('error', () => {});
    });
    req.on('error', (e) => reject(e));
  });
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** utime + stime in seconds of the process, and of its threads whose name starts with basalt-realtime. */
function cpu(pid) {
  const ticks = (stat) => {
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  const total = ticks(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  let realtime = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      if (fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').startsWith('basalt-realtime')) {
        realtime += ticks(fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
      }
    } catch { /* the thread ended */ }
  }
  return { total: total / CLOCK_TICKS, realtime: realtime / CLOCK_TICKS };
}

async function fanOutMetric(base) {
  const text = await (await fetch(base + '/metrics', METRICS)).text();
  const value = (name) => Number((new RegExp(`^${name}\\S* (\\S+)`, 'm').exec(text) || [0, 0])[1]);
  return { count: value('basalt_realtime_fanout_seconds_count'), sum: value('basalt_realtime_fanout_seconds_sum') };
}

async function phase(node, admin, label, rule, tokens, ownerIds, changes = CHANGES) {
  const base = URLS[node];
  const name = `ab_${LABELS[node]}_${label}_${Date.now()}`;
  await api(base, 'POST', '/api/collections', {
    name, listRule: rule, fields: [{ name: 'owner', type: 'text' }, { name: 'sent', type: 'number' }],
  }, admin);
  const latencies = [];
  const clients = [];
  for (let start = 0; start < tokens.length; start += CONNECT_BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(tokens.length, start + CONNECT_BATCH); i++) {
      batch.push(connect(base, (event, data) => latencies.push(Date.now() - JSON.parse(data).record.sent)));
    }
    clients.push(...(await Promise.all(batch)));
  }
  for (let start = 0; start < clients.length; start += SUBSCRIBE_BATCH) {
    await Promise.all(clients.slice(start, start + SUBSCRIBE_BATCH).map((c, j) => api(base, 'POST',
      '/api/realtime', { clientId: c.clientId, subscriptions: [`${name}/*`] }, tokens[start + j])));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const m0 = await fanOutMetric(base);
  const c0 = cpu(PIDS[node]);
  for (let round = 0; round < changes; round++) {
    await api(base, 'POST', `/api/collections/${name}/records`,
      { owner: ownerIds[round % ownerIds.length], sent: Date.now() }, admin);
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  await new Promise((r) => setTimeout(r, 2000));
  const c1 = cpu(PIDS[node]);
  const m1 = await fanOutMetric(base);
  clients.forEach((c) => c.close());
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const fanouts = m1.count - m0.count;
  const row = {
    build: LABELS[node], rule: label, received: latencies.length, p50: percentile(latencies, 50),
    p99: percentile(latencies, 99), serverMeanMs: fanouts ? ((m1.sum - m0.sum) / fanouts) * 1000 : NaN,
    cpuMsPerChange: ((c1.total - c0.total) / changes) * 1000,
    realtimeCpuMsPerChange: ((c1.realtime - c0.realtime) / changes) * 1000, load: Number(load),
  };
  console.log(JSON.stringify(row));
  await api(base, 'DELETE', `/api/collections/${name}`, undefined, admin);
  await new Promise((r) => setTimeout(r, 2000));
  return row;
}

async function main() {
  const admin = (await api(URLS[0], 'POST', '/api/collections/_superusers/auth-with-password',
    { identity: 'bench@example.com', password: 'bench-password-123' })).token;
  await api(URLS[0], 'POST', '/api/collections', { name: 'bench_users', type: 'auth', fields: [] }, admin);
  const password = 'bench-user-pass-1';
  const ids = [];
  const tokens = [];
  const t0 = Date.now();
  for (let start = 0; start < SUBSCRIBERS; start += USER_BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(SUBSCRIBERS, start + USER_BATCH); i++) {
      batch.push((async () => {
        const user = await api(URLS[0], 'POST', '/api/collections/bench_users/records',
          { email: `u${i}@bench.local`, password, passwordConfirm: password }, admin);
        const auth = await api(URLS[0], 'POST', `/api/collections/bench_users/impersonate/${user.id}`,
          { duration: 7200 }, admin);
        ids[i] = user.id;
        tokens[i] = auth.token;
      })());
    }
    await Promise.all(batch);
  }
  console.log(`# ${SUBSCRIBERS} users in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  for (const [label, rule] of RULES) { // warm-up (JIT), not counted
    for (const node of [0, 1]) await phase(node, admin, label, rule, tokens, ids, WARMUP_CHANGES);
  }
  console.log('# warm-up done');
  const rows = [];
  for (let round = 0; round < AB_ROUNDS; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const [label, rule] of RULES) {
      for (const node of order) rows.push(await phase(node, admin, label, rule, tokens, ids));
    }
  }
  const median = (xs) => percentile(xs, 50);
  console.log('# medians over rounds: build rule p50 p99 server_mean_ms cpu_ms_per_change realtime_cpu_ms_per_change load');
  for (const [label] of RULES) {
    for (const build of LABELS) {
      const rs = rows.filter((r) => r.rule === label && r.build === build);
      console.log(`# ${build} ${label} ${median(rs.map((r) => r.p50))} ${median(rs.map((r) => r.p99))} `
        + `${median(rs.map((r) => r.serverMeanMs)).toFixed(1)} ${median(rs.map((r) => r.cpuMsPerChange)).toFixed(1)} `
        + `${median(rs.map((r) => r.realtimeCpuMsPerChange)).toFixed(1)} ${median(rs.map((r) => r.load))}`);
    }
  }
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
