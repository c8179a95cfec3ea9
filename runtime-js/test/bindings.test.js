// Binding attribute names, key filters and durations, as pure functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBinding, keysMatch, duration } from '../src/bindings.js';

const mods = name => [...parseBinding(name).mod];

test('durations: ms and s, nothing else', () => {
  assert.equal(duration('500ms'), 500);
  assert.equal(duration('2s'), 2000);
  assert.equal(duration('0ms'), 0);
  for (const bad of ['500', 'ms', '1.5s', '5m', 'blur', '', undefined]) assert.equal(duration(bad), undefined, bad);
});

test('event name and modifiers', () => {
  assert.deepEqual(parseBinding('data-live-click'), { type: 'click', mod: new Set(), keys: [], how: '', ms: 0, g: false });
  assert.equal(parseBinding('data-live-keydown.ctrl.enter').type, 'keydown');
  assert.deepEqual(mods('data-live-click.prevent.stop.self.once'), ['prevent', 'stop', 'self', 'once']);
  assert.equal(parseBinding('data-live-dblclick').type, 'dblclick');
  assert.equal(parseBinding('data-live-my-event.stop').type, 'my-event');
});

test('not bindings: other attributes, the root markers, the disable-with text', () => {
  for (const name of ['class', 'data-live', 'data-live-id', 'data-live-component', 'data-other-click',
    'data-live-submit.disable-with']) assert.equal(parseBinding(name), null, name);
  assert.equal(parseBinding('data-live-identity')?.type, 'identity', 'only the exact marker names are excluded');
});

test('.window, .document and .outside listen beyond the element', () => {
  for (const m of ['window', 'document', 'outside']) assert.equal(parseBinding(`data-live-click.${m}`).g, true, m);
  assert.equal(parseBinding('data-live-click.prevent').g, false);
});

test('debounce and throttle: default 300 ms, a duration after them, .debounce.blur', () => {
  const wait = name => { const b = parseBinding(name); return [b.how, b.ms]; };
  assert.deepEqual(wait('data-live-input.debounce'), ['debounce', 300]);
  assert.deepEqual(wait('data-live-input.debounce.500ms'), ['debounce', 500]);
  assert.deepEqual(wait('data-live-input.debounce.1s'), ['debounce', 1000]);
  assert.deepEqual(wait('data-live-input.throttle.200ms'), ['throttle', 200]);
  assert.deepEqual(wait('data-live-input.throttle'), ['throttle', 300]);
  assert.deepEqual(wait('data-live-input.debounce.blur'), ['blur', 300]);
  assert.deepEqual(wait('data-live-input.prevent.debounce.50ms.stop'), ['debounce', 50]);
  assert.deepEqual(wait('data-live-input'), ['', 0]);
});

test('key modifiers name KeyboardEvent keys', () => {
  assert.deepEqual(parseBinding('data-live-keydown.enter.escape.tab.space').keys, ['Enter', 'Escape', 'Tab', ' ']);
  assert.deepEqual(parseBinding('data-live-keyup.up.down.left.right').keys, ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
  assert.deepEqual(parseBinding('data-live-keydown.constructor.prevent').keys, [], 'no inherited names');
});

test('key matching: the key, and exactly the named ctrl/shift/alt/meta', () => {
  const key = (name, e) => keysMatch(parseBinding(name), e);
  assert.ok(key('data-live-keydown.enter', { key: 'Enter' }));
  assert.ok(!key('data-live-keydown.enter', { key: 'a' }));
  assert.ok(!key('data-live-keydown.enter', { key: 'Enter', ctrlKey: true }), 'Ctrl+Enter is no Enter');
  assert.ok(key('data-live-keydown.ctrl.enter', { key: 'Enter', ctrlKey: true }));
  assert.ok(!key('data-live-keydown.ctrl.enter', { key: 'Enter' }), 'ctrl is required');
  assert.ok(!key('data-live-keydown.ctrl.enter', { key: 'Enter', ctrlKey: true, shiftKey: true }));
  assert.ok(key('data-live-keydown.ctrl.shift.enter', { key: 'Enter', ctrlKey: true, shiftKey: true }));
  assert.ok(key('data-live-keydown.meta', { key: 'k', metaKey: true }), 'a modifier alone: any key with it');
  assert.ok(!key('data-live-keydown.meta', { key: 'k' }));
  assert.ok(key('data-live-keydown.space', { key: ' ' }));
  assert.ok(key('data-live-keydown.up.down', { key: 'ArrowDown' }), 'several keys: any of them');
  assert.ok(key('data-live-keydown', { key: 'x', altKey: true }), 'no key modifiers: every key');
  assert.ok(key('data-live-click', { ctrlKey: true }), 'a plain click fires with any modifier held');
  assert.ok(key('data-live-click.shift', { shiftKey: true }));
  assert.ok(!key('data-live-click.shift', {}));
  assert.ok(key('data-live-keydown.prevent.stop', { key: 'q' }));
});
