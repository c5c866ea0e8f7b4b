import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { anonymous, rejectsWith, superuser, uniqueName } from './support.mjs';

/** Polls the deliveries of one record until `done` holds (or fails after 15 s). */
async function awaitDelivery(pb, recordId, done) {
  const deadline = Date.now() + 15_000;
  let items = [];
  while (Date.now() < deadline) {
    ({ items } = await pb.collection('_webhookDeliveries').getList(1, 50, { filter: `record = '${recordId}'` }));
    if (items.length === 1 && done(items[0])) {
      return items[0];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`delivery of ${recordId} not as expected: ${JSON.stringify(items)}`);
}

test('webhooks are managed with the SDK; a loopback URL is refused and recorded (SSRF guard)', async () => {
  const received = [];
  const server = http.createServer((req, res) => {
    received.push(req.url);
    res.end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    const pb = await superuser();
    const name = uniqueName('hooked');
    await pb.collections.create({ name, fields: [{ name: 'title', type: 'text' }] });
    const hook = await pb.collection('_webhooks').create({
      url: `http://127.0.0.1:${server.address().port}/hook`,
      collection: name,
      events: ['create'],
      active: true,
    });
    assert.deepEqual(hook.events, ['create']);
    assert.equal(hook.secret.length, 40, 'a secret is generated when none is given');
    await rejectsWith(anonymous().collection('_webhooks').getList(), 403);

    const record = await pb.collection(name).create({ title: 'hello' });
    const failed = await awaitDelivery(pb, record.id, (d) => d.status === 'failed');
    assert.equal(failed.webhook, hook.id);
    assert.equal(failed.action, 'create');
    assert.equal(failed.collection, name);
    assert.equal(failed.attempts, 1);
    assert.match(failed.lastError, /loopback or private address/);
    assert.equal(received.length, 0, 'nothing was sent to the internal address');

    await pb.send(`/api/webhooks/deliveries/${failed.id}/replay`, { method: 'POST' });
    await awaitDelivery(pb, record.id, (d) => d.attempts === 2 && d.status === 'failed');
    await rejectsWith(pb.collection('_webhookDeliveries').update(failed.id, { status: 'pending' }), 400);
  } finally {
    server.close();
  }
});
