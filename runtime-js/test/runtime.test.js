// The built bundle end to end on a jsdom page, with a stand-in WebSocket playing the server.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FakeSocket, installPage } from '../test-support/fake-socket.js';

const { window } = new JSDOM(`<!doctype html><body>
  <div data-live-component="Counter" data-live-id="c1"><b>0</b>
    <button id="inc" data-live-click='add(1,"one")'>+</button>
    <a id="link" href="#go" data-live-click="go">go</a>
    <input id="cb" type="checkbox" data-live-click='toggle(["checked"])'>
    <button id="plain">not live</button>
  </div>
  <div data-live-component="Todo" data-live-id="t1">
    <form id="f" data-live-submit='save(["title"],["done"],"x")'>
      <input id="title" name="title" value="milk" data-live-input='search(["value"])'>
      <input id="done" type="checkbox" name="done" data-live-change='mark(["value"])'>
      <button id="send">save</button>
    </form>
    <div data-live-submit='find(["q"])'><form id="wrapped"><input name="q" value="tea"></form></div>
  </div>
  <form id="outside"><button id="out" type="button">plain form</button></form>
</body>`, { url: 'https://shop.example/page' });
const { document } = window;
mock.timers.enable({ apis: ['setTimeout'] });


installPage(window);
const warnings = [];
console.warn = (...args) => warnings.push(args);
await import('../target/classes/META-INF/quarkus-live/runtime.js');
await import('../target/classes/META-INF/quarkus-live/runtime.js?again'); // a second copy must not start again
const ws = FakeSocket.last;
const $ = id => document.getElementById(id);
const root = id => document.querySelector(`[data-live-id="${id}"]`);
const click = el => el.dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true }));

test('one socket next to the script; joins once the server said hello; events wait for their join', () => {
  assert.equal(FakeSocket.count, 1, 'the second copy of the script did not start again');
  assert.match(ws.url, /^file:\/\/.*\/quarkus-live\/ws$/, 'derived from the script URL');
  click($('inc')); // before the socket is open: waits for the join
  assert.deepEqual(ws.sent, [], 'nothing is sent before the socket opens');
  ws.readyState = 1;
  ws.onopen?.();
  assert.deepEqual(ws.sent, [], 'an open socket is not enough: the server speaks first');
  ws.answer({ t: 'hello', v: 1, build: 'b1' });
  const [join1, join2, ...more] = ws.take();
  assert.deepEqual([join1, join2], [{ t: 'join', v: 2, ref: join1.ref, id: 'c1' }, { t: 'join', v: 2, ref: join2.ref, id: 't1' }]);
  assert.notEqual(join1.ref, join2.ref);
  assert.deepEqual(more, [], 'the early click waits for the answer to its join');
  assert.ok($('inc').classList.contains('live-loading'), 'and shows as loading meanwhile');
  ws.answer({ t: 'ok', ref: join1.ref, id: 'c1', token: 'k-c1' });
  assert.ok(root('c1').classList.contains('live-connected'));
  assert.ok(!root('t1').classList.contains('live-connected'), 'not joined yet');
  const [early] = ws.take();
  assert.deepEqual(early, { t: 'event', ref: early.ref, id: 'c1', seq: 1, handler: 'add', args: [1, 'one'] });
  assert.ok(early.ref < join1.ref, 'it keeps the ref it was made with, before the join');
  ws.answer({ t: 'ok', ref: early.ref, id: 'c1' });
  assert.ok(!$('inc').classList.contains('live-loading'));
  ws.answer({ t: 'ok', ref: join2.ref, id: 't1', token: 'k-t1' });
  assert.ok(root('t1').classList.contains('live-connected'));
  assert.deepEqual(ws.take(), [], 't1 had nothing waiting');
});

