// Realtime through the official SDK: subscribe/unsubscribe, filters in options, rules on every event, revocation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventSource } from 'eventsource';
import { anonymous, superuser, uniqueName } from './support.mjs';

// Node has no EventSource of its own; the SDK expects a global one.
globalThis.EventSource = EventSource;

const QUIET_MS = 800;

/** Collects the events of a subscription. */
function recorder() {
  const events = [];
  const fn = (e) => events.push(e);
  fn.events = events;
  return fn;
}

async function until(check, what, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

const quiet = () => new Promise((r) => setTimeout(r, QUIET_MS));

async function notes(admin, rules) {
  return admin.collections.create({
    name: uniqueName('live'),
    type: 'base',
    fields: [
      { name: 'title', type: 'text' },
      { name: 'views', type: 'number' },
      { name: 'owner', type: 'text' },
    ],
    createRule: null, updateRule: null, deleteRule: null,
    ...rules,
  });
}

test('subscribe receives create, update and delete; unsubscribe stops them', async () => {
  const admin = await superuser();
  const c = await notes(admin, { listRule: '', viewRule: '' });
  const pb = anonymous();
  const all = recorder();
  const one = recorder();
  try {
    const off = await pb.collection(c.name).subscribe('*', all);
    const r = await admin.collection(c.name).create({ title: 'first', views: 1 });
    await until(() => all.events.length === 1, 'the create event');
    assert.equal(all.events[0].action, 'create');
    assert.equal(all.events[0].record.title, 'first');
    assert.equal(all.events[0].record.collectionName, c.name);

    await pb.collection(c.name).subscribe(r.id, one);
    await admin.collection(c.name).update(r.id, { title: 'second' });
    await until(() => all.events.length === 2 && one.events.length === 1, 'the update events');
    assert.equal(one.events[0].action, 'update');
    assert.equal(one.events[0].record.title, 'second');

    await admin.collection(c.name).delete(r.id);
    await until(() => all.events.length === 3 && one.events.length === 2, 'the delete events');
    assert.equal(all.events[2].action, 'delete');

    await off();
    await admin.collection(c.name).create({ title: 'after unsubscribe' });
    await quiet();
    assert.equal(all.events.length, 3);
  } finally {
    await pb.realtime.unsubscribe();
  }
});

test('the filter and fields of the subscription options apply per event', async () => {
  const admin = await superuser();
  const c = await notes(admin, { listRule: '' });
  const pb = anonymous();
  const popular = recorder();
  try {
    await pb.collection(c.name).subscribe('*', popular, { filter: 'views > 5', fields: 'id,views' });
    await admin.collection(c.name).create({ title: 'few', views: 1 });
    const many = await admin.collection(c.name).create({ title: 'many', views: 10 });
    await until(() => popular.events.length === 1, 'the matching event');
    await quiet();
    assert.equal(popular.events.length, 1);
    assert.deepEqual(popular.events[0].record, { id: many.id, views: 10 });
  } finally {
    await pb.realtime.unsubscribe();
  }
});

test('a user never receives another user\'s private record, and a revoked token stops delivery', async () => {
  const admin = await superuser();
  const users = await admin.collections.create({ name: uniqueName('people'), type: 'auth', fields: [] });
  const password = 'live-pass-12345';
  const alice = await admin.collection(users.name).create({ email: `a${Date.now()}@example.com`, password, passwordConfirm: password });
  const bob = await admin.collection(users.name).create({ email: `b${Date.now()}@example.com`, password, passwordConfirm: password });
  const c = await notes(admin, { listRule: 'owner = @request.auth.id', viewRule: 'owner = @request.auth.id' });

  const pa = anonymous();
  const pbob = anonymous();
  await pa.collection(users.name).authWithPassword(alice.email, password);
  await pbob.collection(users.name).authWithPassword(bob.email, password);
  const forAlice = recorder();
  const forBob = recorder();
  try {
    await pa.collection(c.name).subscribe('*', forAlice);
    await pbob.collection(c.name).subscribe('*', forBob);
    const mine = await admin.collection(c.name).create({ title: 'alice only', owner: alice.id });
    await admin.collection(c.name).create({ title: 'bob only', owner: bob.id });
    await until(() => forAlice.events.length === 1 && forBob.events.length === 1, 'one event each');
    assert.equal(forAlice.events[0].record.id, mine.id);
    assert.equal(forBob.events[0].record.title, 'bob only');

    // A new password rotates alice's token key: her token is revoked and her stream ends. The SDK reconnects
    // with the old token, which no longer authenticates, so her private records stop arriving.
    await admin.collection(users.name).update(alice.id, { password: 'other-pass-12345', passwordConfirm: 'other-pass-12345' });
    await quiet();
    await admin.collection(c.name).create({ title: 'alice later', owner: alice.id });
    await quiet();
    assert.equal(forAlice.events.length, 1);
  } finally {
    await pa.realtime.unsubscribe();
    await pbob.realtime.unsubscribe();
  }
});

test('expand in the subscription options expands relations the subscriber may view', async () => {
  const admin = await superuser();
  const authors = await admin.collections.create({
    name: uniqueName('authors'), type: 'base', listRule: '', viewRule: '',
    fields: [{ name: 'name', type: 'text' }],
  });
  const posts = await admin.collections.create({
    name: uniqueName('posts'), type: 'base', listRule: '', viewRule: '',
    fields: [{ name: 'title', type: 'text' },
      { name: 'author', type: 'relation', collectionId: authors.id, maxSelect: 1 }],
  });
  const ann = await admin.collection(authors.name).create({ name: 'Ann' });
  const pb = anonymous();
  const events = recorder();
  try {
    await pb.collection(posts.name).subscribe('*', events, { expand: 'author' });
    await admin.collection(posts.name).create({ title: 'hello', author: ann.id });
    await until(() => events.events.length === 1, 'the create event');
    assert.equal(events.events[0].record.expand.author.name, 'Ann');

    await admin.collections.update(authors.id, { viewRule: null });
    await admin.collection(posts.name).create({ title: 'again', author: ann.id });
    await until(() => events.events.length === 2, 'the second create event');
    assert.equal(events.events[1].record.expand, undefined, 'an author the subscriber may not view is left out');
  } finally {
    await pb.realtime.unsubscribe();
  }
});

test('a subscription made after a write\'s answer gets the changes after it and none from before', async () => {
  const admin = await superuser();
  const c = await notes(admin, { listRule: '', viewRule: '' });
  const pb = anonymous();
  const all = recorder();
  try {
    const before = await admin.collection(c.name).create({ title: 'before' });
    await pb.collection(c.name).subscribe('*', all);
    await admin.collection(c.name).update(before.id, { title: 'after' });
    await until(() => all.events.some((e) => e.action === 'update'), 'the update event');
    assert.deepEqual(all.events.map((e) => [e.action, e.record.title]), [['update', 'after']]);
  } finally {
    await pb.realtime.unsubscribe();
  }
});

test('cascades, relation clean-up and truncate send realtime events', async () => {
  const admin = await superuser();
  const parents = await notes(admin, { listRule: '', viewRule: '' });
  const open = { listRule: '', viewRule: '', createRule: null, updateRule: null, deleteRule: null };
  const children = await admin.collections.create({ name: uniqueName('kids'), type: 'base', ...open,
    fields: [{ name: 'parent', type: 'relation', collectionId: parents.id, maxSelect: 1, cascadeDelete: true }] });
  const pins = await admin.collections.create({ name: uniqueName('pins'), type: 'base', ...open,
    fields: [{ name: 'parents', type: 'relation', collectionId: parents.id, maxSelect: 5 },
      { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }] });
  const a = await admin.collection(parents.name).create({ title: 'a' });
  const b = await admin.collection(parents.name).create({ title: 'b' });
  const kid = await admin.collection(children.name).create({ parent: a.id });
  const pin = await admin.collection(pins.name).create({ parents: [a.id, b.id] });
  const pb = anonymous();
  const kidEvents = recorder();
  const pinEvents = recorder();
  const parentEvents = recorder();
  try {
    await pb.collection(children.name).subscribe('*', kidEvents);
    await pb.collection(pins.name).subscribe('*', pinEvents);
    await pb.collection(parents.name).subscribe('*', parentEvents);
    await admin.collection(parents.name).delete(a.id);
    await until(() => kidEvents.events.length === 1 && pinEvents.events.length === 1, 'cascade and clean-up events');
    assert.deepEqual([kidEvents.events[0].action, kidEvents.events[0].record.id], ['delete', kid.id]);
    assert.equal(pinEvents.events[0].action, 'update');
    assert.deepEqual(pinEvents.events[0].record.parents, [b.id]);
    assert.ok(pinEvents.events[0].record.updated >= pin.updated);

    assert.equal(await admin.collections.truncate(parents.name), true);
    await until(() => pinEvents.events.length === 2
      && parentEvents.events.filter((e) => e.action === 'delete').length === 2, 'truncate events');
    assert.deepEqual(pinEvents.events[1].record.parents, []);
    assert.deepEqual(parentEvents.events.map((e) => [e.action, e.record.id]), [['delete', a.id], ['delete', b.id]]);
  } finally {
    await pb.realtime.unsubscribe();
  }
});
