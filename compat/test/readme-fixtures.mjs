// The fixtures of readme.test.mjs, by the NAME of a README block's `<!-- test: NAME -->` marker. Each may have:
// needs() (a reason to skip, or false), setup(ctx), rewrite(code, ctx) (fills a placeholder), before(ctx) and
// after(ctx) (JavaScript around a js block), guest (no superuser sign-in for `pb`), json(value, ctx) (what a json
// block is used for), check(output, ctx, code) and teardown(ctx). ctx is shared by the blocks, in README order.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anonymous, BASE_URL, superuser, uniqueName } from './support.mjs';

/** Blocks run by a Java test instead (it reads the same marker with ReadmeBlocks). */
export const JAVA_RUN = { cluster: 'ClusterProcessesTest', signature: 'ReadmeSignatureTest' };

const ANN_PASSWORD = 'ann-Password-1';
const needsCli = () => !process.env.BASALT_CLI_CLASSPATH && 'needs BASALT_CLI_* (set by SdkCompatibilityTest)';
const needsMail = () => !(process.env.BASALT_SMTP_PORT && process.env.BASALT_MAILBOX_URL)
  && 'needs BASALT_SMTP_PORT and BASALT_MAILBOX_URL (set by SdkCompatibilityTest)';

/** Replaces `from` (which must occur) with `to`, so a changed README fails here rather than silently not matching. */
function must(code, from, to) {
  assert.ok(code.includes(from), `README block no longer contains ${from}`);
  return code.replaceAll(from, to);
}

async function until(what, probe) {
  for (let i = 0; i < 150; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`waited 15 s for ${what}`);
}

/** ann, verified, in step 5's users collection (step 5 makes her when a mail server is there; else made here). */
async function ensureAnn(ctx) {
  const pb = await superuser();
  const users = pb.collection(ctx.names.users);
  const found = await users.getList(1, 1, { filter: pb.filter('email = {:e}', { e: ctx.ann }) });
  const ann = found.items[0] ?? await users.create({ email: ctx.ann, password: ANN_PASSWORD,
    passwordConfirm: ANN_PASSWORD, verified: true });
  if (!ann.verified) {
    await users.update(ann.id, { verified: true });
  }
  ctx.annId = ann.id;
  return ctx.annId;
}

/** Creates step 9's owner-only notes collection from the README's JSON block, under `name`. */
async function createNotes(ctx, name) {
  const pb = await superuser();
  const block = ctx.blocks.find((b) => b.arg === 'notes');
  const usersId = (await pb.collections.getOne(ctx.names.users)).id;
  return pb.collections.create({ ...JSON.parse(must(ctx.common(block.code), '<users id>', usersId)), name });
}

async function signInAnn(ctx) {
  const ann = anonymous();
  await ann.collection(ctx.names.users).authWithPassword(ctx.ann, ANN_PASSWORD);
  return ann;
}

