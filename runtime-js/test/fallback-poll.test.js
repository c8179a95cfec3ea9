// quarkus.live.transport=auto behind a proxy that passes neither WebSockets nor a streamed response: the WebSocket's
// upgrade fails, then the stream fails before its first message, and the page goes on with long polling. The built
// runtime on a jsdom page; stand-ins for WebSocket, EventSource and fetch play the server.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FakeSocket, installPage } from '../test-support/fake-socket.js';
import { FakeEventSource, fakeFetch, posts, polls, until } from '../test-support/fake-stream.js';

mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
Math.random = () => 1;

const { window } = new JSDOM(`<!doctype html><body>
  <div data-live-component="A" data-live-id="a1"><p>0</p><button id="a" data-live-click="add">+</button></div>
</body>`, { url: 'https://shop.example/page' });
const { document, sessionStorage } = window;
// What the page's beacons were sent to; Node has a navigator of its own, without sendBeacon
const beacons = [];
window.navigator.sendBeacon = url => beacons.push(String(url));
installPage(window, { EventSource: FakeEventSource, fetch: fakeFetch, sessionStorage });
Object.defineProperty(globalThis, 'navigator', { value: window.navigator, configurable: true });
await import('../target/classes/META-INF/quarkus-live/runtime.js');
const click = el => el.dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true }));
const sent = p => JSON.parse(p.body);
const html = n => `<div data-live-component="A" data-live-id="a1"><p>${n}</p>`
  + '<button id="a" data-live-click="add">+</button></div>';

test('no WebSocket, a stream that brings nothing in 2.5 s: long polling, which carries the protocol', async () => {
  FakeSocket.last.close();
  await until(() => FakeEventSource.all.length === 1);
  mock.timers.tick(2499);
  assert.equal(FakeEventSource.last.closed, false);
  mock.timers.tick(1);
  assert.ok(FakeEventSource.last.closed, 'the stream that brought nothing is given up');
  assert.ok(Number(sessionStorage['quarkus-live-polled']) > 0, 'the tab remembers that streams do not get through');
  mock.timers.tick(500); // the second try of the backoff
  assert.equal(polls.length, 1);
  assert.match(polls[0].url, /\/poll$/);

  polls[0].answer(200, { id: 'p1', m: [{ t: 'hello', v: 2, build: 'b1' }] });
  await until(() => posts.length === 1 && polls.length === 2);
  assert.match(posts[0].url, /\/poll\/p1$/);
  assert.match(polls[1].url, /\/poll\/p1$/, 'the next poll goes at once');
  const join = sent(posts[0]);
  assert.equal(join.t, 'join');
  posts[0].answer(204);
  polls[1].answer(200, { m: [{ t: 'ok', ref: join.ref, id: 'a1', token: 'k1', c: 1 }] });
  await until(() => polls.length === 3);
  assert.ok(document.querySelector('[data-live-id=a1]').classList.contains('live-connected'));

  click(document.getElementById('a'));
  await until(() => posts.length === 2);
  const event = sent(posts[1]);
  assert.deepEqual(event.slice(1, 4), [1, 1, 'add']);
  posts[1].answer(204);
  // Several messages in one poll, applied in order
  polls[2].answer(200, { m: [[event[0], html(1)], [0, 1, html(2)]] });
  await until(() => document.querySelector('p').textContent === '2');
  assert.equal(FakeEventSource.all.length, 1, 'no stream tried again');
});

test('a tab that closes says so with a beacon, which ends its connection at once', () => {
  window.dispatchEvent(new window.Event('pagehide'));
  assert.equal(beacons.length, 1);
  assert.match(beacons[0], /\/poll\/p1\?gone$/);
});

test('a poll that says the server closed the connection ends it; the runtime polls a new one', async () => {
  const before = polls.length;
  polls.at(-1).answer(200, { m: [], close: { code: 1001, reason: 'Going away' } });
  await until(() => document.querySelector('[data-live-id=a1]').classList.contains('live-disconnected'));
  mock.timers.tick(250);
  assert.equal(polls.length, before + 1);
  assert.match(polls.at(-1).url, /\/poll$/, 'a new connection');
});

test('moving back to a WebSocket aborts the poll in flight', async () => {
  const poll = polls.at(-1);
  poll.answer(200, { id: 'p2', m: [{ t: 'hello', v: 2, build: 'b1' }] });
  await until(() => polls.length >= 1 && polls.at(-1) !== poll);
  const held = polls.at(-1);
  mock.timers.tick(60_000);
  FakeSocket.last.hello();
  await until(() => held.aborted);
  assert.equal(sessionStorage['quarkus-live-polled'], undefined, 'the tab forgets the fallback');
  mock.timers.tick(250);
  assert.equal(FakeSocket.last.readyState, 0, 'the runtime reconnects over a WebSocket');
  window.dispatchEvent(new window.Event('pagehide'));
  assert.equal(beacons.length, 1, 'a connection that ended sends no beacon');
});
