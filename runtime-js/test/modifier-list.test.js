// modifiers.json is the one list of modifiers: the build checks templates against it (it goes into the jar), and
// the runtime acts on each of them. This holds the runtime to it, so that neither side knows one the other does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseBinding, keysMatch } from '../src/bindings.js';

const M = JSON.parse(readFileSync(new URL('../src/modifiers.json', import.meta.url)));
const runtime = readFileSync(new URL('../src/live.js', import.meta.url), 'utf8');

test('every key modifier filters on its key, and no other name does', () => {
  for (const [name, key] of Object.entries(M.keys)) {
    assert.deepEqual(parseBinding(`data-live-keydown.${name}`).keys, [key], name);
  }
  for (const name of [...M.system, ...M.beyond, ...M.timing, ...M.plain, 'constructor', 'toString']) {
    assert.deepEqual(parseBinding(`data-live-keydown.${name}`).keys, [], name);
  }
});

test('every system modifier asks for its key to be held', () => {
  for (const name of M.system) {
    const b = parseBinding(`data-live-keydown.${name}`);
    assert.ok(keysMatch(b, { key: 'a', [name + 'Key']: true }), name);
    assert.ok(!keysMatch(b, { key: 'a' }), name);
  }
});

test('the modifiers that listen beyond the element, and those that wait', () => {
  for (const name of M.beyond) assert.ok(parseBinding(`data-live-click.${name}`).g, name);
  for (const name of M.timing) assert.equal(parseBinding(`data-live-input.${name}`).how, name, name);
  for (const name of M.plain) {
    assert.ok(!parseBinding(`data-live-click.${name}`).g && !parseBinding(`data-live-click.${name}`).how, name);
  }
});

test('every plain modifier is acted on by the runtime', () => {
  for (const name of M.plain) assert.ok(runtime.includes(`mod('${name}')`), name);
});
