// The OAuth2 part of an auth collection's options: on/off, the record fields that receive the provider's user data,
// and the providers in PocketBase's shape {name, clientId, clientSecret, authURL, tokenURL, userInfoURL,
// displayName, pkce, extra}. The client secret is write-only: the API never answers it, and blank keeps the stored one.
import { html, nothing } from 'lit-html';
import { input, checkbox, update, run, button, errorIn } from './ui.js';
import { api } from './api.js';
import { errorAt } from './collection-editor.js';

/** PocketBase's provider names (the server checks them too). */
const PROVIDERS = ['apple', 'bitbucket', 'box', 'discord', 'facebook', 'gitea', 'gitee', 'github', 'gitlab', 'google',
  'instagram2', 'kakao', 'lark', 'linear', 'livechat', 'mailcow', 'microsoft', 'monday', 'notion', 'oidc', 'oidc2', 'oidc3',
  'patreon', 'planningcenter', 'spotify', 'strava', 'trakt', 'twitch', 'twitter', 'vk', 'wakatime', 'yandex'];
/** Providers without endpoints of their own: their URLs, or an OpenID Connect issuer, must be given. */
const SELF_HOSTED = new Set(['mailcow', 'oidc', 'oidc2', 'oidc3']);
const MAPPED = [['id', 'ID'], ['name', 'name'], ['username', 'username'], ['avatarURL', 'avatar URL']];

/** Apple's client secret is a JWT signed with the developer's key; the server makes it and stores nothing. */
const apple = { teamId: '', keyId: '', privateKey: '', duration: 15777000 };

async function generateAppleSecret(p) {
  const answer = await run('apple-secret', () => api.post('/api/settings/apple/generate-client-secret',
    { clientId: p.clientId, ...apple }), 'Client secret generated: save the collection to keep it.');
  if (answer) { p.clientSecret = answer.secret; update(); }
}

function appleSecretForm(p) {
  return html`<details><summary>Generate the Apple client secret</summary>
    <div class="grid2">${input('Apple team ID', apple, 'teamId', { error: errorIn('apple-secret', 'teamId') })}
      ${input('Apple key ID', apple, 'keyId', { error: errorIn('apple-secret', 'keyId') })}
      ${input('Secret lifetime in seconds (at most 15777000)', apple, 'duration', { type: 'number',
        error: errorIn('apple-secret', 'duration') })}</div>
    <label class="field"><span>Apple private key (PEM)</span><textarea class="code" rows="4" .value=${apple.privateKey}
      placeholder="-----BEGIN PRIVATE KEY-----" @input=${(e) => { apple.privateKey = e.target.value; }}></textarea>
      ${errorIn('apple-secret', 'privateKey')}</label>
    ${button('Generate client secret', 'apple-secret', () => generateAppleSecret(p))}</details>`;
}

/** Providers whose secret was typed in this editor session (the others keep the stored secret). */
const stored = new WeakSet();

function provider(oauth, p, i) {
  const key = `oauth2.providers.${i}`;
  const n = p.name;
  const extra = (p.extra = p.extra || {});
  const urlHint = SELF_HOSTED.has(n) ? ' (required unless an issuer is given)' : ' (optional: the provider\'s default)';
  return html`<fieldset aria-label="Provider ${n}"><legend>${n}</legend>${errorAt(`${key}.name`)}
    <div class="grid2">${input(`${n} client ID`, p, 'clientId', { error: errorAt(`${key}.clientId`), required: true })}
      ${input(`${n} client secret`, p, 'clientSecret', { type: 'password', autocomplete: 'new-password',
        placeholder: stored.has(p) ? 'Unchanged (write-only)' : '', error: errorAt(`${key}.clientSecret`) })}
      ${input(`${n} display name`, p, 'displayName')}
      ${SELF_HOSTED.has(n) ? input(`${n} issuer URL`, extra, 'issuer', { type: 'url', placeholder: 'https://accounts.example.com' }) : nothing}</div>
    ${n === 'apple' ? appleSecretForm(p) : nothing}
    <details ?open=${SELF_HOSTED.has(n)}><summary>Endpoints${urlHint}</summary>
      ${input(`${n} auth URL`, p, 'authURL', { type: 'url', error: errorAt(`${key}.authURL`) })}
      ${input(`${n} token URL`, p, 'tokenURL', { type: 'url', error: errorAt(`${key}.tokenURL`) })}
      ${input(`${n} user info URL`, p, 'userInfoURL', { type: 'url', error: errorAt(`${key}.userInfoURL`) })}</details>
    ${checkbox(`${n}: use PKCE`, p, 'pkce')}
    <button type="button" class="danger" @click=${() => { oauth.providers.splice(i, 1); update(); }}>Remove provider ${n}</button>
  </fieldset>`;
}

/** The OAuth2 fieldset of the options tab. */
export function oauth2View(d) {
  const oauth = (d.oauth2 = d.oauth2 || { enabled: false, mappedFields: {}, providers: [] });
  oauth.providers = oauth.providers || [];
  oauth.mappedFields = oauth.mappedFields || {};
  for (const p of oauth.providers) if (p.clientSecret === undefined) { stored.add(p); p.clientSecret = ''; }
  const used = new Set(oauth.providers.map((p) => p.name));
  return html`<fieldset><legend>OAuth2</legend>${checkbox('Enable OAuth2 sign-in', oauth, 'enabled')}${errorAt('oauth2')}
    <h3>Map the provider's user to record fields</h3>
    <div class="grid2">${MAPPED.map(([k, label]) => input(`Field for the OAuth2 ${label}`, oauth.mappedFields, k,
      { placeholder: 'record field name', error: errorAt(`oauth2.mappedFields.${k}`) }))}</div>
    ${oauth.providers.map((p, i) => provider(oauth, p, i))}
    <div class="field"><label for="add-provider"><span>Add provider</span></label><select id="add-provider" @change=${(e) => {
      if (!e.target.value) return;
      oauth.providers.push({ name: e.target.value, clientId: '', clientSecret: '', displayName: '', authURL: '', tokenURL: '', userInfoURL: '', pkce: null, extra: {} });
      e.target.value = '';
      update();
    }}><option value="">Choose a provider...</option>${PROVIDERS.filter((n) => !used.has(n)).map((n) => html`<option>${n}</option>`)}</select></div>
    <p class="muted">Redirect URL to register with the provider: <code>${location.origin}/api/oauth2-redirect</code></p>
  </fieldset>`;
}
