import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, rejectsWith, superuser, uniqueName } from './support.mjs';

let admin;

before(async () => {
  admin = await superuser();
});

test('rateLimits saved with pb.settings.update: a guest over a collection rule gets 429, superusers never do', async () => {
  const before = (await admin.settings.getAll()).rateLimits;
  assert.equal(before.enabled, false, 'off by default');
  assert.deepEqual(before.rules.map((r) => r.label), ['*:auth', '*:create', '/api/batch', '/api/']);
  assert.deepEqual(before.excludedIPs, []);

  const posts = await admin.collections.create({
    name: uniqueName('sdk_rl'), type: 'base', fields: [{ name: 'title', type: 'text' }],
    listRule: '', viewRule: '', createRule: '',
  });
  try {
    const saved = await admin.settings.update({
      rateLimits: {
        enabled: true,
        rules: [{ label: `${posts.name}:create`, maxRequests: 2, duration: 60, audience: '@guest' }],
        excludedIPs: ['10.0.0.0/8'],
      },
    });
    assert.equal(saved.rateLimits.enabled, true);
    assert.deepEqual(saved.rateLimits.rules,
      [{ label: `${posts.name}:create`, maxRequests: 2, duration: 60, audience: '@guest' }]);
    assert.deepEqual(saved.rateLimits.excludedIPs, ['10.0.0.0/8']);

    const guest = anonymous();
    await guest.collection(posts.name).create({ title: 'one' });
    await guest.collection(posts.name).create({ title: 'two' });
    const err = await rejectsWith(guest.collection(posts.name).create({ title: 'three' }), 429);
    assert.equal(err.response.message, 'Too Many Requests.');
    await guest.collection(posts.name).getList(1, 10); // another action is not limited
    await admin.collection(posts.name).create({ title: 'superuser' });

    const invalid = await rejectsWith(admin.settings.update({
      rateLimits: { rules: [{ label: 'not a label', maxRequests: 1, duration: 1 }] },
    }), 400);
    assert.ok(JSON.stringify(invalid.response.data).includes('validation_match_invalid'));
  } finally {
    await admin.settings.update({ rateLimits: before });
    await admin.collections.delete(posts.id);
  }
});
