// Event names and modifiers, end to end: the built bundle on a jsdom page, a stand-in WebSocket playing the server,
// and mocked timers for debounce and throttle.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FakeSocket, installPage } from '../test-support/fake-socket.js';

mock.timers.enable({ apis: ['setTimeout'] });

const { window } = new JSDOM(`<!doctype html><body>
  <div data-live-id="m1">
    <input id="q" data-live-input.debounce='search(["value"])'>
    <input id="q2" data-live-input.debounce.1s='slow(["value"])'>
    <input id="t" data-live-input.throttle.100ms='preview(["value"])'>
    <input id="b" data-live-input.debounce.blur='late(["value"])'>
    <input id="k" data-live-keydown.enter="enter" data-live-keydown.ctrl.enter="ctrlEnter"
      data-live-keyup.escape.prevent="esc">
    <div id="outer" data-live-click="outer">
      <button id="stop" data-live-click.stop="stop">s</button>
      <button id="plain" data-live-click="plain">p</button>
      <span id="self" data-live-click.self="self"><b id="inner">i</b></span>
    </div>
    <div id="cap" data-live-click.capture="cap"><button id="capInner" data-live-click="capInner">c</button></div>
    <button id="once" data-live-click.once="once">o</button>
    <a id="link" href="#moved"><span id="prevent" data-live-click.prevent="prevent">p</span></a>
    <div id="menu" data-live-click.outside="close" data-live-keydown.escape.window="escape">
      <button id="inMenu">in</button></div>
    <div id="wrap" data-live-focus="wrapFocus"><input id="fi" data-live-focus="focused" data-live-blur="blurred"></div>
    <button id="dbl" data-live-dblclick="dbl">d</button>
    <form id="f" data-live-submit='save(["name"])' data-live-submit.disable-with="Saving…">
      <input id="name" name="name" data-live-input.debounce='typing(["value"])'>
      <input id="ro" name="ro" readonly><select id="sel" name="sel"><option>a</option></select>
      <button id="save">Save <i>now</i></button><button id="off" type="button" disabled>x</button>
    </form>
  </div>
  <div data-live-id="e1"><input id="echo" name="echo" value="" data-live-input='echo(["value"])'><p>0</p></div>
  <p id="page">outside</p>
</body>`, { url: 'https://shop.example/page' });
const { document } = window;


installPage(window);
await import('../target/classes/META-INF/quarkus-live/runtime.js');
const ws = FakeSocket.last;
ws.open();
for (const join of ws.take()) ws.answer({ t: 'ok', ref: join.ref, id: join.id });

const $ = id => document.getElementById(id);
const click = el => el.dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true }));
const key = (el, type, init) => el.dispatchEvent(new window.KeyboardEvent(type, { bubbles: true, cancelable: true, ...init }));
const type = (el, value) => {
  el.value = value;
  el.dispatchEvent(new window.Event('input', { bubbles: true }));
};
// The events sent since the last call, as "handler(args)", each answered with an empty ok
const sent = () => ws.take().map(m => {
  ws.answer({ t: 'ok', ref: m.ref, id: m.id });
  return `${m.handler}(${m.args.map(a => JSON.stringify(a)).join(',')})`;
});

test('debounce: a burst of input sends the last value once, 300 ms after the last event', () => {
  const q = $('q');
  for (const v of ['a', 'ap', 'app', 'appl']) {
    type(q, v);
    mock.timers.tick(100);
  }
  assert.deepEqual(sent(), []);
  assert.ok(!q.classList.contains('live-loading'), 'nothing in flight while waiting');
  mock.timers.tick(199);
  assert.deepEqual(sent(), []);
  mock.timers.tick(1);
  assert.deepEqual(sent(), ['search("appl")']);
  mock.timers.tick(1000);
  assert.deepEqual(sent(), []);
  type($('q2'), 'x');
  mock.timers.tick(999);
  assert.deepEqual(sent(), [], '.debounce.1s');
  mock.timers.tick(1);
  assert.deepEqual(sent(), ['slow("x")']);
});

