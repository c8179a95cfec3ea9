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
