// Realtime benchmark driver (see run.sh). Raw SSE over node:http; prints the figures as plain text.
import http from 'node:http';

const URL_BASE = process.env.BENCH_URL;
const PID = process.env.BENCH_SERVER_PID;
const IDLE = Number(process.env.BENCH_IDLE || 10000);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS || 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 30);
const METRICS = { headers: { Authorization: `Bearer ${process.env.BASALT_METRICS_TOKEN}` } };
const CONNECT_BATCH = 200;
const USER_BATCH = 8;
const SUBSCRIBE_BATCH = Number(process.env.BENCH_SUBSCRIBE_BATCH || SUBSCRIBERS);
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

async function api(method, path, body, token) {
  const res = await fetch(URL_BASE + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Opens one SSE stream; resolves with { clientId, close } once PB_CONNECT arrived; onEvent(name, data). */
function connect(onEvent) {
  return new Promise((resolve, reject) => {
    const req = http.get(URL_BASE + '/api/realtime', { agent }, (res) => {
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

async function connectMany(n, onEventFor) {
  const clients = [];
  for (let start = 0; start < n; start += CONNECT_BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(n, start + CONNECT_BATCH); i++) batch.push(connect(onEventFor ? onEventFor(i) : null));
    clients.push(...(await Promise.all(batch)));
  }
  return clients;
}

async function serverMemory() {
  const metrics = await (await fetch(URL_BASE + '/metrics', METRICS)).text();
  let heap = 0;
  for (const line of metrics.split('\n')) {
    if (line.startsWith('jvm_memory_used_bytes') && line.includes('area="heap"')) heap += Number(line.split(' ').pop());
  }
  const status = await import('node:fs').then((fs) => fs.readFileSync(`/proc/${PID}/status`, 'utf8'));
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  return { heapMb: (heap / 1048576).toFixed(0), rssMb: (rssKb / 1024).toFixed(0) };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function idleClients(admin) {
  const before = await serverMemory();
  const t0 = Date.now();
  const clients = await connectMany(IDLE);
  const connectSeconds = (Date.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 3000));
  await fetch(URL_BASE + '/api/health'); // let a GC-free snapshot settle
  const after = await serverMemory();
  if (process.env.BENCH_HISTO) {
    // the heap's biggest classes with the idle clients connected (a live histogram forces a full GC first)
    const { execFileSync } = await import('node:child_process');
    const jcmd = `${process.env.JAVA_HOME}/bin/jcmd`;
    (await import('node:fs')).writeFileSync(process.env.BENCH_HISTO,
      execFileSync(jcmd, [PID, 'GC.class_histogram'], { maxBuffer: 64 << 20 }).toString());
    const live = await serverMemory();
    console.log(`  after a full GC: heap ${live.heapMb} MB (histogram in ${process.env.BENCH_HISTO})`);
  }
  const metrics = await (await fetch(URL_BASE + '/metrics', METRICS)).text();
  const gauge = /basalt_realtime_clients\S* (\d+)/.exec(metrics);
  console.log(`idle clients: ${IDLE} connected in ${connectSeconds.toFixed(1)} s; server reports ${gauge ? gauge[1] : '?'}`);
  console.log(`  before: heap ${before.heapMb} MB, RSS ${before.rssMb} MB`);
  console.log(`  with ${IDLE} idle clients: heap ${after.heapMb} MB, RSS ${after.rssMb} MB`);
  clients.forEach((c) => c.close());
  await new Promise((r) => setTimeout(r, 2000));
}

async function fanOut(admin, label, rule, tokens, ownerIds) {
  const name = `bench_${label}_${Date.now()}`;
  await api('POST', '/api/collections', {
    name, listRule: rule, fields: [{ name: 'owner', type: 'text' }, { name: 'sent', type: 'number' }],
  }, admin);
  const latencies = [];
  let received = 0;
  const clients = await connectMany(tokens.length, () => (event, data) => {
    received++;
    latencies.push(Date.now() - JSON.parse(data).record.sent);
  });
  // subscribes go out SUBSCRIBE_BATCH at a time (all at once by default: a population reconnecting after a restart)
  const t0 = Date.now();
  for (let start = 0; start < clients.length; start += SUBSCRIBE_BATCH) {
    await Promise.all(clients.slice(start, start + SUBSCRIBE_BATCH).map((c, j) => api('POST', '/api/realtime',
      { clientId: c.clientId, subscriptions: [`${name}/*`] }, tokens[start + j])));
  }
  console.log(`  ${clients.length} subscribes, ${Math.min(SUBSCRIBE_BATCH, clients.length)} at a time: `
    + `${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (let round = 0; round < ROUNDS; round++) {
    const owner = ownerIds[round % ownerIds.length];
    await api('POST', `/api/collections/${name}/records`, { owner, sent: Date.now() }, admin);
    await new Promise((r) => setTimeout(r, 300));
  }
  await new Promise((r) => setTimeout(r, 2000));
  clients.forEach((c) => c.close());
  console.log(`fan-out ${label}: ${tokens.length} subscribers, ${ROUNDS} changes, ${received} events received; `
    + `create-request-to-receipt p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms`);
}

async function main() {
  const admin = (await api('POST', '/api/collections/_superusers/auth-with-password',
    { identity: 'bench@example.com', password: 'bench-password-123' })).token;
  await idleClients(admin);

  await api('POST', '/api/collections', { name: 'bench_users', type: 'auth', fields: [] }, admin);
  const password = 'bench-user-pass-1';
  const ids = [];
  const tokens = [];
  for (let start = 0; start < SUBSCRIBERS; start += USER_BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(SUBSCRIBERS, start + USER_BATCH); i++) {
      batch.push((async () => {
        const email = `u${i}@bench.local`;
        const user = await api('POST', '/api/collections/bench_users/records',
          { email, password, passwordConfirm: password }, admin);
        // impersonation signs the user in without a second bcrypt check (the machine's slowest part of the setup)
        const auth = await api('POST', `/api/collections/bench_users/impersonate/${user.id}`, { duration: 3600 }, admin);
        ids[i] = user.id;
        tokens[i] = auth.token;
      })());
    }
    await Promise.all(batch);
  }
  await fanOut(admin, 'no_rule', '', tokens, ids);
  await fanOut(admin, 'owner_rule', 'owner = @request.auth.id', tokens, ids);
  await fanOut(admin, 'owner_or_public', 'owner = @request.auth.id || sent > 0', tokens, ids);
  const metrics = await (await fetch(URL_BASE + '/metrics', METRICS)).text();
  for (const line of metrics.split('\n')) {
    if (/^basalt_realtime_(events|fanout_seconds_(count|sum|max))/.test(line)) console.log('  ' + line);
  }
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
