import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, createPosts, rejectsWith, superuser, uniqueName } from './support.mjs';

const fieldNames = (collection) => collection.fields.map((f) => f.name);

test('getScaffolds() gives blank auth, base and view collections that create collections', async () => {
  const pb = await superuser();
  const scaffolds = await pb.collections.getScaffolds();
  assert.deepEqual(Object.keys(scaffolds).sort(), ['auth', 'base', 'view']);
  assert.equal(scaffolds.base.id, '');
  assert.equal(scaffolds.base.name, '');
  assert.deepEqual(fieldNames(scaffolds.base), ['id']);
  assert.equal(scaffolds.base.listRule, null);
  assert.ok(fieldNames(scaffolds.auth).includes('tokenKey'));
  assert.equal(scaffolds.auth.authRule, '');
  assert.equal(scaffolds.auth.passwordAuth.enabled, true);
  assert.deepEqual(scaffolds.view.fields, []);
  assert.equal(scaffolds.view.viewQuery, '');

  // the admin UI's way: a scaffold, a name and the autodates it adds itself
  const name = uniqueName('scaffolded');
  const created = await pb.collections.create({
    ...scaffolds.auth,
    name,
    fields: [...scaffolds.auth.fields, { name: 'created', type: 'autodate', onCreate: true, onUpdate: false }],
  });
  assert.equal(created.type, 'auth');
  assert.ok(created.id.startsWith('pbc_'));
  assert.ok(created.indexes.every((index) => index.includes(`\`${name}\``)), created.indexes.join('\n'));
  const user = await pb.collection(name).create({ email: 'scaffold@example.com', password: 'password123',
    passwordConfirm: 'password123' });
  assert.equal(user.email, 'scaffold@example.com');

  await rejectsWith(anonymous().collections.getScaffolds(), 401);
});

test('meta/oauth2-providers and meta/dry-run-view answer superusers', async () => {
  const pb = await superuser();
  const providers = await pb.send('/api/collections/meta/oauth2-providers', {});
  assert.deepEqual(providers.map((p) => p.name).slice(0, 4), ['apple', 'google', 'microsoft', 'yandex']);
  assert.equal(providers.length, 32);
  for (const p of providers) {
    assert.equal(typeof p.displayName, 'string');
    assert.equal(typeof p.logo, 'string');
  }
  const posts = await createPosts(pb);
  await pb.collection(posts.name).create({ title: 'dry', views: 4 });
  const dry = await pb.send('/api/collections/meta/dry-run-view', {
    method: 'POST',
    body: { query: `SELECT id, title, views * 2 AS doubled FROM ${posts.name}` },
  });
  assert.deepEqual(fieldNames(dry), ['id', 'title', 'doubled']);
  assert.equal(dry.sample[0].doubled, 8);
  const invalid = await rejectsWith(pb.send('/api/collections/meta/dry-run-view', {
    method: 'POST', body: { query: 'SELECT nope FROM nowhere_at_all' },
  }), 400);
  assert.match(invalid.response.message, /^Invalid view query/);
  await rejectsWith(anonymous().send('/api/collections/meta/oauth2-providers', {}), 401);
});

test('strftime() in filters and rules', async () => {
  const pb = await superuser();
  const posts = await createPosts(pb, { listRule: "strftime('%Y', when) != '1999'" });
  const records = pb.collection(posts.name);
  await records.create({ title: 'jan', when: '2026-01-02 10:00:00.000Z' });
  await records.create({ title: 'feb', when: '2026-02-03 23:59:59.000Z' });
  await records.create({ title: 'party', when: '1999-12-31 23:59:59.000Z' });
  await records.create({ title: 'undated' });
  const list = (filter) => anonymous().collection(posts.name)
    .getFullList({ filter, sort: 'title' }).then((items) => items.map((r) => r.title));
  assert.deepEqual(await list(pb.filter("strftime('%Y-%m', when) = {:month}", { month: '2026-02' })), ['feb']);
  assert.deepEqual(await list("strftime('%m', when, '+1 months') = '02'"), ['jan']);
  assert.deepEqual(await list("strftime('%Y', when) = ''"), ['undated']);
  assert.deepEqual(await list("strftime('%Y') > '2000'"), ['feb', 'jan', 'undated']);
  await rejectsWith(records.getList(1, 10, { filter: "strftime('%Q', when) = ''" }), 400);
});
