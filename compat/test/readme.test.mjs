// Keeps the README's examples honest: runs every block marked `<!-- test -->` or `<!-- test: NAME -->` (see the
// comment at the top of README.md) as a user would, in README order, against the server under test, and fails on
// a shell, JavaScript or JSON block that carries no marker. Only the address, the superuser's credentials, the
// user ann's address and the collection names are replaced (by unique ones, so nothing else on a shared server is
// touched); a fixture below adds set-up, fills a placeholder or checks the output, by the marker's NAME.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { BASE_URL, SUPERUSER_EMAIL, SUPERUSER_PASSWORD, superuser, uniqueName } from './support.mjs';
import { CHECKED_LANGS, readmeBlocks } from './readme-blocks.mjs';
import { fixtures, JAVA_RUN } from './readme-fixtures.mjs';

const compat = dirname(dirname(fileURLToPath(import.meta.url)));
const work = join(compat, '.examples');
mkdirSync(work, { recursive: true });
const blocks = readmeBlocks(join(compat, '..', 'README.md'));

/** What the blocks share: unique names, ann's address and id, values one fixture leaves for a later one. */
const ctx = {
  names: Object.fromEntries(['posts', 'users', 'notes', 'orders'].map((n) => [n, uniqueName(n)])),
  ann: `${uniqueName('ann')}@example.com`,
  common: (code) => common(code),
  blocks,
  work,
  run: (code, lang, fixture) => runBlock(code, lang, fixture),
};

/** The substitutions every block gets. */
function common(code) {
  return code
    .replaceAll('http://127.0.0.1:8090', BASE_URL)
    .replaceAll('admin@example.com', SUPERUSER_EMAIL)
    .replaceAll('change-me-123456', SUPERUSER_PASSWORD)
    .replaceAll('ann@example.com', ctx.ann)
    .replace(/(['"])(posts|users|notes|orders)(?=['":])/g, (_, q, name) => `${q}${ctx.names[name]}`)
    .replace(/\/collections\/(posts|users|notes|orders)\//g, (_, name) => `/collections/${ctx.names[name]}/`);
}

const CLI = process.env.BASALT_CLI_CLASSPATH && {
  BASALT_DB_URL: process.env.BASALT_CLI_DB_URL, BASALT_DB_USER: process.env.BASALT_CLI_DB_USER,
  BASALT_DB_PASSWORD: process.env.BASALT_CLI_DB_PASSWORD,
};
// ./basalt is the launcher around this main class; --dir is the server's, as the README's "same --dir" asks
const BASH_PRELUDE = `set -euo pipefail
basalt() { "$BASALT_CLI_JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -cp "$BASALT_CLI_CLASSPATH" dev.basalt.cli.BasaltMain "$@" --dir="$BASALT_CLI_DIR"; }
curl() { command curl --fail-with-body "$@"; }
`;

function run(file, args, env = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 180000, cwd: work, env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      (err ? reject(new Error(`${err.message}\n${stdout}\n${stderr}`)) : resolve(stdout)));
  });
}

let jsBlocks = 0;

/** Runs one block's code (after substitutions); returns what it printed. */
async function runBlock(code, lang, fixture = {}) {
  if (lang === 'bash' || lang === 'sh') {
    const token = (await superuser()).authStore.token;
    return run('bash', ['-c', BASH_PRELUDE + code.replace(/(^|\s)\.\/basalt /g, '$1basalt ')],
      { TOKEN: token, ...(CLI || {}) });
  }
  if (lang === 'js') {
    const prelude = /import PocketBase/.test(code) ? '' : `import PocketBase from 'pocketbase';
const pb = new PocketBase(${JSON.stringify(BASE_URL)});
${fixture.guest ? '' : `await pb.collection('_superusers').authWithPassword(${JSON.stringify(SUPERUSER_EMAIL)}, ${JSON.stringify(SUPERUSER_PASSWORD)});`}
`;
    const file = join(work, `readme-block-${++jsBlocks}.mjs`);
    // under compat/, so that 'pocketbase' resolves to compat/node_modules
    writeFileSync(file, `${prelude}${fixture.before ?? ''}\n${code}\n${fixture.after ?? ''}\nprocess.exit(0);\n`);
    return run(process.execPath, [file]);
  }
  throw new Error(`no way to run a ${lang} block`);
}

test('every shell, JavaScript and JSON block of the README carries a marker, and every fixture is used', () => {
  const unmarked = blocks.filter((b) => CHECKED_LANGS.has(b.lang) && !b.marker).map((b) => `README.md:${b.line}`);
  assert.deepEqual(unmarked, [], 'put <!-- test --> (or <!-- not tested: WHY -->) on the line before each block');
  const named = new Set(blocks.filter((b) => b.marker === 'test' && b.arg).map((b) => b.arg));
  for (const name of named) {
    assert.ok(fixtures[name] || JAVA_RUN[name], `README names the unknown fixture '${name}'`);
  }
  for (const name of [...Object.keys(fixtures), ...Object.keys(JAVA_RUN)]) {
    assert.ok(named.has(name), `fixture '${name}' is used by no README block`);
  }
});

for (const block of blocks.filter((b) => b.marker === 'test' && !JAVA_RUN[b.arg])) {
  const fixture = fixtures[block.arg] ?? {};
  const skip = fixture.needs?.();
  test(`README.md:${block.line} (${block.lang}${block.arg ? `, ${block.arg}` : ''})`, { skip }, async () => {
    try {
      await fixture.setup?.(ctx);
      const code = await (fixture.rewrite ?? ((c) => c))(common(block.code), ctx);
      const out = block.lang === 'json' ? await fixture.json(JSON.parse(code), ctx)
        : await runBlock(code, block.lang, { ...fixture, before: fixture.before?.(ctx), after: fixture.after?.(ctx) });
      await fixture.check?.(out, ctx, code);
    } finally {
      await fixture.teardown?.(ctx);
    }
  });
}

