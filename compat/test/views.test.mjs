import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rejectsWith, superuser, uniqueName } from './support.mjs';

const open = { listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '' };

let pb;
let authors;
let posts;
let counts;

before(async () => {
  pb = await superuser();
  authors = await pb.collections.create({
    name: uniqueName('vauthors'), type: 'base', ...open, fields: [{ name: 'name', type: 'text' }],
  });
  posts = await pb.collections.create({
    name: uniqueName('vposts'), type: 'base', ...open,
    fields: [
      { name: 'title', type: 'text' },
      { name: 'author', type: 'relation', collectionId: authors.id, maxSelect: 1 },
    ],
  });
  const ann = await pb.collection(authors.name).create({ name: 'Ann' });
  const bob = await pb.collection(authors.name).create({ name: 'Bob' });
  for (const [title, author] of [['a1', ann], ['a2', ann], ['b1', bob]]) {
    await pb.collection(posts.name).create({ title, author: author.id });
  }
  counts = await pb.collections.create({
    name: uniqueName('post_counts'), type: 'view', listRule: '', viewRule: '',
    viewQuery: `SELECT a.id, a.name, count(p.id) AS posts FROM ${authors.name} a `
      + `LEFT JOIN ${posts.name} p ON p.author = a.id GROUP BY a.id, a.name`,
  });
});

test('a view collection of post counts per author', async () => {
  assert.equal(counts.type, 'view');
  assert.deepEqual(counts.fields.map((f) => [f.name, f.type]), [['id', 'text'], ['name', 'text'], ['posts', 'number']]);
  const list = await pb.collection(counts.name).getList(1, 10, { sort: '-posts', filter: 'posts > 0' });
  assert.equal(list.totalItems, 2);
  assert.equal(list.items[0].name, 'Ann');
  assert.equal(list.items[0].posts, 2);
  const one = await pb.collection(counts.name).getOne(list.items[1].id);
  assert.equal(one.name, 'Bob');
});

test('view collections are read-only', async () => {
  await rejectsWith(pb.collection(counts.name).create({ name: 'x' }), 400);
  const [first] = await pb.collection(counts.name).getFullList();
  await rejectsWith(pb.collection(counts.name).delete(first.id), 400);
});

test('a view query that writes is refused', async () => {
  const err = await rejectsWith(pb.collections.create({
    name: uniqueName('bad_view'), type: 'view', viewQuery: `DELETE FROM ${posts.name} RETURNING id`,
  }), 400);
  assert.ok(err.response.data.viewQuery);
  assert.equal((await pb.collection(posts.name).getFullList()).length, 3);
});

test('expand through a relation column of a view', async () => {
  const titles = await pb.collections.create({
    name: uniqueName('vtitles'), type: 'view', listRule: '', viewRule: '',
    viewQuery: `SELECT id, title, author FROM ${posts.name}`,
  });
  const item = await pb.collection(titles.name).getFirstListItem('title = "b1"', { expand: 'author' });
  assert.equal(item.expand.author.name, 'Bob');
});
