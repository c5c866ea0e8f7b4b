// Mail requests without SMTP answer as in PocketBase (no 400, no account enumeration); the message goes to the
// server log until SMTP is set (MailApiTest checks the log line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, superuser, uniqueName } from './support.mjs';

const PASSWORD = 'password123';

test('request* without SMTP: the same answers for known and unknown emails', async () => {
  const pb = await superuser();
  const smtp = (await pb.settings.getAll()).smtp;
  await pb.settings.update({ smtp: { enabled: false } });
  try {
    const users = await pb.collections.create({
      name: uniqueName('nosmtp'), type: 'auth', listRule: '', viewRule: '', createRule: '',
      updateRule: 'id = @request.auth.id', otp: { enabled: true },
    });
    const client = anonymous();
    const records = client.collection(users.name);
    await records.create({ email: 'known@example.com', password: PASSWORD, passwordConfirm: PASSWORD });
    for (const email of ['known@example.com', 'unknown@example.com']) {
      assert.equal(await records.requestPasswordReset(email), true, email);
      assert.equal(await records.requestVerification(email), true, email);
      const otp = await records.requestOTP(email);
      assert.match(otp.otpId, /^\w{15}$/, email);
    }
    await records.authWithPassword('known@example.com', PASSWORD);
    assert.equal(await records.requestEmailChange('new-known@example.com'), true);
  } finally {
    await pb.settings.update({ smtp: { enabled: smtp.enabled, host: smtp.host, port: smtp.port, tls: smtp.tls,
      username: smtp.username } });
  }
});
