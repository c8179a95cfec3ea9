// protocol.json is the one list of the protocol's version and error codes: the server's tests hold its constants to
// it (it goes into the jar), and this holds the runtime to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const P = JSON.parse(readFileSync(new URL('../src/protocol.json', import.meta.url)));
const runtime = readFileSync(new URL('../src/live.js', import.meta.url), 'utf8');

test('every code the runtime reads or makes is one of the protocol', () => {
  const used = [...runtime.matchAll(/code(?: ===|:) '([a-z-]+)'/g)].map(m => m[1]);
  assert.ok(used.length >= 4, used.join());
  for (const code of used) assert.ok(P.codes.includes(code) || P.runtimeCodes.includes(code), code);
});

test('the runtime joins with the protocol version', () => {
  assert.match(runtime, new RegExp(`t: 'join', v: ${P.version},`));
});
