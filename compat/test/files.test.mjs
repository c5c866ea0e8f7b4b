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
