import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPosts, postFields, rejectsWith, superuser, uniqueName } from './support.mjs';

const fieldNames = (collection) => collection.fields.map((f) => f.name);

test('create a base collection with every basic field type', async () => {
  const pb = await superuser();
  const posts = await createPosts(pb);
  assert.equal(posts.type, 'base');
  assert.equal(typeof posts.id, 'string');
  assert.equal(posts.listRule, '');
  assert.equal(posts.viewRule, '');
  assert.equal(posts.createRule, null);
  assert.equal(posts.deleteRule, null);
  assert.deepEqual(fieldNames(posts), ['id', ...postFields().map((f) => f.name)], 'the id field is added first');
  const id = posts.fields.find((f) => f.name === 'id');
  assert.equal(id.type, 'text');
  assert.equal(id.primaryKey, true);
  assert.equal(id.system, true);
  const tags = posts.fields.find((f) => f.name === 'tags');
  assert.equal(tags.type, 'select');
  assert.equal(tags.maxSelect, 3);
  assert.deepEqual(tags.values, ['news', 'tech', 'life', 'misc']);
  for (const field of posts.fields) {
    assert.equal(typeof field.id, 'string', `field ${field.name} has an id`);
  }

  const byName = await pb.collections.getOne(posts.name);
  assert.equal(byName.id, posts.id);
  const byId = await pb.collections.getOne(posts.id);
  assert.equal(byId.name, posts.name);
  const list = await pb.collections.getFullList({ filter: pb.filter('name = {:n}', { n: posts.name }) });
  assert.deepEqual(list.map((c) => c.id), [posts.id]);
});

test('invalid collections are rejected with field errors', async () => {
  const pb = await superuser();
  const posts = await createPosts(pb);
  const duplicate = await rejectsWith(pb.collections.create({ name: posts.name, type: 'base', fields: [] }), 400);
  assert.ok(duplicate.response.data.name, 'error on "name"');
  const badName = await rejectsWith(pb.collections.create({ name: 'no spaces allowed', type: 'base' }), 400);
  assert.equal(typeof badName.response.data.name.code, 'string');
  assert.equal(typeof badName.response.data.name.message, 'string');
});

test('add a field, rename a field (keeping its data), then delete the collection', async () => {
  const pb = await superuser();
  const posts = await createPosts(pb);
  const records = pb.collection(posts.name);
  const rec = await records.create({ title: 'kept', views: 3 });

  // add a field
  const added = await pb.collections.update(posts.id, {
    fields: [...posts.fields, { name: 'subtitle', type: 'text' }],
  });
  assert.ok(fieldNames(added).includes('subtitle'));
  const withSubtitle = await records.update(rec.id, { subtitle: 'sub' });
  assert.equal(withSubtitle.subtitle, 'sub');
  assert.equal(withSubtitle.title, 'kept');

  // rename "title" to "headline": same field id, new name
  const renamedFields = added.fields.map((f) => (f.name === 'title' ? { ...f, name: 'headline' } : f));
  const renamed = await pb.collections.update(posts.id, { fields: renamedFields });
  assert.ok(fieldNames(renamed).includes('headline'));
  assert.ok(!fieldNames(renamed).includes('title'));
  const after = await records.getOne(rec.id);
  assert.equal(after.headline, 'kept');
  assert.equal(after.title, undefined);
  assert.equal(after.views, 3);

  // rename the collection itself
  const newName = uniqueName('articles');
  const moved = await pb.collections.update(posts.id, { name: newName });
  assert.equal(moved.name, newName);
  assert.equal((await pb.collection(newName).getOne(rec.id)).headline, 'kept');

  // delete
  await pb.collections.delete(posts.id);
  await rejectsWith(pb.collections.getOne(posts.id), 404);
  await rejectsWith(pb.collection(newName).getList(1, 1), 404);
});
