import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPosts, rejectsWith, superuser } from './support.mjs';

let pb;
let posts;

before(async () => {
  pb = await superuser();
  posts = await createPosts(pb);
  const seed = [
    { title: 'alpha', views: 10, published: true, tags: ['news'] },
    { title: 'beta', views: 50, published: true, tags: ['tech', 'news'] },
    { title: 'gamma', views: 50, published: false, tags: [] },
    { title: 'delta', views: 5, published: true, tags: ['life'] },
    { title: 'epsilon', views: 100, published: false, tags: ['misc'] },
  ];
  for (const data of seed) {
    await pb.collection(posts.name).create(data);
  }
});

test('create, getOne, update, delete with PocketBase record shapes', async () => {
  const records = pb.collection(posts.name);
  const created = await records.create({
    title: 'Hello',
    views: 1,
    published: true,
    tags: ['news', 'tech'],
    meta: { a: 1, nested: { b: [1, 2] } },
    when: '2024-05-01 10:00:00.000Z',
    contact: 'someone@example.com',
    link: 'https://example.com/a',
  });
  assert.match(created.id, /^[a-z0-9]{15}$/);
  assert.equal(created.collectionId, posts.id);
  assert.equal(created.collectionName, posts.name);
  assert.equal(created.title, 'Hello');
  assert.equal(created.views, 1);
  assert.equal(created.published, true);
  assert.deepEqual(created.tags, ['news', 'tech']);
  assert.deepEqual(created.meta, { a: 1, nested: { b: [1, 2] } });
  assert.equal(created.when, '2024-05-01 10:00:00.000Z');
  assert.equal(created.contact, 'someone@example.com');
  assert.equal(created.link, 'https://example.com/a');
  assert.match(created.created, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  assert.match(created.updated, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}Z$/);

  const fetched = await records.getOne(created.id);
  assert.deepEqual(fetched, created);

  const updated = await records.update(created.id, { 'views+': 5, title: 'Hello again', 'tags-': 'news' });
  assert.equal(updated.views, 6);
  assert.equal(updated.title, 'Hello again');
  assert.deepEqual(updated.tags, ['tech']);
  assert.equal(updated.created, created.created);

  const cleared = await records.update(created.id, { views: null, meta: null, when: '' });
  assert.equal(cleared.views, 0);
  assert.equal(cleared.meta, null);
  assert.equal(cleared.when, '');

  assert.equal(await records.delete(created.id), true);
  await rejectsWith(records.getOne(created.id), 404);
});

test('unset fields get their zero values', async () => {
  const rec = await pb.collection(posts.name).create({ title: 'minimal' });
  assert.equal(rec.views, 0);
  assert.equal(rec.published, false);
  assert.deepEqual(rec.tags, []);
  assert.equal(rec.meta, null);
  assert.equal(rec.when, '');
  assert.equal(rec.contact, '');
  assert.equal(rec.link, '');
  await pb.collection(posts.name).delete(rec.id);
});

test('validation errors: 400 with per-field codes', async () => {
  const records = pb.collection(posts.name);
  const missing = await rejectsWith(records.create({ views: 1 }), 400);
  assert.equal(missing.response.status, 400);
  assert.equal(typeof missing.response.message, 'string');
  assert.equal(missing.response.data.title.code, 'validation_required');
  assert.equal(typeof missing.response.data.title.message, 'string');

  const invalid = await rejectsWith(records.create({
    title: 'x', contact: 'not-an-email', link: 'not a url', tags: ['news', 'nope'],
  }), 400);
  assert.ok(invalid.response.data.contact, 'email error');
  assert.ok(invalid.response.data.link, 'url error');
  assert.ok(invalid.response.data.tags, 'select error');

  const tooMany = await rejectsWith(records.create({ title: 'x', tags: ['news', 'tech', 'life', 'misc'] }), 400);
  assert.ok(tooMany.response.data.tags);
});

test('missing records and collections are 404', async () => {
  const err = await rejectsWith(pb.collection(posts.name).getOne('doesnotexist123'), 404);
  assert.equal(err.response.status, 404);
  assert.equal(typeof err.response.message, 'string');
  assert.deepEqual(err.response.data, {});
  await rejectsWith(pb.collection(posts.name).update('doesnotexist123', { title: 'x' }), 404);
  await rejectsWith(pb.collection(posts.name).delete('doesnotexist123'), 404);
  await rejectsWith(pb.collection('no_such_collection_xyz').getList(1, 1), 404);
});

