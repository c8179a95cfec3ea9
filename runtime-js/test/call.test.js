// The call grammar of data-live-<event> attributes, as a pure function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCall } from '../src/call.js';

const values = text => parseCall(text).args.map(a => a.v);

test('a bare handler, with or without empty parentheses', () => {
  assert.deepEqual(parseCall('increment'), { handler: 'increment', args: [] });
  assert.deepEqual(parseCall('  increment ( )  '), { handler: 'increment', args: [] });
  assert.deepEqual(parseCall('$h_1'), { handler: '$h_1', args: [] });
  assert.deepEqual(parseCall('zähle'), { handler: 'zähle', args: [] });
});

test('numbers', () => {
  assert.deepEqual(values('f(5, -1.5, 0, 2e3, 1.5E-2)'), [5, -1.5, 0, 2000, 0.015]);
});

test('single and double quoted strings, with backslash escapes', () => {
  assert.deepEqual(values(`f('text', "text", '', "")`), ['text', 'text', '', '']);
  assert.deepEqual(values(`f('it\\'s', "say \\"hi\\"", 'back\\\\slash', 'a\\bc')`),
    [`it's`, 'say "hi"', 'back\\slash', 'abc']);
  // The other quote, commas, parentheses and spaces are plain text inside a string
  assert.deepEqual(values(`f("it's", 'a "b"', ' x, (y) ')`), [`it's`, 'a "b"', ' x, (y) ']);
});

test('true, false and null are literals', () => {
  assert.deepEqual(values('f(true, false, null)'), [true, false, null]);
});

test('other names are resolved later: value, checked and form field names', () => {
  assert.deepEqual(parseCall('save(value, checked, name, user.email, first-name, toString, trueish)').args,
    [{ n: 'value' }, { n: 'checked' }, { n: 'name' }, { n: 'user.email' }, { n: 'first-name' },
      { n: 'toString' }, { n: 'trueish' }]);
});

test('whitespace around everything', () => {
  assert.deepEqual(parseCall('\n add (\t1 ,\n"a"  , b ) \n'), { handler: 'add', args: [{ v: 1 }, { v: 'a' }, { n: 'b' }] });
});

test('a string may hold what looks like a closing parenthesis', () => {
  assert.deepEqual(values(`f(')', "(")`), [')', '(']);
});

test('malformed calls throw a SyntaxError that names the call and the problem', () => {
  const cases = {
    'f(a': /bad call "f\(a": missing "\)"/,
    'f(1, 2': /missing "\)"/,
    'f(a))': /cannot read an argument at "a\)"/,
    'f(a)(b)': /cannot read an argument/,
    'f(a,)': /an argument is missing after ","/,
    'f(,a)': /cannot read an argument at ",a"/,
    'f(1 2)': /cannot read an argument/,
    "f('open)": /cannot read an argument at "'open"/,
    'f("mixed\')': /cannot read an argument/,
    'f(+1)': /cannot read an argument at "\+1"/,
    'f(.5)': /cannot read an argument/,
    'f(5.)': /cannot read an argument/,
    'f(1a)': /cannot read an argument/,
    '': /expected handler or handler\(arg, \.\.\.\)/,
    '(1)': /expected handler/,
    '1f': /expected handler/,
    'a.b': /expected handler/,
    'f g': /expected handler/,
  };
  for (const [text, message] of Object.entries(cases)) {
    assert.throws(() => parseCall(text), e => e instanceof SyntaxError && message.test(e.message), text);
  }
});
