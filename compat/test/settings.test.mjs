import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, rejectsWith, superuser } from './support.mjs';

// testEmail and testS3 need the SMTP server, mailbox and S3 server that SdkCompatibilityTest starts;
// against another server (BASALT_URL only) they are skipped.
const NEEDS_MAIL = !(process.env.BASALT_SMTP_PORT && process.env.BASALT_MAILBOX_URL)
  && 'needs BASALT_SMTP_PORT and BASALT_MAILBOX_URL (set by SdkCompatibilityTest)';
const NEEDS_S3 = !process.env.BASALT_S3_TEST_ENDPOINT
  && 'needs BASALT_S3_TEST_ENDPOINT, _BUCKET and _KEY (set by SdkCompatibilityTest)';

test('pb.settings.getAll: every PocketBase section, no secrets, envOverrides', async () => {
  const pb = await superuser();
  const all = await pb.settings.getAll();
  for (const key of ['meta', 'smtp', 's3', 'backups', 'batch', 'rateLimits', 'trustedProxy', 'logs', 'superuserIPs']) {
    assert.ok(key in all, `settings.${key}`);
  }
  assert.ok(Array.isArray(all.envOverrides));
  assert.equal('password' in all.smtp, false);
  assert.equal('secret' in all.s3, false);
  assert.equal('secret' in all.backups.s3, false);
  assert.equal(typeof all.meta.accentColor, 'string');
  await rejectsWith(anonymous().settings.getAll(), 401);
});

test('pb.settings.update: sections round trip, secrets are kept, invalid values are 400s', async () => {
  const pb = await superuser();
  const before = await pb.settings.getAll();
  try {
    const saved = await pb.settings.update({
      meta: { accentColor: '#336699' },
      logs: { maxDays: 7, minLevel: 4, logIP: false, logAuthId: true },
      backups: { cron: '30 2 * * *', cronMaxKeep: 4, s3: { bucket: 'sdk-backups', secret: 'sdk-backup-secret' } },
      batch: { enabled: true, maxRequests: 40, timeout: 4, maxBodySize: 0 },
    });
    assert.equal(saved.meta.accentColor, '#336699');
    assert.equal(saved.meta.appName, before.meta.appName, 'other keys kept');
    assert.deepEqual(saved.logs, { maxDays: 7, minLevel: 4, logIP: false, logAuthId: true });
    assert.equal(saved.backups.cron, '30 2 * * *');
    assert.equal(saved.backups.s3.bucket, 'sdk-backups');
    assert.equal('secret' in saved.backups.s3, false);
    assert.equal(saved.batch.maxRequests, 40);

    // what getAll returned, sent back whole (as a settings form does): accepted, nothing lost
    const echoed = await pb.settings.update(await pb.settings.getAll());
    assert.equal(echoed.backups.s3.bucket, 'sdk-backups');

    const err = await rejectsWith(pb.settings.update({
      meta: { accentColor: 'blue' }, backups: { cron: 'sometimes' }, superuserIPs: ['not-an-ip'],
    }), 400);
    assert.equal(err.response.data['meta.accentColor'].code, 'validation_length_invalid');
    assert.equal(err.response.data['backups.cron'].code, 'validation_invalid_cron');
    assert.equal(err.response.data['superuserIPs.0'].code, 'validation_invlaid_ip_or_subnet');
    assert.equal((await pb.settings.getAll()).meta.accentColor, '#336699', 'a refused update changes nothing');
  } finally {
    await pb.settings.update({ meta: before.meta, logs: before.logs, batch: before.batch,
      backups: { cron: before.backups.cron, cronMaxKeep: before.backups.cronMaxKeep, s3: before.backups.s3 } });
  }
});

test('pb.settings.testEmail sends the template to the address', { skip: NEEDS_MAIL }, async () => {
  const pb = await superuser();
  const before = (await pb.settings.getAll()).smtp;
  await pb.settings.update({ smtp: { enabled: true, host: '127.0.0.1', port: Number(process.env.BASALT_SMTP_PORT),
    tls: false, username: '' } });
  assert.equal(await pb.settings.testEmail('_superusers', 'sdk-test-mail@example.com', 'password-reset'), true);
  let mail;
  for (let i = 0; i < 200 && !mail; i++) {
    const mails = await (await fetch(process.env.BASALT_MAILBOX_URL)).json();
    mail = mails.find((m) => m.to.includes('sdk-test-mail@example.com'));
    if (!mail) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  assert.ok(mail, 'the test mail arrived');
  assert.match(mail.subject, /^Reset your .+ password$/);
  const err = await rejectsWith(pb.settings.testEmail('_superusers', 'sdk-test-mail@example.com', 'welcome'), 400);
  assert.equal(err.response.data.template.code, 'validation_in_invalid');
  await pb.settings.update({ smtp: before });
});

test('pb.settings.testS3 checks the configured bucket', { skip: NEEDS_S3 }, async () => {
  const pb = await superuser();
  const before = await pb.settings.getAll();
  try {
    await rejectsWith(pb.settings.testS3('backups'), 400); // not enabled
    await pb.settings.update({ backups: { s3: {
      enabled: true, endpoint: process.env.BASALT_S3_TEST_ENDPOINT, bucket: process.env.BASALT_S3_TEST_BUCKET,
      region: 'us-east-1', accessKey: process.env.BASALT_S3_TEST_KEY, secret: process.env.BASALT_S3_TEST_KEY,
      forcePathStyle: true,
    } } });
    assert.equal(await pb.settings.testS3('backups'), true);
    await pb.settings.update({ backups: { s3: { bucket: 'sdk-no-such-bucket' } } });
    const err = await rejectsWith(pb.settings.testS3('backups'), 400);
    assert.match(err.response.message, /^Failed to test the S3 filesystem/);
  } finally {
    await pb.settings.update({ backups: { s3: { ...before.backups.s3, enabled: false } } });
  }
});
