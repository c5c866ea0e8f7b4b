import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rejectsWith, superuser, uniqueName } from './support.mjs';

const open = { listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '' };

let pb;
let authors;
let posts;
let comments;

before(async () => {
  pb = await superuser();
  authors = await pb.collections.create({
    name: uniqueName('authors'), type: 'base', ...open,
    fields: [{ name: 'name', type: 'text' }, { name: 'secret', type: 'text', hidden: true }],
  });
  posts = await pb.collections.create({
    name: uniqueName('posts'), type: 'base', ...open,
    fields: [
      { name: 'title', type: 'text' },
      { name: 'body', type: 'text' },
      { name: 'author', type: 'relation', collectionId: authors.id, maxSelect: 1 },
      { name: 'editors', type: 'relation', collectionId: authors.id, maxSelect: 5 },
    ],
  });
  comments = await pb.collections.create({
    name: uniqueName('comments'), type: 'base', ...open,
    fields: [
      { name: 'message', type: 'text' },
      { name: 'post', type: 'relation', collectionId: posts.id, maxSelect: 1, required: true, cascadeDelete: true },
      { name: 'author', type: 'relation', collectionId: authors.id, maxSelect: 1 },
    ],
  });
});

test('relation fields: single id, list of ids, modifiers', async () => {
  const ann = await pb.collection(authors.name).create({ name: 'Ann' });
  const bob = await pb.collection(authors.name).create({ name: 'Bob' });
  const post = await pb.collection(posts.name).create({ title: 'p', author: ann.id, editors: [ann.id] });
  assert.equal(post.author, ann.id);
  assert.deepEqual(post.editors, [ann.id]);
  const more = await pb.collection(posts.name).update(post.id, { 'editors+': bob.id });
  assert.deepEqual(more.editors, [ann.id, bob.id]);
  const less = await pb.collection(posts.name).update(post.id, { 'editors-': [ann.id] });
  assert.deepEqual(less.editors, [bob.id]);
});

test('a relation to a missing record is a 400 naming the field', async () => {
  const err = await rejectsWith(pb.collection(posts.name).create({ title: 'x', author: 'missing00000000' }), 400);
  assert.equal(err.response.data.author.code, 'validation_missing_rel_records');
});

test('deleting a post cascades to its comments; deleting an author clears optional references', async () => {
  const ann = await pb.collection(authors.name).create({ name: 'Ann' });
  const post = await pb.collection(posts.name).create({ title: 'p', author: ann.id });
  const comment = await pb.collection(comments.name).create({ message: 'c', post: post.id, author: ann.id });
  await pb.collection(authors.name).delete(ann.id);
  assert.equal((await pb.collection(posts.name).getOne(post.id)).author, '');
  assert.equal((await pb.collection(comments.name).getOne(comment.id)).author, '');
  await pb.collection(posts.name).delete(post.id);
  await rejectsWith(pb.collection(comments.name).getOne(comment.id), 404);
});

test('filters and sorts through relations and back-relations', async () => {
  const ann = await pb.collection(authors.name).create({ name: 'Zed', secret: 's' });
  const post = await pb.collection(posts.name).create({ title: 'via', author: ann.id, editors: [ann.id] });
  await pb.collection(comments.name).create({ message: 'great read', post: post.id });
  const byAuthor = await pb.collection(posts.name).getList(1, 10, { filter: pb.filter('author.name = {:n}', { n: 'Zed' }) });
  assert.deepEqual(byAuthor.items.map((p) => p.id), [post.id]);
  const byEditor = await pb.collection(posts.name).getFullList({ filter: "editors.name ?= 'Zed'", sort: '-author.name' });
  assert.deepEqual(byEditor.map((p) => p.id), [post.id]);
  const byComment = await pb.collection(posts.name).getList(1, 10, { filter: `${comments.name}_via_post.message ?~ 'great'` });
  assert.equal(byComment.totalItems, 1);
  const anon = (await import('./support.mjs')).anonymous();
  await rejectsWith(anon.collection(posts.name).getList(1, 10, { filter: "author.secret = 's'" }), 400);
});

test('expand: relation objects, arrays, back-relations, nested, and fields inside expand', async () => {
  const ann = await pb.collection(authors.name).create({ name: 'Exp' });
  const post = await pb.collection(posts.name).create({ title: 'e', body: 'long body text', author: ann.id, editors: [ann.id] });
  await pb.collection(comments.name).create({ message: 'm', post: post.id, author: ann.id });
  const viewed = await pb.collection(posts.name).getOne(post.id, { expand: `author,editors,${comments.name}_via_post.author` });
  assert.equal(viewed.expand.author.name, 'Exp');
  assert.equal(viewed.expand.editors[0].id, ann.id);
  const back = viewed.expand[`${comments.name}_via_post`];
  assert.equal(back[0].message, 'm');
  assert.equal(back[0].expand.author.id, ann.id);
  const slim = await pb.collection(posts.name).getList(1, 5, {
    filter: `id = '${post.id}'`, expand: 'author', fields: 'id,body:excerpt(4,true),expand.author.name',
  });
  assert.deepEqual(slim.items[0], { id: post.id, body: 'long...', expand: { author: { name: 'Exp' } } });
});

test('truncate deletes record by record: cascades, and references elsewhere are removed and saved', async () => {
  const parents = await pb.collections.create({ name: uniqueName('parents'), type: 'base', ...open,
    fields: [{ name: 'title', type: 'text' }] });
  const children = await pb.collections.create({ name: uniqueName('children'), type: 'base', ...open,
    fields: [{ name: 'parent', type: 'relation', collectionId: parents.id, maxSelect: 1, cascadeDelete: true }] });
  const pins = await pb.collections.create({ name: uniqueName('pins'), type: 'base', ...open,
    fields: [{ name: 'parents', type: 'relation', collectionId: parents.id, maxSelect: 5 }] });
  const a = await pb.collection(parents.name).create({ title: 'a' });
  const b = await pb.collection(parents.name).create({ title: 'b' });
  const child = await pb.collection(children.name).create({ parent: a.id });
  const pin = await pb.collection(pins.name).create({ parents: [a.id, b.id] });
  await new Promise((r) => setTimeout(r, 5)); // `updated` has milliseconds

  assert.equal(await pb.collections.truncate(parents.name), true);
  assert.equal((await pb.collection(parents.name).getList(1, 1)).totalItems, 0);
  await rejectsWith(pb.collection(children.name).getOne(child.id), 404);
  const saved = await pb.collection(pins.name).getOne(pin.id);
  assert.deepEqual(saved.parents, []);
  assert.ok(saved.updated > pin.updated, `${saved.updated} > ${pin.updated}`);
});
