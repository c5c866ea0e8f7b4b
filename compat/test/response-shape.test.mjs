import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, superuser, uniqueName } from './support.mjs';

// `expand` and `fields` on every response that returns a record, and `fields` on any other JSON response, as
// the SDK sends them (query options of create, update, authWithPassword, authRefresh and batch sub-requests).
const open = { listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '' };
const PASSWORD = 'shape-password-123';

let pb;
let teams;
let members;
let team;

before(async () => {
  pb = await superuser();
  teams = await pb.collections.create({ name: uniqueName('teams'), type: 'base', ...open,
    fields: [{ name: 'name', type: 'text' }] });
  members = await pb.collections.create({ name: uniqueName('members'), type: 'auth', ...open,
    fields: [{ name: 'team', type: 'relation', collectionId: teams.id, maxSelect: 1 }] });
  team = await pb.collection(teams.name).create({ name: 'Reds' });
});

test('create and update answer with expand and fields', async () => {
  const posts = await pb.collections.create({ name: uniqueName('shaped'), type: 'base', ...open,
    fields: [{ name: 'title', type: 'text' }, { name: 'team', type: 'relation', collectionId: teams.id, maxSelect: 1 }] });
  const guest = anonymous().collection(posts.name);
  const created = await guest.create({ title: 'one', team: team.id }, { expand: 'team' });
  assert.equal(created.expand.team.name, 'Reds');
  const picked = await guest.create({ title: 'two', team: team.id }, { expand: 'team', fields: 'id,expand.team.name' });
  assert.deepEqual(Object.keys(picked).sort(), ['expand', 'id']);
  assert.deepEqual(picked.expand.team, { name: 'Reds' });
  const updated = await guest.update(created.id, { title: 'uno' }, { expand: 'team', fields: 'title,expand' });
  assert.equal(updated.title, 'uno');
  assert.equal(updated.expand.team.id, team.id);
  assert.equal(updated.id, undefined);
});

test('auth responses expand the signed-in record and pick fields', async () => {
  const email = `${uniqueName('m')}@example.com`;
  await anonymous().collection(members.name).create({ email, password: PASSWORD, passwordConfirm: PASSWORD, team: team.id });
  const client = anonymous();
  const auth = await client.collection(members.name).authWithPassword(email, PASSWORD, { expand: 'team' });
  assert.equal(auth.record.expand.team.name, 'Reds');
  assert.ok(auth.token);
  const refreshed = await client.collection(members.name).authRefresh({ expand: 'team', fields: 'token,record.expand' });
  assert.ok(refreshed.token);
  assert.deepEqual(Object.keys(refreshed.record), ['expand']);
  assert.equal(refreshed.record.expand.team.name, 'Reds');
});

test('batch sub-responses honour expand and fields', async () => {
  const posts = await pb.collections.create({ name: uniqueName('batched'), type: 'base', ...open,
    fields: [{ name: 'title', type: 'text' }, { name: 'team', type: 'relation', collectionId: teams.id, maxSelect: 1 }] });
  const batch = pb.createBatch();
  batch.collection(posts.name).create({ title: 'a', team: team.id }, { expand: 'team', fields: 'title,expand.team.name' });
  const [result] = await batch.send();
  assert.equal(result.status, 200);
  assert.deepEqual(result.body, { title: 'a', expand: { team: { name: 'Reds' } } });
});

test('fields works on other JSON responses, not on errors', async () => {
  const health = await pb.health.check({ fields: 'code' });
  assert.deepEqual(health, { code: 200 });
  const collection = await pb.collections.getOne(teams.id, { fields: 'id,name' });
  assert.deepEqual(collection, { id: teams.id, name: teams.name });
  await assert.rejects(pb.collections.getOne('missing-collection', { fields: 'id' }), (err) => {
    assert.equal(err.status, 404);
    assert.ok(err.response.message);
    return true;
  });
});
