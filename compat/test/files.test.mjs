import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, rejectsWith, superuser, uniqueName } from './support.mjs';

const open = { listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '' };
// A 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let pb;
let albums;

before(async () => {
  pb = await superuser();
  albums = await pb.collections.create({
    name: uniqueName('albums'), type: 'base', ...open,
    fields: [
      { name: 'title', type: 'text' },
      { name: 'cover', type: 'file', maxSelect: 1, maxSize: 100000, mimeTypes: ['image/png'], thumbs: ['10x20'] },
      { name: 'docs', type: 'file', maxSelect: 3 },
    ],
  });
});

function png(name) {
  return new File([PNG], name, { type: 'image/png' });
}

function text(name, content) {
  return new File([content], name, { type: 'text/plain' });
}

async function download(url) {
  const res = await fetch(url);
  return { status: res.status, res, bytes: Buffer.from(await res.arrayBuffer()) };
}

test('file fields: upload on create, getURL, thumbnails', async () => {
  const field = albums.fields.find((f) => f.name === 'cover');
  assert.deepEqual(field.thumbs, ['10x20']);
  assert.equal(field.protected, false);

  const rec = await anonymous().collection(albums.name).create({
    title: 'Summer', cover: png('Beach Day.png'), docs: [text('a.txt', 'alpha'), text('b.txt', 'beta')],
  });
  assert.match(rec.cover, /^beach_day_[a-z0-9]{10}\.png$/);
  assert.equal(rec.docs.length, 2);

  const original = await download(pb.files.getURL(rec, rec.cover));
  assert.equal(original.status, 200);
  assert.equal(original.res.headers.get('content-type'), 'image/png');
  assert.deepEqual(original.bytes, PNG);

  const thumb = await download(pb.files.getURL(rec, rec.cover, { thumb: '10x20' }));
  assert.equal(thumb.status, 200);
  // PNG IHDR: width and height at bytes 16..23
  assert.equal(thumb.bytes.readUInt32BE(16), 10);
  assert.equal(thumb.bytes.readUInt32BE(20), 20);

  const doc = await download(pb.files.getURL(rec, rec.docs[0], { download: true }));
  assert.equal(doc.bytes.toString(), 'alpha');
  assert.match(doc.res.headers.get('content-disposition'), /^attachment/);
});

test('file fields: append with field+, remove with field-, keep by name', async () => {
  const c = anonymous().collection(albums.name);
  const rec = await c.create({ docs: [text('one.txt', '1')] });
  const appended = await c.update(rec.id, { 'docs+': [text('two.txt', '2'), text('three.txt', '3')] });
  assert.equal(appended.docs.length, 3);
  assert.equal(appended.docs[0], rec.docs[0]);

  const removed = await c.update(rec.id, { 'docs-': [appended.docs[1]] });
  assert.deepEqual(removed.docs, [appended.docs[0], appended.docs[2]]);
  assert.equal((await download(pb.files.getURL(rec, appended.docs[1]))).status, 404);

  const kept = await c.update(rec.id, { docs: [appended.docs[2]] });
  assert.deepEqual(kept.docs, [appended.docs[2]]);

  await c.delete(rec.id);
  assert.equal((await download(pb.files.getURL(rec, appended.docs[2]))).status, 404);
});

test('file fields: wrong type and too many files are 400s', async () => {
  const c = anonymous().collection(albums.name);
  const wrong = await rejectsWith(c.create({ cover: text('fake.png', 'not an image') }), 400);
  assert.equal(wrong.response.data.cover.code, 'validation_invalid_mime_type');
  const many = await rejectsWith(c.create({
    docs: [text('1.txt', '1'), text('2.txt', '2'), text('3.txt', '3'), text('4.txt', '4')],
  }), 400);
  assert.equal(many.response.data.docs.code, 'validation_too_many_values');
});

