// The calls of data-live-<event> attributes as the server writes them: the handler, then JSON values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCall } from '../src/call.js';

test('a bare handler', () => {
  assert.deepEqual(parseCall('increment'), { handler: 'increment', args: [] });
  assert.deepEqual(parseCall('zähle'), { handler: 'zähle', args: [] });
});

test('literals are JSON values, exactly as the server encoded them', () => {
  assert.deepEqual(parseCall(`f(5,-1.5,2e3,"O'Brien","back\\\\slash","say \\"hi\\"","\\u007b}",true,null)`).args
    .map(a => a.v), [5, -1.5, 2000, `O'Brien`, 'back\\slash', 'say "hi"', '{}', true, null]);
});

test('a one-element array is a name the page resolves', () => {
  assert.deepEqual(parseCall('save(["value"],["user.email"],["toString"],"x")').args,
    [{ n: 'value' }, { n: 'user.email' }, { n: 'toString' }, { v: 'x' }]);
});

test('text the server did not write throws a SyntaxError', () => {
  for (const text of [`f('single')`, 'f(a)', 'f(1,)', 'f(007)']) {
    assert.throws(() => parseCall(text), SyntaxError, text);
  }
});