test('a click sends the event, the element is loading until the answer, whose html is morphed in', () => {
  const inc = $('inc');
  assert.equal(click(inc), true, 'a plain button outside a form keeps its default');
  const [msg] = ws.take();
  assert.deepEqual(msg, { t: 'event', ref: msg.ref, id: 'c1', seq: 2, handler: 'add', args: [1, 'one'] });
  assert.ok(inc.classList.contains('live-loading'));
  ws.answer({ t: 'ok', ref: msg.ref, id: 'c1',
    html: `<div data-live-component="Counter" data-live-id="c1"><b>1</b>
    <button id="inc" data-live-click='add(1,"one")'>+</button>
    <a id="link" href="#go" data-live-click="go">go</a>
    <input id="cb" type="checkbox" data-live-click='toggle(["checked"])'>
    <button id="plain">not live</button></div>` });
  assert.equal(root('c1').querySelector('b').textContent, '1');
  assert.ok(!inc.classList.contains('live-loading'));
  assert.equal($('inc'), inc);
  assert.ok(root('c1').classList.contains('live-connected'), 'the morph keeps the connected class');
});

test('clicks: links are taken over, checkboxes still toggle, unbound elements send nothing', () => {
  assert.equal(click($('link')), false, 'the link is not followed');
  const [go] = ws.take();
  assert.equal(go.handler, 'go');
  $('cb').click();
  assert.equal($('cb').checked, true, 'the checkbox toggled');
  const [toggle] = ws.take();
  assert.deepEqual(toggle.args, [true]);
  for (const m of [go, toggle]) ws.answer({ t: 'ok', ref: m.ref, id: m.id });
  click($('plain'));
  click($('out'));
  assert.deepEqual(ws.take(), []);
});

test('submit sends the form fields and never reloads; a submit button click becomes that submit', () => {
  $('title').value = 'bread';
  $('done').checked = true;
  const submit = new window.Event('submit', { bubbles: true, cancelable: true });
  $('f').dispatchEvent(submit);
  assert.equal(submit.defaultPrevented, true);
  const [msg] = ws.take();
  assert.deepEqual(msg, { t: 'event', ref: msg.ref, id: 't1', seq: 1, handler: 'save', args: ['bread', true, 'x'] });
  assert.ok($('f').classList.contains('live-loading'));
  ws.answer({ t: 'ok', ref: msg.ref, id: 't1' });
  assert.ok(!$('f').classList.contains('live-loading'));
  // Clicking the submit button submits the form, which the runtime takes over
  assert.equal(click($('send')), true, 'the button has no binding of its own');
  const [again] = ws.take();
  assert.equal(again.handler, 'save');
  ws.answer({ t: 'ok', ref: again.ref, id: 't1' });
  // Bound on an element around the form: bare names still read the submitted form
  $('wrapped').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  const [find] = ws.take();
  assert.deepEqual([find.handler, find.args, find.seq], ['find', ['tea'], 3], 'seq counts per component');
  ws.answer({ t: 'ok', ref: find.ref, id: 't1' });
  // A form outside any component is left to the browser
  const plain = new window.Event('submit', { bubbles: true, cancelable: true });
  $('outside').dispatchEvent(plain);
  assert.equal(plain.defaultPrevented, false);
});

test('input and change send the value; a checkbox value is its checked state', () => {
  $('title').value = 'egg';
  $('title').dispatchEvent(new window.Event('input', { bubbles: true }));
  $('done').checked = false;
  $('done').dispatchEvent(new window.Event('change', { bubbles: true }));
  const [search, mark] = ws.take();
  assert.deepEqual([search.handler, search.args, mark.handler, mark.args], ['search', ['egg'], 'mark', [false]]);
  ws.answer({ t: 'ok', ref: search.ref, id: 't1' });
  ws.answer({ t: 'ok', ref: mark.ref, id: 't1' });
});

