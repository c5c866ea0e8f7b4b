// Keeps the README's blog example honest: runs examples/blog.mjs as a user would, against the server under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { BASE_URL, SUPERUSER_EMAIL, SUPERUSER_PASSWORD } from './support.mjs';

const compat = dirname(dirname(fileURLToPath(import.meta.url)));

/** Runs examples/blog.mjs as a user would and returns what it printed. */
async function runBlog(suffix) {
  // Copied under compat/ so that `import 'pocketbase'` resolves to compat/node_modules.
  const dir = join(compat, '.examples');
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'blog.mjs');
  copyFileSync(join(compat, '..', 'examples', 'blog.mjs'), script);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script], {
      env: { ...process.env, BASALT_URL: BASE_URL, BASALT_SUPERUSER_EMAIL: SUPERUSER_EMAIL,
        BASALT_SUPERUSER_PASSWORD: SUPERUSER_PASSWORD, BLOG_SUFFIX: suffix },
      timeout: 60000,
    }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stdout}\n${stderr}`)) : resolve(stdout)));
  });
}

test('the README blog example runs end to end, and again with the same output', async () => {
  const suffix = `_${Date.now().toString(36)}`;
  const out = await runBlog(suffix);
  assert.match(out, /Written in one batch by Ann: 2 comment\(s\) \[ 'First!', 'Nice post\.' \]/);
  assert.match(out, /Hello, Basalt by Ann: 0 comment\(s\)/);
  assert.match(out, /posts per author: Ann=2/);
  const thumb = out.match(/cover thumbnail: (\S+)/)[1];
  const res = await fetch(thumb);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  // a second run on the same server starts over and prints the same lines (the random ids aside)
  const again = await runBlog(suffix);
  const stable = (text) => text.replace(/cover thumbnail: \S+/, 'cover thumbnail: URL');
  assert.equal(stable(again), stable(out));
});
