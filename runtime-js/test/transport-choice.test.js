// quarkus.live.transport=websocket: the runtime's URL says `t=ws`, and a WebSocket that keeps failing is tried again
// and again, never replaced by the fallback carrier.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FakeSocket, installPage } from '../test-support/fake-socket.js';
import { FakeEventSource, fakeFetch } from '../test-support/fake-stream.js';

mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
Math.random = () => 1;

const { window } = new JSDOM(`<!doctype html><body>
  <div data-live-component="A" data-live-id="a1"><button data-live-click="add">+</button></div>
</body>`, { url: 'https://shop.example/page' });
// Even with a fallback remembered by the tab
window.sessionStorage['quarkus-live-fell'] = Date.now();
installPage(window, { EventSource: FakeEventSource, fetch: fakeFetch, sessionStorage: window.sessionStorage });
await import('../target/classes/META-INF/quarkus-live/runtime.js?v=x&t=ws');

test('t=ws: failed upgrades and silent sockets never bring the fallback', async () => {
  for (let i = 0; i < 5; i++) {
    FakeSocket.last.close();
    mock.timers.tick(1e4);
    await new Promise(r => setImmediate(r));
  }
  mock.timers.tick(3e4);
  await new Promise(r => setImmediate(r));
  assert.equal(FakeSocket.count, 6);
  assert.equal(FakeEventSource.all.length, 0);
});
