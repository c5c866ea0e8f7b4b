import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, rejectsWith, SUPERUSER_EMAIL, SUPERUSER_PASSWORD } from './support.mjs';

test('superuser auth-with-password returns a token and the record', async () => {
  const pb = anonymous();
  const auth = await pb.collection('_superusers').authWithPassword(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);
  assert.equal(typeof auth.token, 'string');
  assert.equal(auth.token.split('.').length, 3, 'a JWT');
  assert.equal(auth.record.email, SUPERUSER_EMAIL);
  assert.equal(auth.record.collectionName, '_superusers');
  assert.equal(typeof auth.record.id, 'string');
  assert.equal(auth.record.password, undefined, 'the password hash is never returned');
  assert.equal(auth.record.tokenKey, undefined, 'the token key is never returned');
  assert.ok(pb.authStore.isValid);
  assert.ok(pb.authStore.isSuperuser);
  assert.equal(pb.authStore.token, auth.token);
});

test('authRefresh returns a new valid token for the same record', async () => {
  const pb = anonymous();
  const first = await pb.collection('_superusers').authWithPassword(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);
  const refreshed = await pb.collection('_superusers').authRefresh();
  assert.equal(refreshed.record.id, first.record.id);
  assert.equal(typeof refreshed.token, 'string');
  assert.ok(pb.authStore.isValid);
  assert.equal(pb.authStore.token, refreshed.token);
  // the refreshed token is accepted by superuser-only endpoints
  await pb.collections.getList(1, 1);
});

test('a wrong password is rejected with 400', async () => {
  const pb = anonymous();
  const err = await rejectsWith(
    pb.collection('_superusers').authWithPassword(SUPERUSER_EMAIL, SUPERUSER_PASSWORD + '-wrong'), 400);
  assert.equal(err.response.status, 400);
  assert.equal(typeof err.response.message, 'string');
  assert.ok(!pb.authStore.isValid);
});

test('authRefresh without a token is rejected with 401', async () => {
  await rejectsWith(anonymous().collection('_superusers').authRefresh(), 401);
});

test('collections are superuser-only: anonymous 401, forged token 401', async () => {
  await rejectsWith(anonymous().collections.getList(1, 10), 401);
  const forged = anonymous();
  forged.authStore.save('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IngiLCJ0eXBlIjoiYXV0aCJ9.c2lnbmF0dXJl', null);
  await rejectsWith(forged.collections.getList(1, 10), 401);
});
