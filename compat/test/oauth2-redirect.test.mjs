// The SDK's all-in-one OAuth2 flow: authWithOAuth2({provider, urlCallback}) subscribes to the realtime topic
// @oauth2, opens the provider's page, and waits for Basalt's /api/oauth2-redirect to pass the code back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventSource } from 'eventsource';
import { anonymous, rejectsWith, superuser, uniqueName } from './support.mjs';

// Node has no EventSource of its own; the SDK expects a global one.
globalThis.EventSource = EventSource;

const NEEDS_OIDC = !process.env.BASALT_OIDC_ISSUER && 'needs BASALT_OIDC_ISSUER (set by SdkCompatibilityTest)';

test('authWithOAuth2({provider}) signs up through the realtime redirect flow', { skip: NEEDS_OIDC }, async () => {
  const pb = await superuser();
  const users = await pb.collections.create({
    name: uniqueName('users'),
    type: 'auth',
    fields: [{ name: 'name', type: 'text' }, { name: 'avatar', type: 'file', maxSelect: 1 }],
    listRule: '', viewRule: '', createRule: '',
    oauth2: {
      enabled: true,
      mappedFields: { name: 'name', avatarURL: 'avatar' },
      providers: [{
        name: 'oidc',
        clientId: process.env.BASALT_OIDC_CLIENT_ID,
        clientSecret: process.env.BASALT_OIDC_CLIENT_SECRET,
        extra: { issuer: process.env.BASALT_OIDC_ISSUER },
      }],
    },
  });
  const client = anonymous();
  let redirected;
  const auth = await client.collection(users.name).authWithOAuth2({
    provider: 'oidc',
    // the "browser": the provider consents at once and sends it to Basalt's redirect page
    urlCallback: async (url) => {
      const consent = await fetch(`${url}&login_hint=${encodeURIComponent('sdk-popup@example.com')}`,
        { redirect: 'manual' });
      assert.equal(consent.status, 302);
      const location = consent.headers.get('location');
      assert.ok(location.includes('/api/oauth2-redirect'), location);
      redirected = await fetch(location);
    },
  });
  assert.equal(redirected.status, 200);
  assert.ok(client.authStore.isValid);
  assert.equal(auth.meta.isNew, true);
  assert.equal(auth.record.email, 'sdk-popup@example.com');
  assert.equal(auth.record.name, 'Name of sdk-popup@example.com');
  // mappedFields.avatarURL: the provider's picture, downloaded into the file field on sign-up
  assert.match(auth.record.avatar, /^avatar_\w{10}\.png$/);
  const avatar = await fetch(client.files.getURL(auth.record, auth.record.avatar));
  assert.equal(avatar.status, 200);
  assert.equal(avatar.headers.get('content-type'), 'image/png');
  client.realtime.unsubscribe();
});

// The provider's id_token is checked against its JWKS (found by discovery) although the user comes from its user
// info; the test provider signs a bad token for login hints starting with "forged-", "expired-", "wrongaud-".
test('authWithOAuth2Code refuses a bad id_token and accepts a valid one', { skip: NEEDS_OIDC }, async () => {
  const pb = await superuser();
  const users = await pb.collections.create({
    name: uniqueName('users'),
    type: 'auth',
    listRule: '', viewRule: '', createRule: '',
    oauth2: {
      enabled: true,
      providers: [{
        name: 'oidc',
        clientId: process.env.BASALT_OIDC_CLIENT_ID,
        clientSecret: process.env.BASALT_OIDC_CLIENT_SECRET,
        extra: { issuer: process.env.BASALT_OIDC_ISSUER },
      }],
    },
  });
  const redirectURL = 'http://127.0.0.1:9/callback';
  const signIn = async (email) => {
    const client = anonymous();
    const methods = await client.collection(users.name).listAuthMethods();
    const provider = methods.oauth2.providers[0];
    const consent = await fetch(`${provider.authURL}${encodeURIComponent(redirectURL)}`
      + `&login_hint=${encodeURIComponent(email)}`, { redirect: 'manual' });
    const code = new URL(consent.headers.get('location')).searchParams.get('code');
    return client.collection(users.name).authWithOAuth2Code('oidc', code, provider.codeVerifier, redirectURL);
  };
  for (const prefix of ['forged-', 'expired-', 'wrongaud-']) {
    const err = await rejectsWith(signIn(`${prefix}sdk@example.com`), 400);
    assert.equal(err.response.message, 'Failed to authenticate with the OAuth2 provider.');
  }
  assert.equal((await pb.collection(users.name).getList(1, 1)).totalItems, 0);
  const auth = await signIn('sdk-idtoken@example.com');
  assert.equal(auth.record.email, 'sdk-idtoken@example.com');
});
