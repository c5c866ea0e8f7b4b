// Shared setup for the SDK compatibility tests: where Basalt is and who the superuser is.
import assert from 'node:assert/strict';
import PocketBase, { ClientResponseError } from 'pocketbase';

export const BASE_URL = process.env.BASALT_URL || 'http://127.0.0.1:8090';
export const SUPERUSER_EMAIL = process.env.BASALT_SUPERUSER_EMAIL || '';
export const SUPERUSER_PASSWORD = process.env.BASALT_SUPERUSER_PASSWORD || '';

if (!SUPERUSER_EMAIL || !SUPERUSER_PASSWORD) {
  throw new Error('Set BASALT_SUPERUSER_EMAIL and BASALT_SUPERUSER_PASSWORD (and BASALT_URL) to run these tests.');
}

/** A fresh, anonymous SDK client (auto-cancellation off: tests may send identical requests back to back). */
export function anonymous() {
  const pb = new PocketBase(BASE_URL);
  pb.autoCancellation(false);
  return pb;
}

/** A fresh SDK client authenticated as the superuser. */
export async function superuser() {
  const pb = anonymous();
  await pb.collection('_superusers').authWithPassword(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);
  return pb;
}

/** A collection name no other test uses (tests may share one server). */
export function uniqueName(prefix) {
  return `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

/** Awaits a promise that must fail with a ClientResponseError of this status; returns the error. */
export async function rejectsWith(promise, status) {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ClientResponseError, `expected ClientResponseError, got ${err}`);
    assert.equal(err.status, status, `expected HTTP ${status}, got ${err.status}: ${JSON.stringify(err.response)}`);
    return err;
  }
  assert.fail(`expected HTTP ${status}, but the request succeeded`);
}

/** The fields of the "posts" collection used across the tests (PocketBase v0.23+ field definitions). */
export function postFields() {
  return [
    { name: 'title', type: 'text', required: true, max: 200 },
    { name: 'views', type: 'number', onlyInt: true },
    { name: 'published', type: 'bool' },
    { name: 'tags', type: 'select', maxSelect: 3, values: ['news', 'tech', 'life', 'misc'] },
    { name: 'meta', type: 'json' },
    { name: 'when', type: 'date' },
    { name: 'contact', type: 'email' },
    { name: 'link', type: 'url' },
    { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
    { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
  ];
}

/** Creates a "posts"-like collection with a unique name and the given rules; returns the collection. */
export async function createPosts(pb, rules = {}) {
  return pb.collections.create({
    name: uniqueName('posts'),
    type: 'base',
    fields: postFields(),
    listRule: '',
    viewRule: '',
    createRule: null,
    updateRule: null,
    deleteRule: null,
    ...rules,
  });
}