test('throttle: the first event at once, then at most one per period, the latest value last', () => {
  const t = $('t');
  type(t, 'a');
  assert.deepEqual(sent(), ['preview("a")']);
  type(t, 'ab');
  mock.timers.tick(50);
  type(t, 'abc');
  assert.deepEqual(sent(), []);
  mock.timers.tick(50);
  assert.deepEqual(sent(), ['preview("abc")']);
  mock.timers.tick(100);
  assert.deepEqual(sent(), [], 'nothing new to send');
  mock.timers.tick(500);
  type(t, 'abcd');
  assert.deepEqual(sent(), ['preview("abcd")'], 'a quiet period later: at once again');
  mock.timers.tick(100);
});

test('.debounce.blur waits for the field to be left', () => {
  const b = $('b');
  type(b, 'x');
  type(b, 'xy');
  mock.timers.tick(5000);
  assert.deepEqual(sent(), []);
  b.dispatchEvent(new window.FocusEvent('focusout', { bubbles: true }));
  assert.deepEqual(sent(), ['late("xy")']);
});

test('a submit first sends the debounced events of its component, then the submit', () => {
  type($('name'), 'Ann');
  const submit = new window.Event('submit', { bubbles: true, cancelable: true });
  $('f').dispatchEvent(submit);
  assert.equal(submit.defaultPrevented, true);
  const [typing, save] = ws.take();
  assert.deepEqual([typing.handler, typing.args, save.handler, save.args], ['typing', ['Ann'], 'save', ['Ann']]);
  mock.timers.tick(1000);
  assert.deepEqual(ws.take(), [], 'the flushed debounce does not fire again');
  ws.answer({ t: 'ok', ref: typing.ref, id: 'm1' });
  ws.answer({ t: 'ok', ref: save.ref, id: 'm1' });
});

test('while a submit is in flight its fields are read-only, its buttons disabled and saying so; all restored', () => {
  const [name, ro, sel, save, off] = ['name', 'ro', 'sel', 'save', 'off'].map($);
  $('f').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  const [msg] = ws.take();
  assert.deepEqual([name.readOnly, name.disabled, sel.disabled, save.disabled, save.textContent], [true, false, true, true, 'Saving…']);
  ws.answer({ t: 'ok', ref: msg.ref, id: 'm1' });
  assert.deepEqual([name.readOnly, sel.disabled, save.disabled, save.innerHTML], [false, false, false, 'Save <i>now</i>']);
  assert.deepEqual([ro.readOnly, off.disabled], [true, true], 'what was read-only or disabled before stays so');
  // An error answer restores too
  $('f').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  const [again] = ws.take();
  ws.answer({ t: 'error', ref: again.ref, id: 'm1', code: 'handler-failed', message: 'x' });
  assert.deepEqual([name.readOnly, save.disabled, save.textContent], [false, false, 'Save now']);
});

test('a form stays frozen through renders that arrive while its submit is in flight', () => {
  const root = document.querySelector('[data-live-id=m1]');
  const [name, save] = ['name', 'save'].map($);
  $('f').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  const [msg] = ws.take();
  // The server's HTML of the whole component, a paragraph added: the form in it is not frozen
  ws.answer({ t: 'render', id: 'm1', html: root.outerHTML.replace(/ (readonly|disabled)=""/g, '')
    .replace('>Saving…<', '>Save <i>now</i><').replace('<p id="page">', '').replace('</div>', '<p id="new">n</p></div>') });
  assert.ok($('new'), 'the render was applied');
  assert.deepEqual([name.readOnly, save.disabled, save.textContent], [true, true, 'Saving…']);
  ws.answer({ t: 'ok', ref: msg.ref, id: 'm1' });
  assert.deepEqual([name.readOnly, save.disabled, save.innerHTML], [false, false, 'Save <i>now</i>']);
});

test('keys: .enter only on Enter, .ctrl.enter only with ctrl, .prevent on a key binding', () => {
  const k = $('k');
  key(k, 'keydown', { key: 'a' });
  key(k, 'keydown', { key: 'Enter' });
  key(k, 'keydown', { key: 'Enter', ctrlKey: true });
  key(k, 'keydown', { key: 'Enter', shiftKey: true });
  assert.deepEqual(sent(), ['enter()', 'ctrlEnter()']);
  assert.equal(key(k, 'keyup', { key: 'Escape' }), false, 'default prevented');
  assert.equal(key(k, 'keyup', { key: 'x' }), true, 'no binding fired, default kept');
  assert.deepEqual(sent(), ['esc()']);
});

