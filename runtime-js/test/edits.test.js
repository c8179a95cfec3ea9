// Edits: after the whole HTML once, the server sends only what changed, as edits of the last HTML it sent
// ([at, removed, inserted, ...]); the runtime keeps that HTML as a string, applies the edits and morphs the result.
// The built bundle on a jsdom page, a stand-in WebSocket playing the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FakeSocket, installPage } from '../test-support/fake-socket.js';

const first = '<div data-live-component="Counter" data-live-id="c1"><b>0</b> <button id="inc" data-live-click="inc">+</button></div>';
const { window } = new JSDOM(`<!doctype html><body>${first}</body>`, { url: 'https://shop.example/page' });
const { document } = window;
installPage(window);
await import('../target/classes/META-INF/quarkus-live/runtime.js');

const ws = () => FakeSocket.last;
const count = () => document.querySelector('b').textContent;
const click = () => document.getElementById('inc').dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
// Edits that turn `from` into `to` the way the server makes them: one replaced stretch between common ends
function edits(from, to) {
  let p = 0;
  while (p < from.length && from[p] === to[p]) p++;
  let s = 0;
  while (s < from.length - p && s < to.length - p && from.at(-1 - s) === to.at(-1 - s)) s++;
  return [p, from.length - p - s, to.slice(p, to.length - s)];
}

test('the whole HTML first, then edits of it; the page follows each', () => {
  ws().hello();
  const [join] = ws().take();
  ws().answer({ t: 'ok', ref: join.ref, id: 'c1', token: 'k' });
  let html = first.replace('<b>0</b>', '<b>1</b>');
  click();
  let [event] = ws().take();
  ws().answer({ t: 'ok', ref: event.ref, id: 'c1', html });
  assert.equal(count(), '1');
  for (let n = 2; n <= 12; n++) {
    const next = html.replace(`<b>${n - 1}</b>`, `<b>${n}</b>`);
    click();
    [event] = ws().take();
    ws().answer({ t: 'ok', ref: event.ref, id: 'c1', d: edits(html, next) });
    html = next;
    assert.equal(count(), String(n));
  }
  // A render with several edits at once, in ascending order
  ws().answer({ t: 'render', id: 'c1', d: [html.indexOf('<b>') + 3, 2, 'x', html.indexOf('+'), 1, '&lt;b&gt;+'] });
  assert.equal(count(), 'x');
  assert.equal(document.getElementById('inc').textContent, '<b>+');
});

test('protocol 2 on the wire: the event is an array naming the component by number, the answers are arrays', () => {
  const socket = ws();
  click();
  const [event] = socket.take();
  const sent = socket.texts.at(-1);
  assert.equal(sent, JSON.stringify([event.ref, 1, event.seq, 'inc', []]));
  assert.ok(Buffer.byteLength(sent) <= 32, sent);
  const html = document.querySelector('[data-live-id]').outerHTML.replace(/ class="[^"]*"/, '');
  const at = html.indexOf('<b>') + 3;
  const answer = JSON.stringify([event.ref, [at, 1, '7']]);
  assert.ok(Buffer.byteLength(answer) <= 24, answer);
  socket.onmessage({ data: answer });
  assert.equal(count(), '7');
  // A push: [0, number, edits]
  socket.onmessage({ data: JSON.stringify([0, 1, [at, 1, '8']]) });
  assert.equal(count(), '8');
  // An answer without HTML: the element stops loading, nothing else changes
  click();
  const [quiet] = socket.take();
  socket.onmessage({ data: JSON.stringify([quiet.ref]) });
  assert.equal(count(), '8');
  assert.ok(!document.getElementById('inc').classList.contains('live-loading'));
});
