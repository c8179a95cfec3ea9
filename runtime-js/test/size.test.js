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

/**
 * A bundle of its own, loaded beside the runtime only when a page needs it: outside the runtime's budget, under one of
 * its own. `has`: what shows it is the real thing; `notInRuntime`: what shows the runtime carries none of it.
 */
function sideBundle(file, budget, has, notInRuntime, more = () => {}) {
  test(`${file} is under ${budget} bytes gzipped (level 9), and the runtime carries none of it`, t => {
    const code = readFileSync(new URL(`../target/classes/META-INF/quarkus-live/${file}`, import.meta.url));
    const size = gzipSync(code, { level: 9 }).length;
    t.diagnostic(`${file}: ${code.length} bytes, ${size} bytes gzipped`);
    assert.ok(size < budget, `${file} is ${size} bytes gzipped, the budget is under ${budget}`);
    has.forEach(pattern => assert.match(code.toString(), pattern));
    assert.doesNotMatch(readFileSync(bundle).toString(), notInRuntime);
    more();
  });
}

// The dev-mode script: only in dev mode
sideBundle('dev.js', 2048, [/live:closed/, /srcdoc/], /srcdoc|quarkus-live-dev/);

// The fallback carriers: only when a WebSocket does not get through; the runtime imports them with their hash
sideBundle('fallback.js', 1024, [/EventSource/, /AbortController/], /EventSource/, () => assert.match(
  readFileSync(bundle).toString(), /import\("\.\/fallback\.js\?v=[\w-]{12}"\)/, 'imported with its hash'));

// The upload script: only in applications whose handlers take files
sideBundle('upload.js', 1536, [/requestSubmit/, /data-cancel-upload/], /requestSubmit|data-cancel-upload/);
