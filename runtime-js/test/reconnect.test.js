// Reconnection without loss, end to end: the built bundle on a jsdom page, a stand-in WebSocket playing the server,
// mocked timers for the backoff.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FakeSocket, installPage } from '../test-support/fake-socket.js';

mock.timers.enable({ apis: ['setTimeout'] });
// The jitter factor is 1/2 + random/2: with 1 every delay is the full backoff step
let random = 1;
Math.random = () => random;

const { window } = new JSDOM(`<!doctype html><body>
  <div data-live-component="A" data-live-id="a1"><p>0</p>
    <button id="a" data-live-click="add">+</button>
    <form id="f" data-live-submit='save(["name"])'><input id="name" name="name"><button id="save">save</button></form>
    <input id="q" name="q" value="" data-live-input='search(["value"])'>
  </div>
  <div data-live-component="B" data-live-id="b1"><button id="b" data-live-click="bump">b</button></div>
  <div id="slot"></div>
</body>`, { url: 'https://shop.example/page' });
const { document } = window;
let hidden = false;
Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });

const sockets = () => FakeSocket.all.length;
const ws = () => FakeSocket.all.at(-1);

installPage(window);
const warnings = [];
console.warn = (...args) => warnings.push(args.join(' '));
await import('../target/classes/META-INF/quarkus-live/runtime.js');
const $ = id => document.getElementById(id);
const root = id => document.querySelector(`[data-live-id="${id}"]`);
const click = el => el.dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true }));
const submit = () => $('f').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
const ok = m => ws().answer({ t: 'ok', ref: m.ref, id: m.id, token: 'k-' + m.id });
// Lets the MutationObserver run (it reports in a microtask)
const settle = () => new Promise(r => setImmediate(r));
const brief = m => `${m.id}#${m.seq} ${m.handler}`;

test('events carry a seq per component, from 1, one more per event', () => {
  ws().open();
  const joins = ws().take();
  assert.deepEqual(joins.map(j => [j.id, j.token]), [['a1', undefined], ['b1', undefined]], 'first joins: no token');
  joins.forEach(ok);
  click($('a'));
  click($('a'));
  click($('b'));
  const sent = ws().take();
  assert.deepEqual(sent.map(brief), ['a1#1 add', 'a1#2 add', 'b1#1 bump']);
  sent.forEach(ok);
});

