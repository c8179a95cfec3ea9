// A tab that fell back a moment ago (quarkus.live.transport=auto): its next page starts on Server-Sent Events, with no
// WebSocket to wait for, and still tries a WebSocket again a minute later.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FakeSocket, installPage } from '../test-support/fake-socket.js';
import { FakeEventSource, fakeFetch, posts, until } from '../test-support/fake-stream.js';

mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });

const { window } = new JSDOM(`<!doctype html><body>
  <div data-live-component="A" data-live-id="a1"><button data-live-click="add">+</button></div>
</body>`, { url: 'https://shop.example/page' });
window.sessionStorage['quarkus-live-fell'] = Date.now() - 60_000;
installPage(window, { EventSource: FakeEventSource, fetch: fakeFetch, sessionStorage: window.sessionStorage });
await import('../target/classes/META-INF/quarkus-live/runtime.js');

test('the page starts on Server-Sent Events, joins, and tries a WebSocket a minute later', async () => {
  await until(() => FakeEventSource.all.length === 1);
  assert.equal(FakeSocket.count, 0, 'no WebSocket first');
  FakeEventSource.last.emit('connection', 'c1');
  FakeEventSource.last.emit('message', { t: 'hello', v: 2, build: 'b1' });
  await until(() => posts.length === 1);
  assert.equal(JSON.parse(posts[0].body).t, 'join');
  mock.timers.tick(60_000);
  assert.equal(FakeSocket.count, 1);
});
