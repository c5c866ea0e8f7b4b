import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, superuser, uniqueName, rejectsWith } from './support.mjs';

const WAIT_MS = 10_000;

/** Polls pb.logs.getList until `count` entries match the filter (logs are written asynchronously), bounded. */
async function awaitLogs(pb, filter, count) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const page = await pb.logs.getList(1, 50, { filter, sort: '-created' });
    // items, not totalItems: the count is a query of its own and may already see a batch the page did not
    if (page.items.length >= count || Date.now() > deadline) {
      return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('pb.logs.getList/getOne/getStats read a failing request back', async () => {
  const pb = await superuser();
  const missing = uniqueName('nolog');
  await rejectsWith(anonymous().collection(missing).getList(1, 5), 404);

  const page = await awaitLogs(pb, `data.url ~ '${missing}' && data.status >= 400`, 1);
  assert.equal(page.totalItems, 1);
  const entry = page.items[0];
  assert.equal(entry.level, 8);
  assert.equal(entry.data.type, 'request');
  assert.equal(entry.data.method, 'GET');
  assert.equal(entry.data.status, 404);
  assert.ok(entry.data.url.startsWith(`/api/collections/${missing}/records`));
  assert.equal(typeof entry.data.execTime, 'number');
  assert.equal(entry.data.auth, '');
  assert.match(entry.created, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$/);

  const one = await pb.logs.getOne(entry.id);
  assert.deepEqual(one, entry);

  const stats = await pb.logs.getStats({ filter: `data.url ~ '${missing}'` });
  assert.equal(stats.length, 1);
  assert.equal(stats[0].total, 1);
  assert.match(stats[0].date, /^\d{4}-\d\d-\d\d \d\d:00:00\.000Z$/);

  await rejectsWith(pb.logs.getOne('missing0000000'), 404);
  await rejectsWith(anonymous().logs.getList(1, 5), 401);
});

test('pb.crons.getFullList lists the built-in jobs and pb.crons.run starts one', async () => {
  const pb = await superuser();
  const jobs = await pb.crons.getFullList();
  const ids = jobs.map((j) => j.id);
  for (const id of ['__pbLogsCleanup__', '__pbOTPCleanup__', '__pbMFACleanup__', '__basaltSessionsCleanup__']) {
    assert.ok(ids.includes(id), `${id} in ${ids}`);
  }
  assert.deepEqual(jobs.find((j) => j.id === '__pbLogsCleanup__'), { id: '__pbLogsCleanup__', expression: '0 */6 * * *' });

  assert.equal(await pb.crons.run('__pbOTPCleanup__'), true);
  await rejectsWith(pb.crons.run('no_such_job'), 404);
  await rejectsWith(anonymous().crons.getFullList(), 401);
});
