// What the runtime puts on the wire, and what it does when the server will not take it: every field name of a whole
// form, the size limit of the hello (too-large, answered in the page), too-many (held, sent again a second later).
// The built bundle on a jsdom page, a stand-in WebSocket playing the server, mocked timers.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FakeSocket, installPage } from '../test-support/fake-socket.js';

mock.timers.enable({ apis: ['setTimeout'] });
Math.random = () => 1;

const { window } = new JSDOM(`<!doctype html><body>
  <div data-live-component="A" data-live-id="a1">
    <form id="f" data-live-submit='save(["user"])'>
      <input id="constructor" name="constructor"><input id="proto" name="__proto__"><input name="toString">
      <input type="checkbox" id="reset" name="reset">
      <textarea id="text" name="text"></textarea><button id="save">save</button>
    </form>
    <button id="a" data-live-click="add">+</button>
    <input id="q" data-live-change='say(["value"])'>
  </div>
  <div data-live-component="B" data-live-id="b1"><button id="b" data-live-click="bump">b</button></div>
</body>`, { url: 'https://shop.example/page' });
const { document } = window;

installPage(window);
const warnings = [];
console.warn = (...args) => warnings.push(args);
const errors = [];
document.addEventListener('live:error', e => errors.push([e.target.dataset?.liveId, e.detail]));
await import('../target/classes/META-INF/quarkus-live/runtime.js');

const ws = () => FakeSocket.last;
const $ = id => document.getElementById(id);
const click = el => el.dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true }));
const submit = () => $('f').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
const say = value => {
  $('q').value = value;
  $('q').dispatchEvent(new window.Event('change', { bubbles: true }));
};
const ok = m => ws().answer({ t: 'ok', ref: m.ref, id: m.id, token: 'k-' + m.id });
const error = (m, code) => ws().answer({ t: 'error', ref: m.ref, id: m.id, code, message: code });
const brief = m => `${m.id}#${m.seq} ${m.handler}`;
// The size of an event as the server counts it: bytes of UTF-8 of the text sent
const bytes = m => Buffer.byteLength(ws().texts.find(t => JSON.parse(t)[0] === m.ref));
const loading = el => el.classList.contains('live-loading');
// A new socket, with the server's hello (and its max), every root joined
function reconnect(more) {
  ws().close();
  mock.timers.tick(250);
  ws().hello('b1', more);
  ws().take().forEach(ok);
}

test('the whole form: fields named constructor, __proto__, toString, reset go out as members of their own', () => {
  // In browsers a form's field shadows the form's property of its name: form.reset is the field named reset.
  // jsdom does not do it: do it here
  Object.defineProperty($('f'), 'reset', { get: () => $('reset') });
  ws().hello(); // a server that names no max
  ws().take().forEach(ok);
  $('constructor').value = 'c';
  $('proto').value = 'p';
  $('f').elements.namedItem('toString').value = 't';
  $('reset').checked = true;
  $('text').value = 'x'.repeat(100_000);
  submit();
  const [save] = ws().take();
  assert.equal(save.handler, 'save');
  assert.deepEqual(Object.entries(save.args[0]),
    [['constructor', 'c'], ['__proto__', 'p'], ['toString', 't'], ['reset', true], ['text', 'x'.repeat(100_000)]],
    'and without a max from the server, a long event goes out as it is');
  ok(save);
  assert.deepEqual(errors, []);
  assert.deepEqual([$('constructor').value, $('reset').checked], ['', false], 'the answered submit resets the form');
});

test('hello max: an event up to max bytes of UTF-8 goes out; a longer one ends in the page as too-large', () => {
  reconnect({ max: 200 });
  say('x');
  const [probe] = ws().take();
  ok(probe);
  // The next event has the next ref and seq (as many digits): its value makes it exactly max bytes
  const fill = n => 'é'.repeat(n >> 1) + 'a'.repeat(n & 1);
  say(fill(200 - bytes(probe) + 1));
  const [full] = ws().take();
  assert.equal(bytes(full), 200, 'max bytes: sent');
  assert.deepEqual([full.ref, full.seq], [probe.ref + 1, probe.seq + 1]);
  ok(full);

  say(fill(200 - bytes(probe) + 2));
  assert.deepEqual(ws().take(), [], 'one byte more: not sent');
  assert.ok(JSON.stringify([full.ref + 1, 1, full.seq + 1, 'say', [fill(200 - bytes(probe) + 2)]]).length < 200,
    'though fewer characters');
  assert.deepEqual(errors, [['a1', { t: 'error', ref: full.ref + 1, id: 'a1', code: 'too-large', message: '201 > 200 bytes' }]],
    'answered as the server answers an error: live:error on the root');
  assert.deepEqual(warnings.map(w => w[1].code), ['too-large']);
  assert.ok(!loading($('q')), 'the element stops loading');
  click($('a'));
  const [next] = ws().take();
  assert.deepEqual([next.ref, next.seq], [full.ref + 2, full.seq + 1], 'the next event takes the seq the server never saw');
  ok(next);
});

