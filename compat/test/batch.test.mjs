import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rejectsWith, superuser, uniqueName } from './support.mjs';

const open = { listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '' };

let pb;
let posts;
let comments;

before(async () => {
  pb = await superuser();
  posts = await pb.collections.create({
    name: uniqueName('bposts'), type: 'base', ...open,
    fields: [{ name: 'title', type: 'text', required: true }],
  });
  comments = await pb.collections.create({
    name: uniqueName('bcomments'), type: 'base', ...open,
    fields: [
      { name: 'message', type: 'text' },
      { name: 'post', type: 'relation', collectionId: posts.id, maxSelect: 1, required: true, cascadeDelete: true },
    ],
  });
});

test('a post and its comments in one batch', async () => {
  const batch = pb.createBatch();
  const postId = 'sdkbatchpost001';
  batch.collection(posts.name).create({ id: postId, title: 'Batch post' });
  batch.collection(comments.name).create({ message: 'one', post: postId });
  batch.collection(comments.name).create({ message: 'two', post: postId });
  batch.collection(posts.name).upsert({ id: postId, title: 'Renamed' });
  const results = await batch.send();
  assert.equal(results.length, 4);
  assert.deepEqual(results.map((r) => r.status), [200, 200, 200, 200]);
  assert.equal(results[3].body.title, 'Renamed');
  const list = await pb.collection(comments.name).getFullList({ filter: `post = "${postId}"` });
  assert.equal(list.length, 2);
});

test('update and delete in a batch', async () => {
  const a = await pb.collection(posts.name).create({ title: 'a' });
  const b = await pb.collection(posts.name).create({ title: 'b' });
  const batch = pb.createBatch();
  batch.collection(posts.name).update(a.id, { title: 'a2' });
  batch.collection(posts.name).delete(b.id);
  const results = await batch.send();
  assert.equal(results[0].body.title, 'a2');
  assert.equal(results[1].status, 204);
  await rejectsWith(pb.collection(posts.name).getOne(b.id), 404);
});

test('one failing request rolls back the whole batch', async () => {
  const batch = pb.createBatch();
  batch.collection(posts.name).create({ id: 'sdkbatchfail001', title: 'ok' });
  batch.collection(posts.name).create({ title: '' });
  const err = await rejectsWith(batch.send(), 400);
  const failed = err.response.data.requests['1'];
  assert.equal(failed.code, 'batch_request_failed');
  assert.equal(failed.response.data.title.code, 'validation_required');
  await rejectsWith(pb.collection(posts.name).getOne('sdkbatchfail001'), 404);
});
