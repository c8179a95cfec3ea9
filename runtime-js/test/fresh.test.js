// When the server cannot resume: a new build reloads the page, a component it no longer has is taken from the page
// fetched again, keeping what the user typed. The built bundle on a jsdom page, a stand-in WebSocket playing the
// server, a stubbed fetch and location, mocked timers and clock.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FakeSocket, installPage } from '../test-support/fake-socket.js';

mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
Math.random = () => 1;

// v: what the server renders into the fields, tag: the root's
const form = (id, child, extra = '', v = '', tag = 'div') => `<${tag} data-live-component="Form" data-live-id="${id}">${extra}
  <form><input id="email" name="email" value="${v}"><textarea id="note" name="note">${v}</textarea>
    <input id="agree" type="checkbox" name="agree" data-v="${v}">
    <select id="size" name="size" data-v="${v}"><option>s</option><option>m</option></select>
    <button id="go" type="button" data-live-click="go">go</button></form>
  <div data-live-component="Child" data-live-id="${child}"><span>child</span></div>
</${tag}>`;
const { window } = new JSDOM(`<!doctype html><body>
  <div data-live-component="Form" data-live-id="f0"><input name="other"></div>
  ${form('f1', 'n1')}
</body>`, { url: 'https://shop.example/page' });
const { document } = window;

// What the server renders when the page is fetched again: new ids, another component in between, a new paragraph,
// another tag for the root
let served = `<!doctype html><html><head><title>t</title></head><body>
  <div data-live-component="Form" data-live-id="F0"><input name="other"></div>
  <div data-live-component="Other" data-live-id="O"></div>
  ${form('F1', 'N1', '<p id="fresh">fresh</p>', 'server', 'section')}
</body></html>`;
const fetched = [];
let reloads = 0;

const ws = () => FakeSocket.all.at(-1);

installPage(window, {
  DOMParser: window.DOMParser, sessionStorage: window.sessionStorage,
  location: { href: 'https://shop.example/page', reload: () => reloads++ },
  fetch: async url => {
    fetched.push(url);
    if (served == null) throw new TypeError('offline');
    return { ok: true, text: async () => served };
  },
});
const warnings = [];
console.warn = (...args) => warnings.push(args.join(' '));
await import('../target/classes/META-INF/quarkus-live/runtime.js');
const $ = id => document.getElementById(id);
const root = id => document.querySelector(`[data-live-id="${id}"]`);
const settle = () => new Promise(r => setImmediate(r));
const ok = m => ws().answer({ t: 'ok', ref: m.ref, id: m.id, token: 'k-' + m.id });
const unknown = m => ws().answer({ t: 'error', ref: m.ref, id: m.id, code: 'unknown-component', message: 'gone' });
// Drops the socket and opens the next one at once, no time passing
const reconnect = () => {
  ws().close();
  window.dispatchEvent(new window.Event('online'));
};

test('a new build reloads the page once; the guard stops a second reload within 10 s, and the rejoins go on', () => {
  ws().hello('b1');
  ws().take().forEach(ok);
  reconnect();
  ws().hello('b1');
  assert.equal(reloads, 0, 'same build');
  ws().take().forEach(ok);
  reconnect();
  ws().hello('b2');
  assert.equal(reloads, 1, 'another build: reloaded');
  assert.deepEqual(ws().take(), [], 'no rejoins on the way out');
  mock.timers.tick(5_000);
  reconnect(); // 5 s after the reload (say, it landed on a server still on the old build)
  ws().hello('b3');
  assert.equal(reloads, 1, 'not again within 10 s');
  const joins = ws().take();
  assert.deepEqual(joins.map(j => [j.id, j.token]), [['f0', 'k-f0'], ['f1', 'k-f1'], ['n1', 'k-n1']]);
  joins.forEach(ok);
  reconnect();
  ws().hello('b3');
  assert.equal(reloads, 1, 'the build of the blocked reload is the one the page goes on with');
  ws().take().forEach(ok);
  mock.timers.tick(5_000);
  reconnect();
  ws().hello('b4');
  assert.equal(reloads, 2, '10 s later a new build reloads again');
  ws().take();
});

test('a component the server lost: the page is fetched again, the root morphed in keeping every field, new ids joined', async () => {
  reconnect();
  ws().hello('b4');
  ws().take().forEach(ok);
  $('email').value = 'ann@example.com';
  $('note').value = 'typed';
  $('agree').checked = true;
  $('size').value = 'm';
  ws().close();
  $('go').click(); // offline: waits for a join that will not succeed
  window.dispatchEvent(new window.Event('online'));
  ws().hello('b4');
  const [f0, f1, n1] = ws().take();
  ok(f0);
  unknown(f1);
  unknown(n1);
  assert.ok($('go').classList.contains('live-loading'), 'still waiting for the page');
  await settle();
  assert.deepEqual(fetched, ['https://shop.example/page'], 'one fetch for both');
  const el = root('F1');
  assert.ok(el, 'the root carries its new id');
  assert.equal(el.tagName, 'SECTION', 'and the new tag: it replaced the old root, and the runtime goes on with it');
  assert.equal(root('f0').dataset.liveId, 'f0', 'the first Form root is not touched');
  assert.ok($('fresh'), "the new page's content is in");
  assert.deepEqual([$('email').value, $('note').value, $('agree').checked, $('size').value],
    ['ann@example.com', 'typed', true, 'm'], 'what the user entered survives');
  assert.equal($('agree').dataset.v, 'server', 'the fields take the other new attributes');
  assert.ok(root('N1') && !root('n1'), 'the nested root came with the new page');
  assert.ok(!$('go').classList.contains('live-loading'));
  assert.deepEqual(warnings, ['Quarkus Live: 1 event(s) of f1 not applied']);
  const joins = ws().take();
  assert.deepEqual(joins.map(j => [j.t, j.id, j.token]), [['join', 'F1', undefined], ['join', 'N1', undefined]]);
  joins.forEach(ok);
  assert.ok(el.classList.contains('live-connected'));
  $('go').click();
  const [go] = ws().take();
  assert.deepEqual([go.id, go.seq, go.handler], ['F1', 1, 'go']);
  ok(go);
});

test('when the fresh component is unknown too, or the fetch fails, or the page has no such root: reload', async () => {
  const rejoin = answer => {
    reconnect();
    ws().hello('b4');
    for (const j of ws().take()) j.id === answer ? unknown(j) : ok(j);
  };
  const before = reloads;
  mock.timers.tick(10_000); // past the guard of the last test's reload
  rejoin('F1');
  await settle();
  assert.equal(fetched.length, 1, 'a component taken from a fetched page is not fetched again');
  assert.equal(reloads, before + 1);
  served = null;
  mock.timers.tick(10_000);
  rejoin('f0');
  await settle();
  assert.equal(fetched.length, 2);
  assert.equal(reloads, before + 2, 'fetch failed');
  served = '<!doctype html><body><p>no components</p></body>';
  rejoin('F1'); // (within 10 s of the last reload)
  await settle();
  assert.equal(reloads, before + 2, 'the guard holds');
  mock.timers.tick(10_000);
  rejoin('f0');
  await settle();
  assert.equal(fetched.length, 3);
  assert.equal(reloads, before + 3, 'no matching root');
});