test('too-large: a refused submit thaws its form, which keeps what was typed', () => {
  errors.length = 0;
  $('text').value = 'long '.repeat(100);
  submit();
  assert.deepEqual(ws().take(), []);
  assert.deepEqual(errors.map(([id, e]) => [id, e.code]), [['a1', 'too-large']]);
  assert.ok(!loading($('f')));
  assert.deepEqual([$('text').readOnly, $('save').disabled], [false, false]);
  assert.equal($('text').value, 'long '.repeat(100), 'not reset: the server rendered nothing');
  $('text').value = 'short';
  submit();
  const [save] = ws().take();
  assert.equal(save.args[0].text, 'short');
  ok(save);
});

test('too-large while offline: the waiting events after it go out with the seq moved down, in order', () => {
  errors.length = 0;
  ws().close();
  click($('a'));
  say('é'.repeat(100));
  click($('a'));
  click($('a'));
  mock.timers.tick(250);
  ws().hello('b1', { max: 200 });
  const [joinA, joinB] = ws().take();
  ok(joinA);
  const sent = ws().take();
  const seq = sent[0].seq;
  assert.deepEqual(sent.map(brief), [`a1#${seq} add`, `a1#${seq + 1} add`, `a1#${seq + 2} add`]);
  assert.deepEqual(errors.map(([id, e]) => [id, e.code, e.ref]), [['a1', 'too-large', sent[0].ref + 1]]);
  sent.forEach(ok);
  click($('a'));
  const [next] = ws().take();
  assert.equal(next.seq, seq + 3);
  ok(next);
  ok(joinB);
  assert.deepEqual(ws().take(), []);
});

test('a later hello without max lifts the limit', () => {
  reconnect();
  say('é'.repeat(200));
  const [big] = ws().take();
  assert.equal(big.handler, 'say');
  ok(big);
});

test('too-many: no error; the event and those after it wait and go again a second later, same ref and seq, in order', () => {
  errors.length = 0;
  warnings.length = 0;
  click($('a'));
  click($('a'));
  const [first, second] = ws().take();
  error(first, 'too-many');
  assert.ok(loading($('a')), 'still loading: not answered');
  click($('a'));
  assert.deepEqual(ws().take(), [], 'the component holds its events back');
  click($('b'));
  const [bump] = ws().take();
  assert.equal(brief(bump), 'b1#1 bump', 'other components go on');
  ok(bump);
  // The second one was sent before the first was refused: the server saw a seq skipped
  error(second, 'bad-sequence');
  assert.deepEqual([errors, warnings], [[], []], 'no live:error, no warning');
  mock.timers.tick(999);
  assert.deepEqual(ws().take(), []);
  mock.timers.tick(1);
  const again = ws().take();
  assert.deepEqual(again.slice(0, 2), [first, second], 'unchanged: same ref, same seq');
  assert.deepEqual(again.map(brief), [first.seq, first.seq + 1, first.seq + 2].map(s => `a1#${s} add`));
  // Refused again: once more a second later, once per refusal
  error(again[0], 'too-many');
  error(again[1], 'too-many');
  error(again[2], 'bad-sequence');
  mock.timers.tick(1000);
  const third = ws().take();
  assert.deepEqual(third, again);
  mock.timers.tick(5000);
  assert.deepEqual(ws().take(), [], 'nothing more');
  third.forEach(ok);
  assert.ok(!loading($('a')));
  assert.deepEqual(errors, []);
  click($('a'));
  const [next] = ws().take();
  assert.equal(next.seq, first.seq + 3);
  ok(next);
});

test('too-many, then the socket closes: the rejoin sends the events once; a bad-sequence otherwise is an error', () => {
  click($('a'));
  const [m] = ws().take();
  error(m, 'too-many');
  ws().close();
  mock.timers.tick(250);
  ws().hello();
  const joins = ws().take();
  joins.forEach(ok);
  assert.deepEqual(ws().take(), [m]);
  mock.timers.tick(1000);
  assert.deepEqual(ws().take(), [], 'the old timer sends nothing');
  error(m, 'bad-sequence');
  assert.deepEqual(errors.map(([id, e]) => [id, e.code]), [['a1', 'bad-sequence']]);
  assert.ok(!loading($('a')));
});

test('too-many for a component that left the page: nothing goes before it is back and joined again', async () => {
  const settle = () => new Promise(r => setImmediate(r));
  click($('a'));
  const [m] = ws().take();
  const a1 = document.querySelector('[data-live-id="a1"]');
  a1.remove();
  await settle();
  assert.deepEqual(ws().take(), [{ t: 'leave', id: 'a1' }]);
  error(m, 'too-many');
  mock.timers.tick(1000);
  assert.deepEqual(ws().take(), [], 'not sent for a component the server let go of');
  document.body.prepend(a1);
  await settle();
  const [join] = ws().take();
  assert.deepEqual([join.t, join.token], ['join', 'k-a1']);
  ok(join);
  assert.deepEqual(ws().take(), [m]);
  ok(m);
  mock.timers.tick(1000);
  assert.deepEqual(ws().take(), []);
  assert.ok(!loading($('a')));
});