test('render messages morph, and keep what the user is typing', () => {
  const title = $('title');
  title.focus();
  title.value = 'typing';
  ws.answer({ t: 'render', id: 't1', html: `<div data-live-component="Todo" data-live-id="t1">
    <p>new</p><form id="f" data-live-submit='save(["title"],["done"],"x")'>
      <input id="title" name="title" value="server" data-live-input='search(["value"])'>
      <input id="done" type="checkbox" name="done" data-live-change='mark(["value"])'>
      <button id="send">save</button></form></div>` });
  assert.equal(root('t1').querySelector('p').textContent, 'new');
  assert.equal(title.value, 'typing');
  assert.equal($('title'), title);
});

test('a render that changes the root tag replaces the root; the runtime goes on with the new one', () => {
  const old = root('t1');
  const title = $('title');
  ws.answer({ t: 'render', id: 't1', html: `<section data-live-component="Todo" data-live-id="t1">
    <form id="f" data-live-submit="save(title, done, 'x')">
      <input id="title" name="title" value="server" data-live-input="search(value)">
      <input id="done" type="checkbox" name="done" data-live-change="mark(value)">
      <button id="send">save</button></form><b id="zoom" data-live-dblclick="zoom">z</b></section>` });
  const now = root('t1');
  assert.equal(now.tagName, 'SECTION');
  assert.ok(!old.isConnected);
  assert.ok(now.classList.contains('live-connected'), 'the runtime classes come along');
  assert.equal($('title'), title, 'keyed fields move into the new root');
  // The new root's bindings are listened to at once: the morph's root, not the one it replaced, was scanned
  $('zoom').dispatchEvent(new window.MouseEvent('dblclick', { bubbles: true }));
  const [zoom] = ws.take();
  assert.deepEqual([zoom.id, zoom.handler], ['t1', 'zoom']);
  ws.answer({ t: 'ok', ref: zoom.ref, id: 't1' });
});

test('errors warn and fire live:error on the root, or on the document without an id', () => {
  const seen = [];
  document.addEventListener('live:error', e => seen.push([e.target, e.detail.code]));
  click($('inc'));
  const [msg] = ws.take();
  const error = { t: 'error', ref: msg.ref, id: 'c1', code: 'unknown-handler', message: 'no' };
  ws.answer(error);
  assert.ok(!$('inc').classList.contains('live-loading'));
  ws.answer({ t: 'error', ref: null, id: null, code: 'malformed', message: 'bad' });
  assert.deepEqual(seen, [[root('c1'), 'unknown-handler'], [document, 'malformed']]);
  assert.deepEqual(warnings.map(w => w[1].code), ['unknown-handler', 'malformed']);
});

test('a closed socket marks every root disconnected; events in flight stay loading, clicks are kept', () => {
  click($('inc'));
  const [inFlight] = ws.take();
  assert.ok($('inc').classList.contains('live-loading'));
  ws.close();
  for (const id of ['c1', 't1']) {
    assert.ok(root(id).classList.contains('live-disconnected'));
    assert.ok(!root(id).classList.contains('live-connected'));
  }
  assert.ok($('inc').classList.contains('live-loading'), 'not answered yet');
  assert.equal(click($('link')), false, 'still no navigation');
  assert.deepEqual(ws.take(), [], 'nothing goes to a closed socket');
  assert.equal(FakeSocket.last, ws, 'no second socket before the backoff');
  mock.timers.tick(250);
  const again = FakeSocket.last;
  assert.notEqual(again, ws, 'reconnected');
  again.open();
  const joins = again.take();
  assert.deepEqual(joins.map(j => [j.id, j.token]), [['c1', 'k-c1'], ['t1', 'k-t1']], 'rejoins with the tokens');
  again.answer({ t: 'ok', ref: joins[0].ref, id: 'c1', token: 'k-c1' });
  const [resent, link] = again.take();
  assert.deepEqual(resent, inFlight, 'the event in flight goes again, same ref and seq');
  assert.deepEqual([link.handler, link.seq], ['go', inFlight.seq + 1]);
  assert.ok(root('c1').classList.contains('live-connected'));
  assert.ok(!root('c1').classList.contains('live-disconnected'));
});