test('offline: events wait, loading and frozen; after the rejoin (with token) they go in order, in-flight first', () => {
  click($('a'));
  const [inFlight] = ws().take();
  ws().close();
  click($('a'));
  $('name').value = 'Ann';
  submit();
  click($('b'));
  $('q').value = 'abc';
  $('q').dispatchEvent(new window.Event('input', { bubbles: true }));
  assert.deepEqual(ws().take(), [], 'nothing is sent to a closed socket');
  assert.ok($('a').classList.contains('live-loading'));
  assert.ok($('f').classList.contains('live-loading'));
  assert.equal($('name').readOnly, true, 'the submitted form stays frozen while offline');
  assert.ok(root('a1').classList.contains('live-disconnected'));

  mock.timers.tick(250);
  assert.equal(sockets(), 2);
  ws().open();
  const joins = ws().take();
  assert.deepEqual(joins.map(j => [j.t, j.id, j.token]), [['join', 'a1', 'k-a1'], ['join', 'b1', 'k-b1']]);
  ok(joins[1]);
  const bump = ws().take();
  assert.deepEqual(bump.map(brief), ['b1#2 bump'], 'only what b1 had waiting, once b1 is joined');
  bump.forEach(ok);
  assert.ok(root('a1').classList.contains('live-disconnected'), 'a1 not joined yet');
  ws().answer({ t: 'ok', ref: joins[0].ref, id: 'a1', token: 'k-a1',
    html: root('a1').outerHTML.replace('<p>0</p>', '<p>5</p>').replace('value=""', 'value="server"')
      .replace(/ (readonly|disabled)=""| class="[^"]*"/g, '') });
  assert.equal(root('a1').querySelector('p').textContent, '5', 'the rejoin html is morphed in');
  assert.equal($('q').value, 'abc', 'a field typed into offline keeps what was typed: its event is not applied yet');
  assert.ok(root('a1').classList.contains('live-connected'));
  assert.ok(!root('a1').classList.contains('live-disconnected'));
  const resent = ws().take();
  assert.deepEqual(resent.map(brief), ['a1#3 add', 'a1#4 add', 'a1#5 save', 'a1#6 search']);
  assert.deepEqual(resent[0], inFlight, 'the event in flight goes again unchanged: same ref, same seq');
  assert.deepEqual(resent[2].args, ['Ann']);
  assert.equal($('name').readOnly, true, 'still frozen after the morph: the submit is not answered');
  ok(resent[0]);
  assert.ok($('a').classList.contains('live-loading'), 'its second click is not answered yet');
  resent.slice(1).forEach(ok);
  assert.ok(!$('a').classList.contains('live-loading'));
  assert.equal($('name').readOnly, false);
  assert.equal($('name').value, '', 'the answered submit resets its form to what the server rendered');
  assert.ok(!$('f').classList.contains('live-loading'));
  // Answered events leave the queue: the next reconnect resends nothing
  ws().close();
  mock.timers.tick(250);
  ws().open();
  ws().take().forEach(ok);
  assert.deepEqual(ws().take(), []);
});

test('the backoff doubles from 250 ms up to 10 s, with jitter; `online` reconnects at once and resets it', () => {
  for (const delay of [250, 500, 1000, 2000, 4000, 8000, 10000, 10000]) {
    const n = sockets();
    ws().close(); // never said hello: each try counts
    mock.timers.tick(delay - 1);
    assert.equal(sockets(), n, `not before ${delay} ms`);
    mock.timers.tick(1);
    assert.equal(sockets(), n + 1, `after ${delay} ms`);
  }
  random = 0; // the jitter can halve it
  let n = sockets();
  ws().close();
  mock.timers.tick(4999);
  assert.equal(sockets(), n);
  mock.timers.tick(1);
  assert.equal(sockets(), n + 1);
  random = 1;
  ws().close();
  mock.timers.tick(1000);
  window.dispatchEvent(new window.Event('online'));
  assert.equal(sockets(), n + 2, 'online: at once');
  ws().close();
  mock.timers.tick(249);
  assert.equal(sockets(), n + 2);
  mock.timers.tick(1);
  assert.equal(sockets(), n + 3, 'the backoff starts again at 250 ms');
  mock.timers.tick(20000);
  assert.equal(sockets(), n + 3, 'one socket at a time: no timer left behind');
  window.dispatchEvent(new window.Event('online'));
  assert.equal(sockets(), n + 3, 'online while connecting: no second socket');
});

test('the page shown again reconnects at once; hidden, it waits', () => {
  ws().open();
  ws().take().forEach(ok);
  ws().close();
  const n = sockets();
  hidden = true;
  document.dispatchEvent(new window.Event('visibilitychange'));
  assert.equal(sockets(), n);
  hidden = false;
  document.dispatchEvent(new window.Event('visibilitychange'));
  assert.equal(sockets(), n + 1);
  ws().open();
  assert.deepEqual(ws().take().map(j => j.token), ['k-a1', 'k-b1']);
});

test('a root inserted with innerHTML is scanned and joined; removed, it is left', async () => {
  $('slot').innerHTML = '<div data-live-component="C" data-live-id="c1"><i id="c" data-live-dblclick="dbl">c</i></div>';
  assert.deepEqual(ws().take(), [], 'the observer reports later');
  await settle();
  const [join] = ws().take();
  assert.deepEqual(join, { t: 'join', v: 2, ref: join.ref, id: 'c1' });
  ok(join);
  assert.ok(root('c1').classList.contains('live-connected'));
  $('c').dispatchEvent(new window.MouseEvent('dblclick', { bubbles: true }));
  const [dbl] = ws().take();
  assert.deepEqual(brief(dbl), 'c1#1 dbl', 'a new event name is listened to');
  ok(dbl);
  $('slot').innerHTML = '';
  await settle();
  assert.deepEqual(ws().take(), [{ t: 'leave', id: 'c1' }]);
  // Back within the grace period: it rejoins with its token and goes on counting
  $('slot').append(Object.assign(document.createElement('div'), { innerHTML: '<p data-live-id="c1" data-live-click="tap">x</p>' }));
  await settle();
  const [back] = ws().take();
  assert.deepEqual([back.id, back.token], ['c1', 'k-c1']);
  ok(back);
  click(root('c1'));
  assert.deepEqual(ws().take().map(brief), ['c1#2 tap']);
});

test('a nested root added by a morph is joined; one the morph only moves is neither left nor joined again', async () => {
  const b = inner => `<div data-live-component="B" data-live-id="b1">${inner}<button id="b" data-live-click="bump">b</button></div>`;
  ws().answer({ t: 'render', id: 'b1', html: b('<div data-live-id="n1">n</div>') });
  await settle();
  const [join] = ws().take();
  assert.deepEqual([join.t, join.id], ['join', 'n1']);
  ok(join);
  const n1 = root('n1');
  ws().answer({ t: 'render', id: 'b1', html: b('<h2 id="x">new</h2><div data-live-id="n1">n</div>') });
  assert.ok($('x'));
  assert.equal(root('n1'), n1);
  await settle();
  assert.deepEqual(ws().take(), []);
  // Swapped with another nested root: one of them is moved, removed and inserted again
  ws().answer({ t: 'render', id: 'b1', html: b('<div data-live-id="n1">n</div><div data-live-id="n2">2</div>') });
  await settle();
  const [join2] = ws().take();
  ok(join2);
  const [e1, e2] = [root('n1'), root('n2')];
  ws().answer({ t: 'render', id: 'b1', html: b('<div data-live-id="n2">2</div><div data-live-id="n1">n</div>') });
  assert.deepEqual([root('n1'), root('n2'), e2.nextElementSibling], [e1, e2, e1], 'swapped, the same elements');
  await settle();
  assert.deepEqual(ws().take(), [], 'no leave, no join');
  ws().answer({ t: 'render', id: 'b1', html: b('') });
  await settle();
  assert.deepEqual(ws().take(), [{ t: 'leave', id: 'n2' }, { t: 'leave', id: 'n1' }]);
});

test('a root inserted while disconnected is joined after hello; one removed before it was joined is just forgotten', async () => {
  ws().close();
  $('slot').insertAdjacentHTML('beforeend', '<div data-live-id="d1" data-live-click="hit">d</div><div data-live-id="e1" data-live-click="hit">e</div>');
  await settle();
  click(root('e1'));
  root('e1').remove();
  await settle();
  assert.deepEqual(ws().take(), []);
  assert.deepEqual(warnings, ['Quarkus Live: 1 event(s) of e1 not applied']);
  mock.timers.tick(250);
  ws().open();
  assert.deepEqual(ws().take().map(j => [j.id, j.token]), [['a1', 'k-a1'], ['b1', 'k-b1'], ['c1', 'k-c1'], ['d1', undefined]]);
});
