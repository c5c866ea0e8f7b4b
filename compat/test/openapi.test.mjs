// The OpenAPI document of /api/docs/openapi.json: valid OpenAPI 3.1 (checked against the official schema by
// @readme/openapi-parser), and a client generated from it at run time (swagger-client resolves each operation by
// its operationId, builds the URL, parameters and body from the document) creates and lists records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '@readme/openapi-parser';
import SwaggerClient from 'swagger-client';
import { BASE_URL, superuser, uniqueName } from './support.mjs';

async function documentFor(token) {
  const response = await fetch(`${BASE_URL}/api/docs/openapi.json`, { headers: token ? { Authorization: token } : {} });
  assert.equal(response.status, 200);
  return response.json();
}

test('the document validates against the OpenAPI 3.1 schema for a guest and a superuser', async () => {
  const pb = await superuser();
  for (const token of [null, pb.authStore.token]) {
    const doc = await documentFor(token);
    assert.match(doc.openapi, /^3\.1\./);
    const result = await validate(structuredClone(doc));
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1));
  }
});

test('a client generated from the document creates and lists records', async () => {
  const pb = await superuser();
  const name = uniqueName('apidocs');
  await pb.collections.create({
    name, type: 'base', listRule: '', viewRule: '', createRule: '', updateRule: null, deleteRule: null,
    fields: [
      { name: 'title', type: 'text', required: true },
      { name: 'views', type: 'number', onlyInt: true },
      { name: 'created', type: 'autodate', onCreate: true },
    ],
  });
  const spec = await documentFor(null);
  const client = await SwaggerClient({ spec, url: `${BASE_URL}/api/docs/openapi.json` });
  const suffix = name.charAt(0).toUpperCase() + name.slice(1);

  const created = await client.execute({ operationId: `create${suffix}`, requestBody: { title: 'From the spec', views: 3 } });
  assert.equal(created.status, 200);
  assert.equal(created.body.title, 'From the spec');
  assert.equal(created.body.collectionName, name);

  const listed = await client.execute({ operationId: `list${suffix}`, parameters: { filter: 'views >= 3', sort: '-created' } });
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.body.items.map((r) => r.id), [created.body.id]);

  const viewed = await client.execute({ operationId: `view${suffix}`, parameters: { id: created.body.id } });
  assert.equal(viewed.body.views, 3);
  // the guest's document has no delete (deleteRule null): the generated client has no such operation
  assert.equal(client.spec.paths[`/api/collections/${name}/records/{id}`].delete, undefined);
});
