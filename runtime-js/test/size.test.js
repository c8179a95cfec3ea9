// The size budget of DESIGN §3: what a page loads, morph library included, stays under 5 KB gzipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 5120;
const bundle = new URL('../target/classes/META-INF/quarkus-live/runtime.js', import.meta.url);

test(`runtime.js is under ${BUDGET} bytes gzipped (level 9)`, t => {
  const code = readFileSync(bundle);
  const size = gzipSync(code, { level: 9 }).length;
  t.diagnostic(`runtime.js: ${code.length} bytes, ${size} bytes gzipped`);
  assert.ok(size < BUDGET, `runtime.js is ${size} bytes gzipped, the budget is under ${BUDGET}`);
  // A bundle that lost the morph or the runtime would pass the budget for the wrong reason
  assert.match(code.toString(), /data-live-id/);
  assert.match(code.toString(), /isEqualNode/);
});

// The dev-mode script is loaded only in dev mode, beside the runtime: small, but it has no part of the page's budget
const DEV_BUDGET = 2048;
const devScript = new URL('../target/classes/META-INF/quarkus-live/dev.js', import.meta.url);

test(`dev.js is under ${DEV_BUDGET} bytes gzipped (level 9), and the runtime carries none of it`, t => {
  const code = readFileSync(devScript);
  const size = gzipSync(code, { level: 9 }).length;
  t.diagnostic(`dev.js: ${code.length} bytes, ${size} bytes gzipped`);
  assert.ok(size < DEV_BUDGET, `dev.js is ${size} bytes gzipped, the budget is under ${DEV_BUDGET}`);
  assert.match(code.toString(), /live:closed/);
  assert.match(code.toString(), /srcdoc/);
  assert.doesNotMatch(readFileSync(bundle).toString(), /srcdoc|quarkus-live-dev/);
});

// The fallback carriers are loaded only when a WebSocket does not get through: a bundle of their own, outside the
// budget
const FALLBACK_BUDGET = 1024;
const fallback = new URL('../target/classes/META-INF/quarkus-live/fallback.js', import.meta.url);

test(`fallback.js is under ${FALLBACK_BUDGET} bytes gzipped (level 9), and the runtime carries none of it`, t => {
  const code = readFileSync(fallback);
  const size = gzipSync(code, { level: 9 }).length;
  t.diagnostic(`fallback.js: ${code.length} bytes, ${size} bytes gzipped`);
  assert.ok(size < FALLBACK_BUDGET, `fallback.js is ${size} bytes gzipped, the budget is under ${FALLBACK_BUDGET}`);
  assert.match(code.toString(), /EventSource/);
  assert.match(code.toString(), /AbortController/);
  assert.doesNotMatch(readFileSync(bundle).toString(), /EventSource/);
  assert.match(readFileSync(bundle).toString(), /import\("\.\/fallback\.js\?v=[\w-]{12}"\)/, 'imported with its hash');
});

// The upload script is loaded only by applications whose handlers take files: a bundle of its own, outside the budget
const UPLOAD_BUDGET = 1536;
const uploads = new URL('../target/classes/META-INF/quarkus-live/upload.js', import.meta.url);

test(`upload.js is under ${UPLOAD_BUDGET} bytes gzipped (level 9), and the runtime carries none of it`, t => {
  const code = readFileSync(uploads);
  const size = gzipSync(code, { level: 9 }).length;
  t.diagnostic(`upload.js: ${code.length} bytes, ${size} bytes gzipped`);
  assert.ok(size < UPLOAD_BUDGET, `upload.js is ${size} bytes gzipped, the budget is under ${UPLOAD_BUDGET}`);
  assert.match(code.toString(), /requestSubmit/);
  assert.doesNotMatch(readFileSync(bundle).toString(), /requestSubmit|data-cancel-upload/);
});