// (Every click outside #menu also fires its @click.outside binding, close(), last.)
test('bindings bubble from the target out; .stop ends that, also for page scripts; .self needs the target', () => {
  const seenByPage = [];
  $('outer').addEventListener('click', e => seenByPage.push(e.target.id));
  click($('plain'));
  assert.deepEqual(sent(), ['plain()', 'outer()', 'close()']);
  click($('stop'));
  assert.deepEqual(sent(), ['stop()'], 'neither the outer binding nor .outside');
  assert.deepEqual(seenByPage, ['plain'], 'stopped at the element');
  click($('plain'));
  assert.deepEqual(sent(), ['plain()', 'outer()', 'close()'], 'stopping once does not stop the next event');
  click($('inner'));
  assert.deepEqual(sent(), ['outer()', 'close()'], '.self: not for a click on a child');
  click($('self'));
  assert.deepEqual(sent(), ['self()', 'outer()', 'close()']);
});

test('.capture fires before the bindings inside; .once once per element; .prevent keeps a link from following', () => {
  click($('capInner'));
  assert.deepEqual(sent(), ['cap()', 'capInner()', 'close()']);
  click($('once'));
  click($('once'));
  assert.deepEqual(sent(), ['once()', 'close()', 'close()']);
  assert.equal(click($('prevent')), false);
  assert.deepEqual(sent(), ['prevent()', 'close()']);
  assert.equal(window.location.hash, '');
});

test('.outside fires for events outside the element only; .window for any', () => {
  click($('inMenu'));
  click($('menu'));
  assert.deepEqual(sent(), []);
  click($('page'));
  assert.deepEqual(sent(), ['close()']);
  key($('page'), 'keydown', { key: 'Escape' });
  key(document.body, 'keydown', { key: 'a' });
  assert.deepEqual(sent(), ['escape()']);
});

test('events that do not bubble fire on their target only; any event name bound is listened to', () => {
  $('fi').focus();
  assert.deepEqual(sent(), ['focused()']);
  $('fi').blur();
  assert.deepEqual(sent(), ['blurred()']);
  $('dbl').dispatchEvent(new window.MouseEvent('dblclick', { bubbles: true }));
  assert.deepEqual(sent(), ['dbl()']);
});

test('answers to events sent before the latest keystroke do not roll a field back, focused or not', () => {
  const echo = $('echo');
  const html = v => `<div data-live-id="e1"><input id="echo" name="echo" value="${v}" data-live-input='echo(["value"])'><p>${v}</p></div>`;
  echo.focus();
  type(echo, 'a');
  type(echo, 'ab');
  type(echo, 'abc');
  echo.blur();
  const [a, ab, abc] = ws.take();
  assert.deepEqual([a.args, ab.args, abc.args], [['a'], ['ab'], ['abc']]);
  ws.answer({ t: 'ok', ref: a.ref, id: 'e1', html: html('a') });
  assert.equal(echo.value, 'abc', 'the answer to "a" does not take back "bc"');
  assert.equal(document.querySelector('[data-live-id=e1] p').textContent, 'a', 'the rest is morphed');
  ws.answer({ t: 'ok', ref: ab.ref, id: 'e1', html: html('ab') });
  assert.equal(echo.value, 'abc');
  ws.answer({ t: 'ok', ref: abc.ref, id: 'e1', html: html('abc') });
  assert.equal(echo.value, 'abc');
  // Answered up to the latest keystroke: the server's value wins again
  ws.answer({ t: 'render', id: 'e1', html: html('reset') });
  assert.equal(echo.value, 'reset');
  // A render pushed by the server while a typed value has not been sent keeps the typed value
  echo.value = 'mine';
  echo.dispatchEvent(new window.Event('input', { bubbles: true }));
  ws.take();
  // (sent at once; a render before its answer keeps it, the answer releases it)
  ws.answer({ t: 'render', id: 'e1', html: html('other') });
  assert.equal(echo.value, 'mine');
});
