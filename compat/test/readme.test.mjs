// Keeps the README's examples honest: runs its shell and JavaScript snippets as a user would, against the server
// under test. Only the address, the superuser's credentials and the collection names are replaced (the names by
// unique ones, so the snippets touch nothing else on a shared server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { BASE_URL, SUPERUSER_EMAIL, SUPERUSER_PASSWORD, superuser, uniqueName } from './support.mjs';

const compat = dirname(dirname(fileURLToPath(import.meta.url)));
const readme = readFileSync(join(compat, '..', 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2] }));
const names = { posts: uniqueName('posts'), users: uniqueName('users'), notes: uniqueName('notes') };

/** The one README block of this language that contains every marker. */
function snippet(lang, ...markers) {
  const found = blocks.filter((b) => b.lang === lang && markers.every((m) => b.code.includes(m)));
  assert.equal(found.length, 1, `README: expected one ${lang} block with ${markers.join(', ')}`);
  return found[0].code
    .replaceAll('http://127.0.0.1:8090', BASE_URL)
    .replaceAll('admin@example.com', SUPERUSER_EMAIL)
    .replaceAll('change-me-123456', SUPERUSER_PASSWORD)
    .replace(/(['"])(posts|users|notes)\1/g, (_, q, name) => `${q}${names[name]}${q}`);
}

function run(file, args, timeout = 60000) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout, cwd: compat }, (err, stdout, stderr) =>
      (err ? reject(new Error(`${err.message}\n${stdout}\n${stderr}`)) : resolve(stdout)));
  });
}

/** Writes a JavaScript snippet under compat/ (so 'pocketbase' resolves to compat/node_modules) and runs it. */
function runJs(name, code) {
  const dir = join(compat, '.examples');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), code);
  return run(process.execPath, [join(dir, name)]);
}

test('README steps 3 and 4: the curl that creates posts, then the SDK demo', async () => {
  await run('bash', ['-euo', 'pipefail', '-c', snippet('bash', 'TOKEN=$(curl', '"type": "base"')]);
  const pb = await superuser();
  assert.equal((await pb.collections.getOne(names.posts)).fields.find((f) => f.name === 'tags').maxSelect, 3);

  const out = await runJs('readme-demo.mjs', snippet('js', "getList(1, 2,", 'published posts'));
  assert.match(out, /^2 published posts, page 1\/1: \[ 'Basalt on PostgreSQL \(42\)', 'Hello \(1\)' \]$/m);
  assert.match(out, /^Hello again 2$/m);
  // a second run adds posts, as the README says
  assert.match(await runJs('readme-demo.mjs', snippet('js', "getList(1, 2,", 'published posts')), /^3 published posts, page 1\/2/m);
});

test('README step 8: the realtime snippet delivers a note to its owner', async () => {
  const pb = await superuser();
  const users = await pb.collections.create({ name: names.users, type: 'auth', listRule: 'id = @request.auth.id',
    viewRule: 'id = @request.auth.id', passwordAuth: { enabled: true, identityFields: ['email'] } });
  const email = `${uniqueName('ann')}@example.com`;
  await pb.collection(users.name).create({ email, password: 'ann-Password-1', passwordConfirm: 'ann-Password-1',
    verified: true });
  // the notes collection of step 9 (owner-only)
  const owner = 'owner = @request.auth.id';
  await pb.collections.create({ name: names.notes, type: 'base', listRule: owner, viewRule: owner,
    createRule: owner, updateRule: owner, deleteRule: owner, fields: [{ name: 'text', type: 'text' },
      { name: 'owner', type: 'relation', collectionId: users.id, maxSelect: 1 }] });

  const code = snippet('js', "subscribe('*'").replaceAll('ann@example.com', email);
  // Around the snippet: note when its callback prints, then create ann's note and wait for the event.
  const out = await runJs('readme-realtime.mjs', `
const printed = new Promise((resolve) => {
  const log = console.log;
  console.log = (...args) => { log(...args); if (String(args[0]).startsWith('ann sees')) resolve(); };
});
${code}
await ann.collection('${names.notes}').create({ text: 'from the README', owner: ann.authStore.record.id });
await printed;
process.exit(0);
`);
  assert.match(out, /^ann sees create from the README$/m);
});
