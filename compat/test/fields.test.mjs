import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rejectsWith, superuser, uniqueName } from './support.mjs';

const open = { listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '' };

let pb;
let places;

before(async () => {
  pb = await superuser();
  places = await pb.collections.create({
    name: uniqueName('places'), type: 'base', ...open,
    fields: [
      { name: 'name', type: 'text' },
      { name: 'body', type: 'editor', maxSize: 10000, convertURLs: false },
      { name: 'location', type: 'geoPoint' },
    ],
  });
  for (const [name, lon, lat] of [['Sofia', 23.32, 42.69], ['Plovdiv', 24.75, 42.15], ['Varna', 27.91, 43.21]]) {
    await pb.collection(places.name).create({ name, location: { lon, lat } });
  }
});

test('editor and geoPoint field definitions round-trip', async () => {
  const fields = Object.fromEntries(places.fields.map((f) => [f.name, f]));
  assert.equal(fields.body.type, 'editor');
  assert.equal(fields.body.maxSize, 10000);
  assert.equal(fields.body.convertURLs, false);
  assert.equal(fields.location.type, 'geoPoint');
});

test('editor HTML is sanitised on write', async () => {
  const record = await pb.collection(places.name).create({
    name: 'html', location: { lon: 1, lat: 1 },
    body: '<h2>Title</h2><p><em>ok</em> <a href="javascript:alert(1)" onclick="x()">bad</a></p>'
      + '<table><tbody><tr><td>cell</td></tr></tbody></table><script>alert(1)</script>',
  });
  assert.match(record.body, /<h2>Title<\/h2>/);
  assert.match(record.body, /<td>cell<\/td>/);
  assert.doesNotMatch(record.body, /script|javascript|onclick/);
  await pb.collection(places.name).delete(record.id);
});

test('geoPoint values are {lon, lat}, 0,0 when unset, and range checked', async () => {
  const empty = await pb.collection(places.name).create({ name: 'empty' });
  assert.deepEqual(empty.location, { lon: 0, lat: 0 });
  const err = await rejectsWith(pb.collection(places.name).create({ name: 'bad', location: { lon: 200, lat: 0 } }), 400);
  assert.equal(err.response.data.location.code, 'validation_invalid_longitude');
  await pb.collection(places.name).delete(empty.id);
});

test('geoDistance() filters by kilometres, with SDK placeholders', async () => {
  const near = await pb.collection(places.name).getFullList({
    sort: 'name',
    filter: pb.filter('geoDistance(location.lon, location.lat, {:lon}, {:lat}) < {:km}', { lon: 23.32, lat: 42.69, km: 200 }),
  });
  assert.deepEqual(near.map((r) => r.name), ['Plovdiv', 'Sofia']);
  const north = await pb.collection(places.name).getFullList({ filter: 'location.lat > 43' });
  assert.deepEqual(north.map((r) => r.name), ['Varna']);
  await rejectsWith(pb.collection(places.name).getList(1, 10, { filter: 'geoDistance(name, 1, 2, 3) < 1' }), 400);
});