test('protected files need a file token from files.getToken()', async () => {
  const vault = await pb.collections.create({
    name: uniqueName('vault'), type: 'base', ...open, listRule: null, viewRule: null,
    fields: [{ name: 'doc', type: 'file', maxSelect: 1, protected: true }],
  });
  const rec = await anonymous().collection(vault.name).create({ doc: text('secret.txt', 'top secret') });
  assert.equal((await download(pb.files.getURL(rec, rec.doc))).status, 404);

  const token = await pb.files.getToken();
  assert.equal(typeof token, 'string');
  const allowed = await download(pb.files.getURL(rec, rec.doc, { token }));
  assert.equal(allowed.status, 200);
  assert.equal(allowed.bytes.toString(), 'top secret');

  await rejectsWith(anonymous().files.getToken(), 401);
});

test('a refused protected file is 404; files of a view collection are served through the view', async () => {
  const docs = await pb.collections.create({
    name: uniqueName('vdocs'), type: 'base', ...open,
    fields: [
      { name: 'owner', type: 'text' },
      { name: 'pic', type: 'file', maxSelect: 1 },
      { name: 'secret', type: 'file', maxSelect: 1, protected: true },
    ],
  });
  const rec = await pb.collection(docs.name).create({ owner: 'ann', pic: png('pic.png'),
    secret: text('s.txt', 'hidden') });
  const shown = await pb.collections.create({
    name: uniqueName('vshown'), type: 'view', listRule: '', viewRule: "owner = 'bob'",
    viewQuery: `SELECT id, owner, pic, secret FROM ${docs.name}`,
  });
  const viewed = await pb.collection(shown.name).getOne(rec.id);
  assert.equal(viewed.pic, rec.pic);
  const pic = await download(pb.files.getURL(viewed, viewed.pic));
  assert.equal(pic.status, 200);
  assert.deepEqual(pic.bytes, PNG);

  const token = await pb.files.getToken();
  assert.equal((await download(pb.files.getURL(viewed, viewed.secret, { token }))).status, 200,
    'a superuser token passes the view rule');
  // a user whose token does not satisfy the view's viewRule: 404, as PocketBase (not 403)
  const users = await pb.collections.create({ name: uniqueName('vusers'), type: 'auth', ...open,
    fields: [{ name: 'name', type: 'text' }] });
  const client = anonymous();
  await client.collection(users.name).create({ email: 'v@example.com', password: 'password123',
    passwordConfirm: 'password123' });
  await client.collection(users.name).authWithPassword('v@example.com', 'password123');
  const userToken = await client.files.getToken();
  assert.equal((await download(pb.files.getURL(viewed, viewed.secret, { token: userToken }))).status, 404);
  assert.equal((await download(pb.files.getURL(viewed, viewed.secret))).status, 404);
});

test('thumbnails of a WebP are PNGs, as in PocketBase', async () => {
  const pics = await pb.collections.create({
    name: uniqueName('webps'), type: 'base', ...open,
    fields: [{ name: 'pic', type: 'file', maxSelect: 1, thumbs: ['20x10'] }],
  });
  // 60x40 lossless WebP (cwebp -lossless): red rows 0-19, blue rows 20-39
  const webp = Buffer.from('UklGRi4AAABXRUJQVlA4TCIAAAAvO8AJAA8Q87//8x8O1LRtBJVB+aP97ubOEf2fAP3cBfMC', 'base64');
  const rec = await pb.collection(pics.name).create({ pic: new File([webp], 'p.webp', { type: 'image/webp' }) });
  const original = await download(pb.files.getURL(rec, rec.pic));
  assert.equal(original.res.headers.get('content-type'), 'image/webp');
  const thumb = await download(pb.files.getURL(rec, rec.pic, { thumb: '20x10' }));
  assert.equal(thumb.status, 200);
  assert.equal(thumb.res.headers.get('content-type'), 'image/png');
  assert.equal(thumb.bytes.subarray(1, 4).toString(), 'PNG');
  assert.equal(thumb.bytes.readUInt32BE(16), 20, 'width');
  assert.equal(thumb.bytes.readUInt32BE(20), 10, 'height');
});
