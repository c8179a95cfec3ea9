// quarkus.live.transport=sse: the runtime's URL says `t=sse`; pages start on Server-Sent Events, stay on them, and
// never try a WebSocket.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FakeSocket, installPage } from '../test-support/fake-socket.js';
import { FakeEventSource, fakeFetch, until } from '../test-support/fake-stream.js';

mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
Math.random = () => 1;

const { window } = new JSDOM(`<!doctype html><body>
  <div data-live-component="A" data-live-id="a1"><button data-live-click="add">+</button></div>
</body>`, { url: 'https://shop.example/page' });
installPage(window, { EventSource: FakeEventSource, fetch: fakeFetch, sessionStorage: window.sessionStorage });
await import('../target/classes/META-INF/quarkus-live/runtime.js?v=x&t=sse');

test('t=sse: Server-Sent Events from the start, after a failure too, and no WebSocket ever', async () => {
  await until(() => FakeEventSource.all.length === 1);
  FakeEventSource.last.fail();
  mock.timers.tick(250);
  assert.equal(FakeEventSource.all.length, 2);
  FakeEventSource.last.emit('connection', 'c1');
  FakeEventSource.last.emit('message', { t: 'hello', v: 2, build: 'b1' });
  mock.timers.tick(600_000);
  assert.equal(FakeSocket.count, 0);
});

test('a stream whose heartbeats stop is closed after three intervals, and opened again', () => {
  const stream = FakeEventSource.last;
  stream.emit('ping', '20000');
  mock.timers.tick(59_999);
  assert.equal(stream.closed, false);
  stream.emit('ping', '20000');
  mock.timers.tick(59_999);
  assert.equal(stream.closed, false, 'each heartbeat starts the wait anew');
  mock.timers.tick(1);
  assert.ok(stream.closed, 'three intervals without a heartbeat');
  mock.timers.tick(250);
  assert.equal(FakeEventSource.all.length, 3);
});
