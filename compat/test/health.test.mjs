import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, superuser } from './support.mjs';

test('pb.health.check() answers like PocketBase', async () => {
  const health = await anonymous().health.check();
  assert.equal(health.code, 200);
  assert.equal(health.message, 'API is healthy.');
  assert.deepEqual(health.data, {});
});

test('pb.health.check() works with a superuser token too', async () => {
  const health = await (await superuser()).health.check();
  assert.equal(health.code, 200);
  assert.equal(typeof health.data, 'object');
});
