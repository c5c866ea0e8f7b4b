import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, createPosts, rejectsWith, superuser } from './support.mjs';

let admin;

before(async () => {
  admin = await superuser();
});

test('null rules are superuser-only: anonymous list and create are 403', async () => {
  const locked = await createPosts(admin, { listRule: null, viewRule: null, createRule: null });
  const rec = await admin.collection(locked.name).create({ title: 'secret' });
  const guest = anonymous();
  const err = await rejectsWith(guest.collection(locked.name).getList(1, 10), 403);
  assert.equal(typeof err.response.message, 'string');
  await rejectsWith(guest.collection(locked.name).create({ title: 'nope' }), 403);
  await rejectsWith(guest.collection(locked.name).getOne(rec.id), 403);
  // the superuser bypasses every rule
  assert.equal((await admin.collection(locked.name).getList(1, 10)).totalItems, 1);
});

test('empty rules let everyone in', async () => {
  const open = await createPosts(admin, { listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '' });
  const guest = anonymous().collection(open.name);
  const rec = await guest.create({ title: 'by a guest', views: 1 });
  assert.equal((await guest.getOne(rec.id)).title, 'by a guest');
  assert.equal((await guest.update(rec.id, { 'views+': 1 })).views, 2);
  assert.equal((await guest.getList(1, 10)).totalItems, 1);
  assert.equal(await guest.delete(rec.id), true);
});

test('expression rules filter rows: list shows only matches, view of others is 404', async () => {
  const rules = await createPosts(admin, { listRule: 'published = true', viewRule: 'published = true' });
  const records = admin.collection(rules.name);
  const shown = await records.create({ title: 'shown', published: true });
  const hidden = await records.create({ title: 'hidden', published: false });

  const guest = anonymous().collection(rules.name);
  const list = await guest.getList(1, 10);
  assert.deepEqual(list.items.map((r) => r.id), [shown.id]);
  assert.equal(list.totalItems, 1);
  assert.equal((await guest.getOne(shown.id)).title, 'shown');
  await rejectsWith(guest.getOne(hidden.id), 404);

  // the caller's filter narrows further, never widens
  const filtered = await guest.getList(1, 10, { filter: 'published = false' });
  assert.equal(filtered.totalItems, 0);
});

test('rules are checked when a request changes data', async () => {
  const guarded = await createPosts(admin, {
    createRule: 'views < 10', updateRule: 'published = false', deleteRule: null,
  });
  const guest = anonymous().collection(guarded.name);
  const ok = await guest.create({ title: 'small', views: 1 });
  await rejectsWith(guest.create({ title: 'big', views: 50 }), 400);
  const edited = await guest.update(ok.id, { title: 'edited' });
  assert.equal(edited.title, 'edited');
  const locked = await admin.collection(guarded.name).update(ok.id, { published: true });
  assert.equal(locked.published, true);
  await rejectsWith(guest.update(ok.id, { title: 'again' }), 404);
  await rejectsWith(guest.delete(ok.id), 403);
});
