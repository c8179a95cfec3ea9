// The fallback to Server-Sent Events (quarkus.live.transport=auto), end to end: the built runtime on a jsdom page, a
// stand-in WebSocket whose upgrade fails, a stand-in EventSource and fetch playing the server's SSE carrier, mocked
// timers for the backoff and the WebSocket retry.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FakeSocket, installPage } from '../test-support/fake-socket.js';
import { FakeEventSource, fakeFetch, posts, until } from '../test-support/fake-stream.js';

mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
Math.random = () => 1;

const { window } = new JSDOM(`<!doctype html><body>
  <div data-live-component="A" data-live-id="a1"><p>0</p><button id="a" data-live-click="add">+</button></div>
</body>`, { url: 'https://shop.example/page' });
const { document, sessionStorage } = window;
installPage(window, { EventSource: FakeEventSource, fetch: fakeFetch, sessionStorage });
await import('../target/classes/META-INF/quarkus-live/runtime.js');
const click = el => el.dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true }));
const streams = () => FakeEventSource.all.length;
const stream = () => FakeEventSource.last;
const sent = p => JSON.parse(p.body);

test('a WebSocket whose upgrade fails falls back to Server-Sent Events, which carry the protocol', async () => {
  assert.equal(FakeSocket.count, 1, 'a WebSocket first');
  FakeSocket.last.close(); // refused: no hello
  await until(() => streams() === 1);
  assert.equal(stream().url, new URL('../target/classes/META-INF/quarkus-live/sse', import.meta.url).href);
  assert.equal(FakeSocket.count, 1, 'no second WebSocket: the fallback replaced it');

  stream().emit('connection', 'c1');
  stream().emit('message', { t: 'hello', v: 2, build: 'b1' });
  await until(() => posts.length === 1);
  assert.match(posts[0].url, /\/sse\/c1$/);
  assert.equal(posts[0].method, 'POST');
  const join = sent(posts[0]);
  assert.deepEqual([join.t, join.id], ['join', 'a1']);
  assert.ok(Number(sessionStorage['quarkus-live-fell']) > 0, 'the tab remembers the fallback');

  // One POST at a time: the next message waits until the server took the one before
  stream().emit('message', { t: 'ok', ref: join.ref, id: 'a1', token: 'k1', c: 1 });
  assert.ok(document.querySelector('[data-live-id=a1]').classList.contains('live-connected'));
  click(document.getElementById('a'));
  click(document.getElementById('a'));
  await new Promise(r => setImmediate(r));
  assert.equal(posts.length, 1, 'nothing more until the join was taken');
  posts[0].answer(204);
  await until(() => posts.length === 2);
  assert.deepEqual(sent(posts[1]).slice(1, 4), [1, 1, 'add']);
  posts[1].answer(204);
  await until(() => posts.length === 3);
  assert.deepEqual(sent(posts[2]).slice(1, 4), [1, 2, 'add']);
  posts[2].answer(204);
  stream().emit('message', [sent(posts[1])[0], '<div data-live-component="A" data-live-id="a1"><p>1</p>'
    + '<button id="a" data-live-click="add">+</button></div>']);
  assert.equal(document.querySelector('p').textContent, '1');
});

test('a stream that ends is opened again, still on the fallback, and the unanswered event goes again', async () => {
  const before = posts.length;
  stream().emit('close', { code: 1001, reason: 'Going away' });
  assert.ok(stream().closed, 'the runtime closes the stream rather than let EventSource reopen it by itself');
  assert.ok(document.querySelector('[data-live-id=a1]').classList.contains('live-disconnected'));
  mock.timers.tick(250);
  assert.equal(streams(), 2);
  assert.equal(FakeSocket.count, 1, 'no WebSocket: the network blocks them');
  stream().emit('connection', 'c2');
  stream().emit('message', { t: 'hello', v: 2, build: 'b1' });
  await until(() => posts.length === before + 1);
  const rejoin = sent(posts.at(-1));
  assert.deepEqual([rejoin.t, rejoin.token], ['join', 'k1']);
  assert.match(posts.at(-1).url, /\/sse\/c2$/);
  posts.at(-1).answer(204);
  stream().emit('message', { t: 'ok', ref: rejoin.ref, id: 'a1', token: 'k1', c: 1 });
  await until(() => posts.length === before + 2);
  assert.deepEqual(sent(posts.at(-1)).slice(1, 4), [1, 2, 'add'], 'the second click, never answered, goes again');
  posts.at(-1).answer(204);
});

test('a POST the server refuses ends the connection, which the runtime opens again', async () => {
  const s = stream();
  click(document.getElementById('a'));
  await until(() => posts.at(-1).body.includes('"add"') && sent(posts.at(-1))[2] === 3);
  posts.at(-1).answer(404);
  await until(() => s.closed);
  mock.timers.tick(250);
  assert.equal(streams(), 3);
});

test('a minute on the fallback, the runtime tries a WebSocket again, and moves back to it when it gets through',
  async () => {
    stream().emit('connection', 'c3');
    stream().emit('message', { t: 'hello', v: 2, build: 'b1' });
    await until(() => posts.length && sent(posts.at(-1)).t === 'join');
    posts.at(-1).answer(204);
    mock.timers.tick(60_000);
    assert.equal(FakeSocket.count, 2, 'a WebSocket tried while the stream stays open');
    mock.timers.tick(10_000);
    assert.equal(FakeSocket.last.readyState, 3, 'a try that got no hello in 10 s is given up');
    assert.equal(stream().closed, false);
    mock.timers.tick(50_000);
    assert.equal(FakeSocket.count, 3, 'the next try, a minute after the first');
    assert.equal(stream().closed, false);
    FakeSocket.last.hello();
    assert.equal(FakeSocket.last.readyState, 3, 'the try is closed once it got the hello');
    assert.ok(stream().closed, 'the stream makes way');
    assert.equal(sessionStorage['quarkus-live-fell'], undefined, 'the tab forgets the fallback');
    mock.timers.tick(250);
    assert.equal(FakeSocket.count, 4, 'the runtime reconnects over a WebSocket');
    assert.equal(streams(), 3);
    FakeSocket.last.hello();
    const [rejoin, ...rest] = FakeSocket.last.take();
    assert.deepEqual([rejoin.t, rejoin.id, rejoin.token], ['join', 'a1', 'k1']);
    assert.deepEqual(rest, []);
    FakeSocket.last.answer({ t: 'ok', ref: rejoin.ref, id: 'a1', token: 'k1' });
    assert.deepEqual(FakeSocket.last.take().map(m => [m.seq, m.handler]), [[2, 'add'], [3, 'add']],
      'the events not answered yet, the one of the refused POST too, go over the WebSocket, in order');
  });
