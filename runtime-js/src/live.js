// Quarkus Live browser runtime. Joins the live components of the page over one WebSocket, sends the DOM
// events bound with data-live-<event>="call" to the server, and morphs the HTML the server answers with.
// Wire protocol: docs/modules/ROOT/pages/protocol.adoc.
import { parseCall } from './call.js';
import { argValues, morph, LOADING, CONNECTED, DISCONNECTED } from './dom.js';

// The delegated DOM events; data-live-<name> binds one. Adding an event is adding its name here.
const EVENTS = ['click', 'submit', 'input', 'change'];
const ROOT = '[data-live-id]';

let socket;
let lastRef = 0;
// Requests waiting for their answer, by ref: { el, form } for an event (el carries live-loading; form is the
// submitted one), { root } for a join
const pending = new Map();
// Requests made while the socket is still connecting
let outbox = [];

const roots = () => document.querySelectorAll(ROOT);
// Ids are URL-safe base64, so they need no escaping in a selector
const rootOf = id => id == null ? null : document.querySelector(`[data-live-id="${id}"]`);

// Opens the socket and joins every component on the page; written so that a reconnect can call it again.
function connect() {
  // The socket sits next to this script: <root>/runtime.js -> <root>/ws, http(s) -> ws(s)
  socket = new WebSocket(new URL('ws', import.meta.url).href.replace(/^http/, 'ws'));
  socket.onopen = () => {
    for (const root of roots()) request({ t: 'join', v: 1, ref: ++lastRef, id: root.dataset.liveId }, { root });
    // Joins first, so the server knows the components the queued events are for
    for (const text of outbox) socket.send(text);
    outbox = [];
  };
  socket.onmessage = e => receive(JSON.parse(e.data));
  socket.onclose = () => {
    for (const root of roots()) {
      root.classList.remove(CONNECTED);
      root.classList.add(DISCONNECTED);
    }
    // Nothing will answer what this socket was asked
    for (const { el } of pending.values()) el?.classList.remove(LOADING);
    pending.clear();
    outbox = [];
  };
}

function request(msg, wait) {
  pending.set(msg.ref, wait);
  const text = JSON.stringify(msg);
  socket.readyState === WebSocket.OPEN ? socket.send(text) : outbox.push(text);
}

function receive(msg) {
  const wait = pending.get(msg.ref) || {};
  pending.delete(msg.ref);
  const root = rootOf(msg.id);
  if (msg.t === 'error') {
    console.warn('Quarkus Live:', msg);
    (root || document).dispatchEvent(new CustomEvent('live:error', { bubbles: true, detail: msg }));
  } else if (root && (msg.t === 'ok' || msg.t === 'render')) {
    if (wait.root) {
      root.classList.add(CONNECTED);
      root.classList.remove(DISCONNECTED);
    }
    if (msg.html) morph(root, msg.html);
    // After a submit the form shows what the server rendered: fields without a value attribute empty out, fields
    // the server filled in (say, after a validation error) keep that value
    if (msg.t === 'ok') wait.form?.reset();
  }
  wait.el?.classList.remove(LOADING);
}

// The fields the user has typed in or changed, per form: errors show only for those while the user is still at it
const touched = new WeakMap();

function onEvent(e) {
  const type = e.type;
  const t = e.target;
  if ((type === 'input' || type === 'change') && t.name && t.form) {
    touched.has(t.form) || touched.set(t.form, new Set());
    touched.get(t.form).add(t.name);
  }
  const el = e.target.closest?.(`[data-live-${type}]`);
  const root = el?.closest(ROOT);
  if (!root) return;
  // A live submit never reloads the page; a live click replaces what a link or a submit button would do,
  // but not the toggle of a checkbox
  if (type === 'submit' || type === 'click' && (el.tagName === 'A' || el.form && /^(submit|image)$/.test(el.type))) {
    e.preventDefault();
  }
  if (!socket || socket.readyState > WebSocket.OPEN) return; // closed: nothing would answer
  const { handler, args } = parseCall(el.getAttribute(`data-live-${type}`));
  // Bare names read the fields of the form: the submitted one, else the element's own
  const form = type === 'submit' ? e.target : el.form || el.closest('form');
  const values = argValues(args, el, form);
  el.classList.add(LOADING);
  const msg = { t: 'event', ref: ++lastRef, id: root.dataset.liveId, handler, args: values };
  // Before a submit only the fields touched so far show their errors; a submit touches them all
  if (type === 'submit') touched.set(form, new Set([...form.elements].map(c => c.name).filter(Boolean)));
  else if (form) msg.touched = [...(touched.get(form) || [])];
  request(msg, { el, form: type === 'submit' ? form : null });
}

function start() {
  // Capture phase: it also sees events that do not bubble (focus, blur), and page scripts cannot stop it
  for (const type of EVENTS) document.addEventListener(type, onEvent, true);
  if (document.querySelector(ROOT)) connect();
}

// Module scripts run once per URL, but the runtime may still arrive twice (another URL, a bundle): start once
const ONCE = Symbol.for('quarkus-live');
if (!globalThis[ONCE]) {
  globalThis[ONCE] = true;
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', start) : start();
}
