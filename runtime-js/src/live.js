// Quarkus Live browser runtime. Joins the live components of the page over one WebSocket, sends the DOM
// events bound with data-live-<event>[.<modifier>...]="call" to the server, and morphs the HTML the server answers
// with. Wire protocol: docs/modules/ROOT/pages/protocol.adoc.
import { parseCall } from './call.js';
import { parseBinding, keysMatch } from './bindings.js';
import { argValues, morph, LOADING, CONNECTED, DISCONNECTED } from './dom.js';

const ROOT = '[data-live-id]';
// What the runtime needs to see whatever the page binds: submits (flush debounced events first), keystrokes (which
// field the user typed into) and leaving a field (flush its debounced event). Other event names are listened to
// once a component's HTML binds them.
const listened = new Set();

let socket;
let lastRef = 0;
// Requests waiting for their answer, by ref: { el, form, undo } for an event (el carries live-loading; form is the
// submitted one, undo gives its fields back), { root } for a join
const pending = new Map();
// Requests made while the socket is still connecting
let outbox = [];
// Elements whose bindings listen beyond themselves (.window, .document, .outside)
const globals = new Set();
// Debounced and throttled sends waiting for their time: { el, go, t }
const waiting = new Set();
// Fields the user typed into -> ref of the first event their component sent after the latest keystroke (Infinity
// until then). An answer to an older ref does not overwrite such a field: it would roll back what was typed since.
const typed = new Map();

const roots = () => document.querySelectorAll(ROOT);
// Ids are URL-safe base64, so they need no escaping in a selector
const rootOf = id => id == null ? null : document.querySelector(`[data-live-id="${id}"]`);

// Listens to the event names bound in `root` (capture phase on window: it sees every event, also those that do not
// bubble, before page scripts can stop it), and remembers which elements listen beyond themselves.
function scan(root) {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const { name } of el.attributes) {
      const b = parseBinding(name);
      if (b) {
        listen(b.type);
        if (b.g) globals.add(el);
      }
    }
  }
}

function listen(type) {
  if (!listened.has(type)) {
    listened.add(type);
    window.addEventListener(type, onEvent, true);
  }
}

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
    for (const wait of pending.values()) done(wait);
    pending.clear();
    outbox = [];
  };
}

function request(msg, wait) {
  pending.set(msg.ref, wait);
  const text = JSON.stringify(msg);
  socket.readyState === WebSocket.OPEN ? socket.send(text) : outbox.push(text);
}

// An event's request is over: the element stops loading, the submitted form's fields come back
function done(wait) {
  wait.el?.classList.remove(LOADING);
  wait.undo?.();
}

function receive(msg) {
  const wait = pending.get(msg.ref) || {};
  pending.delete(msg.ref);
  const root = rootOf(msg.id);
  // Before the morph, so that the server's HTML decides the form's final state
  done(wait);
  if (msg.t === 'error') {
    console.warn('Quarkus Live:', msg);
    (root || document).dispatchEvent(new CustomEvent('live:error', { bubbles: true, detail: msg }));
  } else if (root && (msg.t === 'ok' || msg.t === 'render')) {
    if (wait.root) {
      root.classList.add(CONNECTED);
      root.classList.remove(DISCONNECTED);
    }
    if (msg.html) {
      // Forms whose submit is still in flight stay frozen: thawed for the morph, which sees the server's HTML
      // against the page as the server knows it, and frozen again after
      const frozen = [...pending.values()].filter(w => w.undo);
      for (const w of frozen) w.undo();
      // A field typed into since the event answered here keeps its value; a render (no ref) keeps every such field
      morph(root, msg.html, f => typed.get(f) > (msg.ref ?? -1));
      for (const w of frozen) w.undo = freeze(w.form, w.text);
      scan(root);
    }
    // After a submit the form shows what the server rendered: fields without a value attribute empty out, fields
    // the server filled in (say, after a validation error) keep that value
    if (msg.t === 'ok') wait.form?.reset();
  }
  for (const [f, ref] of typed) if (ref <= msg.ref || !f.isConnected) typed.delete(f);
}

// The fields the user has typed in or changed, per form: errors show only for those while the user is still at it
const touched = new WeakMap();

function onEvent(e) {
  const { type, target } = e;
  if ((type === 'input' || type === 'change') && target.name && target.form) {
    touched.has(target.form) || touched.set(target.form, new Set());
    touched.get(target.form).add(target.name);
  }
  const here = target.closest?.(ROOT);
  if (type === 'input' && here) typed.set(target, Infinity);
  // Leaving a field sends its waiting events now; a submit first sends those of its component, so the server
  // sees every typed value before the submit
  if (type === 'focusout' || type === 'change' || type === 'submit' && here) {
    for (const s of waiting) if (type === 'submit' ? here.contains(s.el) : s.el === target) flush(s);
  }
  // The bindings to fire, as Vue and Alpine order them: .capture ones from the outside in, then the others from the
  // target out (only the target's when the event does not bubble), then those listening beyond their element
  const path = e.composedPath();
  const list = [];
  const add = (el, g) => {
    for (const { name } of el.attributes) {
      const b = parseBinding(name);
      if (b?.type === type && b.g === g) {
        const capture = b.mod.has('capture');
        if (g ? b.mod.has('window') || b.mod.has('document') && target !== window || b.mod.has('outside') && !path.includes(el)
          : capture || e.bubbles || el === target) list[capture ? 'unshift' : 'push']([el, name, b]);
      }
    }
  };
  for (const el of path) if (el.attributes) add(el, false);
  for (const el of globals) el.isConnected ? add(el, true) : globals.delete(el);
  list.some(([el, name, b]) => fire(e, el, name, b)); // true: .stop
}

