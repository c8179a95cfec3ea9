// quarkus.live.transport=auto, a WebSocket that opens nothing: a proxy that holds the upgrade. As LiveView does, the
// runtime falls back 2.5 s after it tried, without waiting for the WebSocket to fail.
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
await import('../target/classes/META-INF/quarkus-live/runtime.js');

test('no hello within 2.5 s: the WebSocket is closed and the page goes on over Server-Sent Events', async () => {
  const socket = FakeSocket.last;
  mock.timers.tick(2499);
  await new Promise(r => setImmediate(r));
  assert.equal(FakeEventSource.all.length, 0, 'not before 2.5 s');
  assert.equal(socket.readyState, 0);
  mock.timers.tick(1);
  await until(() => socket.readyState === 3);
  mock.timers.tick(250);
  assert.equal(FakeEventSource.all.length, 1);
  assert.equal(FakeSocket.count, 1);
});
