import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, rejectsWith, superuser, uniqueName } from './support.mjs';

const PASSWORD = 'Sdk-Password-123';
let admin;

before(async () => {
  admin = await superuser();
});

/** An auth collection (anyone may sign up; each user sees and edits only themselves) with extra fields. */
async function createUsers(fields = []) {
  return admin.collections.create({
    name: uniqueName('sdk_users'), type: 'auth', fields,
    listRule: 'id = @request.auth.id', viewRule: 'id = @request.auth.id', createRule: '',
    updateRule: 'id = @request.auth.id', deleteRule: null,
  });
}

/** A new user of the collection (created by the superuser), signed in on its own client. */
async function signedIn(users, email, data = {}) {
  const record = await admin.collection(users.name).create({
    email, password: PASSWORD, passwordConfirm: PASSWORD, verified: true, ...data,
  });
  const pb = anonymous();
  await pb.collection(users.name).authWithPassword(email, PASSWORD);
  return { pb, record };
}

function mail(users, who) {
  return `${who}@${users.name.replaceAll('_', '-')}.example.com`;
}

test('owner-only records: each user lists, views, updates and deletes only their own', async () => {
  const users = await createUsers();
  const ann = await signedIn(users, mail(users, 'ann'));
  const bob = await signedIn(users, mail(users, 'bob'));
  const owner = 'owner = @request.auth.id';
  const notes = await admin.collections.create({
    name: uniqueName('sdk_notes'),
    fields: [{ name: 'text', type: 'text' }, { name: 'owner', type: 'relation', collectionId: users.id, maxSelect: 1 }],
    listRule: owner, viewRule: owner, createRule: owner, updateRule: owner, deleteRule: owner,
  });
  const mine = await ann.pb.collection(notes.name).create({ text: 'ann', owner: ann.record.id });
  await rejectsWith(bob.pb.collection(notes.name).create({ text: 'forged', owner: ann.record.id }), 400);
  assert.equal((await bob.pb.collection(notes.name).getList(1, 10)).totalItems, 0);
  await rejectsWith(bob.pb.collection(notes.name).getOne(mine.id), 404);
  await rejectsWith(bob.pb.collection(notes.name).update(mine.id, { text: 'hacked' }), 404);
  await rejectsWith(bob.pb.collection(notes.name).delete(mine.id), 404);
  assert.equal((await ann.pb.collection(notes.name).getOne(mine.id)).text, 'ann');
  assert.equal((await admin.collection(notes.name).getList(1, 10)).totalItems, 1);
});

test('public read, signed-in write', async () => {
  const users = await createUsers();
  const ann = await signedIn(users, mail(users, 'ann'));
  const posts = await admin.collections.create({
    name: uniqueName('sdk_public'), fields: [{ name: 'title', type: 'text' }],
    listRule: '', viewRule: '', createRule: "@request.auth.id != ''",
  });
  await rejectsWith(anonymous().collection(posts.name).create({ title: 'guest' }), 400);
  const created = await ann.pb.collection(posts.name).create({ title: 'member' });
  assert.equal((await anonymous().collection(posts.name).getOne(created.id)).title, 'member');
  assert.equal((await anonymous().collection(posts.name).getList(1, 10)).totalItems, 1);
});

test('team membership through a relation: members see their team documents', async () => {
  const teams = await admin.collections.create({
    name: uniqueName('sdk_teams'), fields: [{ name: 'name', type: 'text' }], listRule: null, viewRule: null,
  });
  const red = await admin.collection(teams.name).create({ name: 'red' });
  const blue = await admin.collection(teams.name).create({ name: 'blue' });
  const users = await createUsers([{ name: 'teams', type: 'relation', collectionId: teams.id, maxSelect: 5 }]);
  const ann = await signedIn(users, mail(users, 'ann'), { teams: [red.id] });
  const bob = await signedIn(users, mail(users, 'bob'), { teams: [blue.id] });
  const rule = '@request.auth.teams ?= team';
  const docs = await admin.collections.create({
    name: uniqueName('sdk_tdocs'),
    fields: [{ name: 'title', type: 'text' }, { name: 'team', type: 'relation', collectionId: teams.id, maxSelect: 1 }],
    listRule: rule, viewRule: rule, createRule: rule,
  });
  const redDoc = await admin.collection(docs.name).create({ title: 'red plan', team: red.id });
  await admin.collection(docs.name).create({ title: 'blue plan', team: blue.id });
  const annList = await ann.pb.collection(docs.name).getFullList();
  assert.deepEqual(annList.map((d) => d.title), ['red plan']);
  await rejectsWith(bob.pb.collection(docs.name).getOne(redDoc.id), 404);
  await rejectsWith(bob.pb.collection(docs.name).create({ title: 'into red', team: red.id }), 400);
  assert.equal((await bob.pb.collection(docs.name).create({ title: 'into blue', team: blue.id })).title, 'into blue');
});

test('role-based admin: only editors may write, and users cannot give themselves roles', async () => {
  const roles = admin.collection('_roles');
  const existing = await roles.getList(1, 1, { filter: "name = 'sdk-editor'" });
  const editor = existing.items[0] ?? await roles.create({ name: 'sdk-editor', description: 'may edit' });
  const users = await createUsers();
  const ann = await signedIn(users, mail(users, 'ann'), { roles: [editor.id] });
  const bob = await signedIn(users, mail(users, 'bob'));
  const rule = "@request.auth.roles.name ?= 'sdk-editor'";
  const pages = await admin.collections.create({
    name: uniqueName('sdk_pages'), fields: [{ name: 'title', type: 'text' }],
    listRule: '', viewRule: '', createRule: rule, updateRule: rule, deleteRule: rule,
  });
  const page = await ann.pb.collection(pages.name).create({ title: 'home' });
  await rejectsWith(bob.pb.collection(pages.name).create({ title: 'spam' }), 400);
  await rejectsWith(bob.pb.collection(pages.name).update(page.id, { title: 'defaced' }), 404);
  const err = await rejectsWith(bob.pb.collection(users.name).update(bob.record.id, { roles: [editor.id] }), 400);
  assert.equal(err.response.data.roles.code, 'validation_values_mismatch');
  await rejectsWith(bob.pb.collection('_roles').getList(1, 10), 403);
  assert.equal((await anonymous().collection(pages.name).getOne(page.id)).title, 'home');
});

test('a field protected with @request.body.field:isset cannot be changed by its owner', async () => {
  const users = await createUsers([{ name: 'plan', type: 'text' }]);
  await admin.collections.update(users.id, { updateRule: 'id = @request.auth.id && @request.body.plan:isset = false' });
  const ann = await signedIn(users, mail(users, 'ann'), { plan: 'free' });
  await rejectsWith(ann.pb.collection(users.name).update(ann.record.id, { plan: 'pro' }), 404);
  const renamed = await ann.pb.collection(users.name).update(ann.record.id, { emailVisibility: true });
  assert.equal(renamed.plan, 'free');
});
