import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, createPosts, rejectsWith, superuser, uniqueName } from './support.mjs';

test('update(id, {...record, title}) sends a fetched base record back; a changed id is validation_pk_change', async () => {
  const pb = await superuser();
  const posts = await createPosts(pb, { createRule: '', updateRule: '' });
  const guest = anonymous();
  const record = await guest.collection(posts.name).create({ title: 'first', views: 3, tags: ['news'] });

  const updated = await guest.collection(posts.name).update(record.id, { ...record, title: 'second' });
  assert.equal(updated.title, 'second');
  assert.equal(updated.views, 3);
  assert.deepEqual(updated.tags, ['news']);
  assert.equal(updated.created, record.created);
  assert.equal(updated.collectionName, posts.name);

  const err = await rejectsWith(guest.collection(posts.name).update(record.id, { id: 'abcdefghij12345' }), 400);
  assert.equal(err.response.data.id.code, 'validation_pk_change');
  assert.equal((await guest.collection(posts.name).getOne(record.id)).title, 'second');
});

test('update(id, {...record, name}) sends a fetched auth record back (email, emailVisibility, verified)', async () => {
  const pb = await superuser();
  const users = await pb.collections.create({
    name: uniqueName('body_users'),
    type: 'auth',
    fields: [{ name: 'name', type: 'text' }],
    viewRule: 'id = @request.auth.id',
    createRule: '',
    updateRule: 'id = @request.auth.id',
  });
  const client = anonymous();
  const email = `${uniqueName('ann')}@example.com`;
  await client.collection(users.name).create({ email, password: 'password1234', passwordConfirm: 'password1234',
    name: 'Ann' });
  await client.collection(users.name).authWithPassword(email, 'password1234');
  const self = await client.collection(users.name).getOne(client.authStore.record.id);
  assert.equal(self.email, email);

  const updated = await client.collection(users.name).update(self.id, { ...self, name: 'Annie' });
  assert.equal(updated.name, 'Annie');
  assert.equal(updated.verified, false);

  // verified is the manager's to change: the same value passes, another one does not
  const err = await rejectsWith(client.collection(users.name).update(self.id, { ...self, verified: true }), 400);
  assert.equal(err.response.data.verified.code, 'validation_values_mismatch');
});

test('a FormData create reads numeric and bool strings as PocketBase\'s form reader does', async () => {
  const pb = await superuser();
  const posts = await createPosts(pb, { createRule: '' });
  const form = new FormData();
  form.append('title', '007');
  form.append('views', '12');
  form.append('published', 'true');
  form.append('meta', '12');
  form.append('tags', '["news","tech"]');
  form.append('unknown', 'ignored');
  const record = await anonymous().collection(posts.name).create(form);
  assert.equal(record.title, '007');
  assert.equal(record.views, 12);
  assert.equal(record.published, true);
  assert.equal(record.meta, 12);
  assert.deepEqual(record.tags, ['news', 'tech']);
  assert.equal(record.unknown, undefined);

  const loose = new FormData();
  loose.append('title', '12');
  loose.append('views', 'many');
  loose.append('published', 'on');
  loose.append('meta', '0.0');
  const cast = await anonymous().collection(posts.name).create(loose);
  assert.equal(cast.title, '12');
  assert.equal(cast.views, 0);
  assert.equal(cast.published, false);
  assert.equal(cast.meta, 0);
});
