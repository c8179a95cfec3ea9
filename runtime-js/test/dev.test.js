// The dev-mode script with the runtime, both as built, on a jsdom page: a restart that failed shows Quarkus' error
// page until the page loads again, a handler that threw shows its trace and a note. A stand-in WebSocket plays the
// server, a stubbed fetch answers for the page, timers are mocked.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FakeSocket, installPage } from '../test-support/fake-socket.js';

mock.timers.enable({ apis: ['setTimeout'] });
Math.random = () => 1;

const { window } = new JSDOM(`<!doctype html><body>
  <div data-live-component="Counter" data-live-id="c1"><button id="inc" data-live-click="boom">+</button></div>
</body>`, { url: 'https://shop.example/counter' });
const { document } = window;

// What the server answers to the page's URL: [status, body], or null when it is down
let page = [200, '<html>the page</html>'];
const fetched = [];
let reloads = 0;
installPage(window, {
  location: { href: 'https://shop.example/counter', reload: () => reloads++ },
  fetch: async (url, options) => {
    fetched.push([url, options?.cache]);
    if (!page) throw new TypeError('connection refused');
    const [status, body] = page;
    return { status, ok: status === 200, text: async () => body };
  },
});
const errors = [];
// Node's own warnings (mocked timers) go to console.error too: only the runtime's count
console.error = (...args) => /^Quarkus Live/.test(args[0]) && errors.push(args.join(' '));
console.warn = () => {};
await import('../target/classes/META-INF/quarkus-live/runtime.js');
await import('../target/classes/META-INF/quarkus-live/dev.js');

const ws = () => FakeSocket.last;
const settle = () => new Promise(r => setImmediate(r));
const frame = () => document.getElementById('quarkus-live-dev');
const note = () => document.getElementById('quarkus-live-dev-note');
const click = el => el.dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true }));
const ERROR_PAGE = '<html><body>Error restarting Quarkus: Counter.html:1: @click="nosuch"</body></html>';

test('a closed socket whose page still loads: nothing shows, the runtime reconnects by itself', async () => {
  ws().hello();
  ws().close();
  await settle();
  assert.deepEqual(fetched.splice(0), [['https://shop.example/counter', 'no-store']]);
  assert.equal(frame(), null);
  mock.timers.tick(1000);
  await settle();
  assert.deepEqual(fetched, [], 'no polling while the page loads');
  assert.equal(reloads, 0);
});

test('a failed restart: Quarkus error page shown over the page, polled every second, the page reloaded once fixed',
  async () => {
    page = [500, ERROR_PAGE];
    ws().close();
    await settle();
    assert.equal(fetched.splice(0).length, 1);
    assert.equal(frame().tagName, 'IFRAME');
    assert.equal(frame().srcdoc, ERROR_PAGE);
    assert.match(frame().style.cssText, /position: fixed/);

    // Failed reconnects meanwhile start no second check: the poll has it
    ws().close();
    ws().close();
    await settle();
    assert.equal(fetched.length, 0);

    // Still broken, then the server is down for the restart: the frame stays, the poll goes on
    mock.timers.tick(1000);
    await settle();
    assert.equal(fetched.splice(0).length, 1);
    page = null;
    mock.timers.tick(1000);
    await settle();
    assert.equal(fetched.splice(0).length, 1);
    assert.ok(frame(), 'still shown while the server does not answer');
    assert.equal(reloads, 0);

    // Another mistake: its page replaces the first
    page = [500, ERROR_PAGE.replace('nosuch', 'other')];
    mock.timers.tick(1000);
    await settle();
    assert.match(frame().srcdoc, /other/);

    // Fixed: the page answers, and loads
    page = [200, '<html>fixed</html>'];
    mock.timers.tick(1000);
    await settle();
    assert.equal(reloads, 1);
    mock.timers.tick(5000);
    await settle();
    assert.equal(fetched.splice(0).length, 2, 'no poll after the reload');
  });

test('a handler that threw in dev mode: the trace in the console, a note naming it until closed', () => {
  ws().hello();
  ws().answer({ t: 'ok', ref: ws().sent.at(-1).ref, id: 'c1', token: 'k' });
  click(document.getElementById('inc'));
  const [event] = ws().take().filter(m => m.t === 'event');
  const message = 'Counter.boom() failed: java.lang.IllegalStateException: no';
  ws().answer({ t: 'error', ref: event.ref, id: 'c1', code: 'handler-failed', message,
    incident: 'a1b2c3d4', trace: 'java.lang.IllegalStateException: no\n\tat Counter.boom(Counter.java:9)' });
  assert.equal(errors.length, 1, errors.join("\n---\n"));
  assert.match(errors[0], /Counter\.boom\(\) failed/);
  assert.match(errors[0], /at Counter\.boom\(Counter\.java:9\)/);
  assert.match(note().textContent, /^Counter\.boom\(\) failed: java.lang.IllegalStateException: no/);
  assert.equal(note().getAttribute('role'), 'alert');

  // A second failure reuses the note
  click(document.getElementById('inc'));
  const [again] = ws().take().filter(m => m.t === 'event');
  ws().answer({ t: 'error', ref: again.ref, id: 'c1', code: 'handler-failed', message: 'Counter.boom() failed: 2',
    trace: 't' });
  assert.equal(document.querySelectorAll('#quarkus-live-dev-note').length, 1);
  assert.match(note().textContent, /failed: 2/);

  click(note().querySelector('button'));
  assert.equal(note(), null);
});

test('an error without a trace (production, or no failure of code) shows nothing', () => {
  click(document.getElementById('inc'));
  const [event] = ws().take().filter(m => m.t === 'event');
  ws().answer({ t: 'error', ref: event.ref, id: 'c1', code: 'handler-failed', message: 'boom() failed',
    incident: 'a1b2c3d4' });
  ws().answer({ t: 'error', ref: null, id: null, code: 'malformed', message: 'bad' });
  assert.equal(note(), null);
  assert.equal(errors.length, 2, 'only the two failures with a trace');
});