export const fixtures = {
  openapi: {
    check: (_, ctx) => {
      const doc = JSON.parse(readFileSync(join(ctx.work, 'openapi.json'), 'utf8'));
      assert.match(doc.openapi, /^3\.1\./);
      assert.ok(Object.keys(doc.paths).includes('/api/settings'), 'a superuser sees the admin API');
    },
  },
  cli: {
    needs: needsCli,
    check: async () => assert.ok((await superuser()).authStore.isValid),
  },
  'create-posts': {
    check: async (_, ctx) => {
      const posts = await (await superuser()).collections.getOne(ctx.names.posts);
      assert.equal(posts.fields.find((f) => f.name === 'tags').maxSelect, 3);
    },
  },
  demo: {
    check: async (out, ctx, code) => {
      assert.match(out, /^2 published posts, page 1\/1: \[ 'Basalt on PostgreSQL \(42\)', 'Hello \(1\)' \]$/m);
      assert.match(out, /^Hello again 2$/m);
      // a second run adds posts, as the README says
      assert.match(await ctx.run(code, 'js'), /^3 published posts, page 1\/2/m);
    },
  },
  smtp: {
    needs: needsMail,
    setup: async (ctx) => { ctx.settings = await (await superuser()).settings.getAll(); },
    rewrite: (code) => must(code, '"host": "smtp.example.com", "port": 587',
      `"host": "127.0.0.1", "port": ${Number(process.env.BASALT_SMTP_PORT)}`),
  },
  verify: {
    needs: needsMail,
    guest: true,
    before: (ctx) => `async function tokenFromTheMail() {
  for (let i = 0; i < 200; i++) {
    const mails = await (await fetch(${JSON.stringify(process.env.BASALT_MAILBOX_URL)})).json();
    const mail = mails.reverse().find((m) => m.to.includes(${JSON.stringify(ctx.ann)}));
    if (mail) return /\\/auth\\/confirm-verification\\/([A-Za-z0-9_.-]+)/.exec(mail.body)[1];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no verification mail');
}`,
    rewrite: (code) => must(code, 'confirmVerification(tokenFromTheMail)', 'confirmVerification(await tokenFromTheMail())'),
    after: (ctx) => `console.log(JSON.stringify({ id: auth.record.id, verified: auth.record.verified,
  rotated: rotated.refreshToken !== auth.refreshToken,
  afterLogout: await pb.collection(${JSON.stringify(ctx.names.users)}).authRefresh().then(() => 'alive', (e) => e.status) }));`,
    check: (out, ctx) => {
      const result = JSON.parse(out.trim().split('\n').pop());
      assert.deepEqual({ ...result, id: undefined }, { id: undefined, verified: true, rotated: true, afterLogout: 401 });
      ctx.annId = result.id;
    },
    teardown: async (ctx) => {
      const { meta, smtp } = ctx.settings ?? {};
      if (meta) await (await superuser()).settings.update({ meta, smtp });
    },
  },
  'api-key': {
    check: (out) => {
      const [key, list] = out.trim().split('\n');
      assert.match(key, /^bsk_/);
      assert.ok(JSON.parse(list).items.length >= 2, list);
    },
  },
  realtime: {
    setup: async (ctx) => {
      await ensureAnn(ctx);
      await createNotes(ctx, ctx.names.notes);
    },
    // around the snippet: note when its callback prints, then create ann's note and wait for the event
    before: () => `const printed = new Promise((resolve) => {
  const log = console.log;
  console.log = (...args) => { log(...args); if (String(args[0]).startsWith('ann sees')) resolve(); };
});`,
    after: (ctx) => `await ann.collection(${JSON.stringify(ctx.names.notes)}).create({ text: 'from the README', owner: ann.authStore.record.id });
await printed;`,
    check: (out) => assert.match(out, /^ann sees create from the README$/m),
  },
  notes: {
    json: async (collection, ctx) => {
      const name = uniqueName('notes');
      await createNotes(ctx, name);
      const ann = await signInAnn(ctx);
      await ann.collection(name).create({ text: 'mine', owner: ctx.annId });
      assert.equal((await ann.collection(name).getList()).totalItems, 1);
      assert.equal((await anonymous().collection(name).getList()).totalItems, 0, 'others see nothing');
      assert.equal(collection.listRule, 'owner = @request.auth.id');
    },
  },
  roles: {
    setup: async (ctx) => { await ensureAnn(ctx); ctx.role = uniqueName('editor'); },
    rewrite: (code, ctx) => must(must(code, 'USER_ID=...', `USER_ID=${ctx.annId}`), '"editor"', `"${ctx.role}"`),
    check: async (_, ctx) => {
      const ann = await (await superuser()).collection(ctx.names.users).getOne(ctx.annId, { expand: 'roles' });
      assert.deepEqual(ann.expand.roles.map((r) => r.name), [ctx.role]);
    },
  },
  logs: {
    setup: async () => {
      const pb = await superuser();
      await fetch(`${BASE_URL}/api/collections/${uniqueName('missing')}/records`);
      await until('an error in the request log', async () =>
        (await pb.logs.getList(1, 1, { filter: 'data.status >= 400' })).totalItems > 0);
    },
  },
  crons: {
    check: (out) => assert.match(out, /__pbLogsCleanup__/),
  },
  'backup-cli': {
    needs: needsCli,
    rewrite: (code, ctx) => must(code, 'nightly.zip', (ctx.backup = `${uniqueName('nightly')}.zip`)),
    check: (out, ctx) => assert.match(out, new RegExp(ctx.backup.replace('.', '\\.'))),
    teardown: async (ctx) => (await superuser()).backups.delete(ctx.backup).catch(() => {}),
  },
  backups: {
    rewrite: (code, ctx) => {
      ctx.copy = `${uniqueName('copy')}.zip`;
      return must(must(code, 'nightly.zip', `${uniqueName('nightly')}.zip`), 'copy.zip', ctx.copy);
    },
    after: () => 'console.log(JSON.stringify((await pb.backups.getFullList()).map((b) => b.key)));',
    check: async (out, ctx, code) => {
      const keys = JSON.parse(out.trim().split('\n').pop());
      assert.ok(keys.includes(ctx.copy), 'the upload is there');
      assert.ok(!keys.includes(/'(nightly_[^']+)'/.exec(code)[1]), 'the backup was deleted');
      await (await superuser()).backups.delete(ctx.copy);
    },
  },
  webhook: {
    setup: async (ctx) => {
      await (await superuser()).collections.create({ name: ctx.names.orders, fields: [{ name: 'title', type: 'text' }] });
    },
    // a loopback URL: the server-side request forgery guard fails the delivery at once, for the replay example
    rewrite: (code) => must(code, 'https://example.com/hooks/basalt', 'http://127.0.0.1:9/hooks/basalt'),
    after: (ctx) => `const order = await pb.collection(${JSON.stringify(ctx.names.orders)}).create({ title: 'one' });
for (let i = 0; ; i++) {
  const failed = await pb.collection('_webhookDeliveries').getList(1, 1, { filter: \`record = '\${order.id}' && status = 'failed'\` });
  if (failed.totalItems === 1) break;
  if (i > 150) throw new Error('the delivery did not fail');
  await new Promise((resolve) => setTimeout(resolve, 100));
}`,
  },
  deliveries: {
    after: () => 'console.log(failed.items.length);',
    check: (out) => assert.ok(Number(out.trim()) >= 1),
  },
};