// Fires one binding of event e on element el; returns true when the event goes no further (.stop).
function fire(e, el, name, b) {
  const root = el.closest(ROOT);
  if (!root) return;
  const { type, target } = e;
  const mod = x => b.mod.has(x);
  // A live submit never reloads the page
  if (type === 'submit') e.preventDefault();
  if (mod('self') && target !== el || !keysMatch(b, e)) return;
  // .once: once per element, as long as the element lives (a morph keeps it)
  const fired = el.liveFired ||= new Set();
  if (fired.has(name)) return;
  if (mod('once')) fired.add(name);
  // A live click replaces what a link or a submit button would do, but not the toggle of a checkbox
  if (!mod('passive') && (mod('prevent')
    || type === 'click' && (el.tagName === 'A' || el.form && /^(submit|image)$/.test(el.type)))) e.preventDefault();
  // .stop: nothing beyond this element sees the event, as if stopped here (our listener runs before it gets here)
  if (mod('stop')) el.addEventListener(type, s => s.stopPropagation(), { once: true, capture: mod('capture') });
  const { handler, args } = parseCall(el.getAttribute(name));
  // Bare names read the fields of the form: the submitted one, else the element's own
  const form = type === 'submit' ? target : el.form || el.closest('form');
  const values = argValues(args, el, form);
  const go = () => send(el, root, handler, values, type === 'submit' ? form : null, form);
  if (!b.how) go();
  else {
    // The latest event of a waiting binding replaces the one before
    const s = (el.liveWaits ||= {})[name] ||= { el };
    s.go = go;
    waiting.add(s);
    if (b.how === 'debounce') {
      clearTimeout(s.t);
      s.t = setTimeout(() => flush(s), b.ms);
    } else if (b.how === 'throttle') throttle(s, b.ms);
  }
  return mod('stop');
}

// Throttle: the first event goes at once, the latest of those that follow within ms goes when ms are over
function throttle(s, ms) {
  if (!s.t) {
    flush(s);
    s.t = setTimeout(() => {
      s.t = 0;
      if (s.go) throttle(s, ms);
    }, ms);
  }
}

// Sends a waiting event now, if there is one
function flush(s) {
  const go = s.go;
  clearTimeout(s.t);
  s.t = s.go = 0;
  waiting.delete(s);
  go?.();
}

function send(el, root, handler, args, form, fieldsOf) {
  if (!socket || socket.readyState > WebSocket.OPEN) return; // closed: nothing would answer
  const ref = ++lastRef;
  for (const [f, r] of typed) if (r === Infinity && root.contains(f)) typed.set(f, ref);
  el.classList.add(LOADING);
  const text = el.getAttribute('data-live-submit.disable-with');
  const msg = { t: 'event', ref, id: root.dataset.liveId, handler, args };
  // Before a submit only the fields touched so far show their errors; a submit touches them all
  if (form) touched.set(form, new Set([...form.elements].map(c => c.name).filter(Boolean)));
  else if (fieldsOf) msg.touched = [...(touched.get(fieldsOf) || [])];
  request(msg, { el, form, text, undo: form && freeze(form, text) });
}

// While a submit is in flight its fields are read-only and its buttons disabled (text fields stay focusable, so
// the user keeps their place), submit buttons say `text` if given; returns what gives them back
function freeze(form, text) {
  const undo = [];
  for (const c of form.elements) {
    const p = /^(submit|image|button|reset|checkbox|radio|file|range|color|select-.*)$/.test(c.type) ? 'disabled' : 'readOnly';
    if (!c[p]) {
      c[p] = true;
      undo.push(() => c[p] = false);
    }
    if (text != null && /^(submit|image)$/.test(c.type)) {
      const k = c.tagName === 'BUTTON' ? 'innerHTML' : 'value';
      const old = c[k];
      c[k === 'value' ? k : 'textContent'] = text;
      undo.push(() => c[k] = old);
    }
  }
  return () => undo.forEach(f => f());
}

function start() {
  for (const type of ['submit', 'input', 'change', 'focusout']) listen(type);
  for (const root of roots()) scan(root);
  if (document.querySelector(ROOT)) connect();
}

// Module scripts run once per URL, but the runtime may still arrive twice (another URL, a bundle): start once
const ONCE = Symbol.for('quarkus-live');
if (!globalThis[ONCE]) {
  globalThis[ONCE] = true;
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', start) : start();
}