test('getList with filter and sort', async () => {
  const list = await pb.collection(posts.name).getList(1, 30, {
    filter: pb.filter('views > {:v} && title ~ {:t}', { v: 9, t: 'a' }),
    sort: '-views,title',
  });
  // views > 9 and title contains "a": alpha(10), beta(50), gamma(50); not delta(5), epsilon has no "a"
  assert.deepEqual(list.items.map((r) => r.title), ['beta', 'gamma', 'alpha']);
  assert.equal(list.page, 1);
  assert.equal(list.perPage, 30);
  assert.equal(list.totalItems, 3);
  assert.equal(list.totalPages, 1);
});

test('paging: page 2 of 2 per page, and skipTotal', async () => {
  const records = pb.collection(posts.name);
  const page2 = await records.getList(2, 2, { sort: '-views,title' });
  assert.deepEqual(page2.items.map((r) => r.title), ['gamma', 'alpha']);
  assert.equal(page2.page, 2);
  assert.equal(page2.perPage, 2);
  assert.equal(page2.totalItems, 5);
  assert.equal(page2.totalPages, 3);

  const skipped = await records.getList(1, 2, { sort: 'title', skipTotal: true });
  assert.deepEqual(skipped.items.map((r) => r.title), ['alpha', 'beta']);
  assert.equal(skipped.totalItems, -1);
  assert.equal(skipped.totalPages, -1);
});

test('paging while rows are updated neither repeats nor skips records (ties, and no sort)', async () => {
  const feed = await createPosts(pb);
  const records = pb.collection(feed.name);
  for (let i = 0; i < 12; i++) {
    await records.create({ title: `t${i}`, views: i % 2 });
  }
  for (const sort of ['views', '']) {
    const seen = [];
    for (let page = 1; page <= 3; page++) {
      const list = await records.getList(page, 5, sort ? { sort } : {});
      seen.push(...list.items.map((r) => r.id));
      // every update moves the row in PostgreSQL's heap; the order must not depend on where rows lie
      for (const r of list.items) {
        await records.update(r.id, { title: `${r.title}!` });
      }
    }
    assert.equal(seen.length, 12, `sort '${sort}'`);
    assert.equal(new Set(seen).size, 12, `sort '${sort}': no record twice`);
  }
});

test('getFullList, getFirstListItem and the fields parameter', async () => {
  const records = pb.collection(posts.name);
  const all = await records.getFullList({ sort: 'views,title', batch: 2 });
  assert.deepEqual(all.map((r) => r.title), ['delta', 'alpha', 'beta', 'gamma', 'epsilon']);

  const first = await records.getFirstListItem(pb.filter('title = {:t}', { t: 'gamma' }));
  assert.equal(first.views, 50);
  await rejectsWith(records.getFirstListItem(pb.filter('title = {:t}', { t: 'nobody' })), 404);

  const slim = await records.getList(1, 10, { fields: 'id,title', sort: 'title' });
  assert.deepEqual(Object.keys(slim.items[0]).sort(), ['id', 'title']);
  const one = await records.getOne(first.id, { fields: 'title,views' });
  assert.deepEqual(one, { title: 'gamma', views: 50 });
});

test('filters on bool, select and json values', async () => {
  const records = pb.collection(posts.name);
  const published = await records.getFullList({ filter: 'published = true', sort: 'title' });
  assert.deepEqual(published.map((r) => r.title), ['alpha', 'beta', 'delta']);
  const news = await records.getFullList({ filter: "tags ?= 'news'", sort: 'title' });
  assert.deepEqual(news.map((r) => r.title), ['alpha', 'beta']);
  const either = await records.getFullList({ filter: '(views = 5 || views = 100) && title != "delta"' });
  assert.deepEqual(either.map((r) => r.title), ['epsilon']);
  await rejectsWith(records.getList(1, 10, { filter: 'nosuchfield = 1' }), 400);
  await rejectsWith(records.getList(1, 10, { filter: 'views >' }), 400);
});
