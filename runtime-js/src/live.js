// Quarkus Live browser runtime. Joins the live components of the page over one WebSocket, sends the DOM
// events bound with data-live-<event>[.<modifier>...]="call" to the server, and morphs the HTML the server answers
// with; reconnects by itself without losing events, and joins roots that appear later. Wire protocol:
// docs/modules/ROOT/pages/protocol.adoc, additions in runtime-js/README.md.
import { parseCall } from './call.js';
import { parseBinding, keysMatch } from './bindings.js';
import { argValues, morph, LOADING, CONNECTED, DISCONNECTED } from './dom.js';
import { FELL, REMEMBERED } from './fallback-memory.js';

const ROOT = '[data-live-id]';
// Where forms and buttons post without JavaScript (<root>/form/...): with the runtime, such a post never leaves
const FORMS = new URL('form/', import.meta.url).href;
// What the runtime needs to see whatever the page binds: submits (flush debounced events first), keystrokes (which
// field the user typed into) and leaving a field (flush its debounced event). Other event names are listened to
// once a component's HTML binds them.
const listened = new Set();

let ws;
// The carrier the server asks for in this script's URL (quarkus.live.transport): `ws` a WebSocket only, `sse`
// Server-Sent Events, `poll` long polling; none for `auto`, a WebSocket that falls back to the others when it does not
// get through (`?v=<hash>&t=sse`: the hash is hexadecimal, which has no `=`)
const T = import.meta.url.split('t=')[1];
// Opens a connection: a WebSocket, until the fallback carriers (fallback.js, loaded on demand) replace this
let open = u => new WebSocket(u);
// A hello came, the fallback was decided, or the server chose the carrier: a connection that fails from now on is the
// server's or the network's trouble, which reconnecting mends, not a proxy's that blocks WebSockets
let hi = T;
// The socket said hello (the server is ready for joins)
let up;
// The pending reconnect, and how many tries since the last hello (the backoff grows with them)
let timer;
let tries = 0;
// The server's build the page goes with: the first hello's (or a later one's, when the reload guard kept the page)
let build;
// The longest message the server takes, in bytes of UTF-8 (the latest hello's `max`; none: no limit known)
let max;
// The page fetched again for components the server no longer has, while they wait for it
let page;
let lastRef = 0;
// Requests waiting for their answer, by ref: { j } for a join; for an event { m, el, form, text, undo } (m the
// message, el carries live-loading, form is the submitted one, undo gives its fields back). Events stay here, in the
// order they were made, until answered, across reconnects: when a component's (re)join is answered, its events found
// here are (re)sent
const pending = new Map();
// Per component id: { s: last seq given, k: resume token, j: 1 join sent, 2 joined on this socket, 3 joined but
// holding its events back (the server said too-many), f: taken from a fetched page }
const S = new Map();
const st = id => S.get(id) || S.set(id, { s: 0 }).get(id);
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

const put = m => ws.send(JSON.stringify(m));
// Component ids by their number on this socket (protocol 2), given by the answers to the joins
const C = {};
// Protocol 2 answers an event with [ref, html or edits] and pushes with [0, number, html or edits]; read as the
// objects the rest of the runtime knows
const wire = a => Array.isArray(a) ? Object.assign(a[0] ? { t: 'ok', ref: a[0], id: pending.get(a[0])?.m?.id }
  : { t: 'render', id: C[a[1]] }, (x => typeof x == 'string' ? { html: x } : x ? { d: x } : {})(a[a[0] ? 1 : 2])) : a;

// Sends an event, unless its JSON is longer than the server takes: the server would close the socket, and the event,
// resent after the rejoin, would close the next one. It ends here instead, as an error answer from the server would
// end it (too-large), and the server never sees its seq: the component's later events move down one.
function out(m) {
  // Protocol 2: [ref, component number, seq, handler, args, touched]
  const t = JSON.stringify([m.ref, S.get(m.id).c, m.seq, m.handler, m.args, ...m.touched ? [m.touched] : []]);
  const n = new Blob([t]).size;
  if (n > max) {
    for (const w of pending.values()) if (w.m?.id === m.id && w.m.seq > m.seq) w.m.seq--;
    st(m.id).s--;
    receive({ t: 'error', ref: m.ref, id: m.id, code: 'too-large', message: n + ' > ' + max + ' bytes' });
  } else ws.send(t);
}

// Sends the component's events not answered yet, in the order they were made, with their ref and seq
const resume = id => {
  for (const w of pending.values()) if (w.m?.id === id) out(w.m);
};
const mark = (root, on) => {
  root.classList.toggle(CONNECTED, !!on);
  root.classList.toggle(DISCONNECTED, !on);
};

// Opens the socket; the server's hello starts the joins. Called again for every reconnect.
function connect() {
  clearTimeout(timer);
  timer = 0;
  // The socket sits next to this script: <root>/runtime.js -> <root>/ws, http(s) -> ws(s)
  ws = open(new URL('ws', import.meta.url).href.replace(/^http/, 'ws'), T);
  // As LiveView does: a WebSocket with no hello within 2.5 s falls back
  hi || setTimeout(() => hi || fall(), 2500);
  ws.onmessage = e => receive(wire(JSON.parse(e.data)));
  ws.onclose = () => {
    // The first WebSocket closed without a hello: its upgrade failed
    hi || fall();
    up = 0;
    for (const root of roots()) mark(root);
    for (const s of S.values()) s.j = 0;
    // Nothing will answer this socket's joins; its events stay, to be resent after the rejoin
    for (const [ref, w] of pending) if (w.j) pending.delete(ref);
    // For the dev-mode script, which looks for Quarkus' error page when a restart failed
    document.dispatchEvent(new CustomEvent('live:closed'));
    // Backoff: between half and all of 250 ms doubled per try, at most 10 s, so that a restarted server is not
    // met by every page at once
    timer = setTimeout(connect, Math.min(1e4, 250 * 2 ** tries++) * (1 + Math.random()) / 2);
  };
}

// Loads the fallback carriers and reconnects with them: now if the connection is closed (or none was opened), else once
// it has closed
function fall() {
  hi = 1;
  import(FALLBACK).then(m => {
    open = m.open;
    ws?.readyState < 2 ? ws.close() : connect();
  });
}

// Back online, or the page shown again: reconnect now rather than at the end of the backoff
function now() {
  if (timer) {
    tries = 0;
    connect();
  }
}

// Joins a root once per socket, with its resume token once it has one; connects first if no socket was opened
function join(root) {
  const id = root.dataset.liveId;
  const s = st(id);
  if (!ws) connect();
  else if (up && !s.j) {
    s.j = 1;
    pending.set(++lastRef, { j: 1 });
    // A page rendered by another node of a cluster: its signed description lets this node create the component
    put({ t: 'join', v: 2, ref: lastRef, id, token: s.k, mount: root.dataset.liveMount });
  }
}

// Reloads the page, but not again within 10 s of the last time (a page that keeps failing must not reload forever).
// True when it does.
function reload() {
  try {
    if (!(Date.now() - sessionStorage['quarkus-live'] < 1e4)) {
      sessionStorage['quarkus-live'] = Date.now();
      location.reload();
      return 1;
    }
  } catch {}
}

// The server no longer has the component (grace period over, server restarted). As LiveView does: fetch the page
// again, take the root that stands where this one stood (same component, same place among the roots of that
// component at its level), morph into it keeping every field as the user left it, and join that new component.
function fresh(old, id) {
  // Taken from a fetched page and unknown already: fetching again would go round in circles
  if (st(id).f) return reload();
  page ||= fetch(location.href)
    .then(r => r.ok ? r.text() : Promise.reject())
    .then(t => new DOMParser().parseFromString(t, 'text/html'))
    .finally(() => page = 0);
  page.then(doc => {
    // Gone meanwhile (say, replaced along with the root it was nested in)
    if (!old.isConnected) return forget(id);
    const top = r => !r.parentElement.closest(ROOT);
    const like = d => [...d.querySelectorAll(ROOT)]
      .filter(r => r.dataset.liveComponent === old.dataset.liveComponent && top(r) === top(old));
    const to = like(doc)[like(document).indexOf(old)];
    forget(id);
    // The root the morph returns: a new element if the tag changed
    old = morph(old, to.outerHTML, () => 1);
    st(old.dataset.liveId).f = 1;
    scan(old);
    join(old);
  }).catch(reload);
}

// A component the runtime lets go of: its events not answered yet are dropped, and said so
function forget(id) {
  let n = 0;
  for (const [ref, w] of pending) {
    if (w.m?.id === id) {
      pending.delete(ref);
      done(w);
      n++;
    }
  }
  if (n) console.warn(`Quarkus Live: ${n} event(s) of ${id} not applied`);
  S.delete(id);
}

// A root left the page (unless it is still there: moved). A joined one is left on the server, which keeps it for a while: its token, seq and sent
// events stay here, so that it resumes if it comes back. Otherwise the runtime forgets it.
function gone(id) {
  const s = S.get(id);
  if (!s || rootOf(id)) return;
  if (s.j) put({ t: 'leave', id });
  s.j > 1 ? s.j = 0 : forget(id);
}

// The element and its descendants that are roots
const within = n => n.querySelectorAll ? [n, ...n.querySelectorAll(ROOT)].filter(e => e.matches(ROOT)) : [];

// An event's request is over (and out of `pending`): the element stops loading unless another of its events still
// waits, the submitted form's fields come back
function done(wait) {
  if (![...pending.values()].some(w => w.el === wait.el)) wait.el?.classList.remove(LOADING);
  wait.undo?.();
}

function receive(msg) {
  const { t, ref, id } = msg;
  if (t === 'hello') {
    hi = 1;
    // Another build of the server: this page and its runtime are out of date
    const b = build;
    build = msg.build;
    if (b && b !== build && reload()) return;
    max = msg.max || 1 / 0;
    up = 1;
    tries = 0;
    return roots().forEach(join);
  }
  const wait = pending.get(ref) || {};
  // The server takes no more events just now (too-many: not applied, seq not used). The event stays, and the
  // component's events wait with it; a second later they go again, in order, with their ref and seq. The events sent
  // after it meanwhile skip its seq, so they come back as bad-sequence, and wait too
  const c = wait.m && S.get(wait.m.id);
  if (c && (msg.code === 'too-many' || c.j > 2 && msg.code === 'bad-sequence')) {
    if (c.j == 2) {
      c.j = 3;
      setTimeout(() => {
        // Unless the socket closed or the root left meanwhile: then the rejoin sends them
        if (c.j > 2) {
          c.j = 2;
          resume(wait.m.id);
        }
      }, 1e3);
    }
    return;
  }
  pending.delete(ref);
  const root = rootOf(id);
  // The whole HTML, or edits of the last HTML received (d: [at, removed, inserted, ...]), which is kept to edit
  const s = S.get(id);
  const html = msg.html ?? (msg.d && s?.h != null ? edit(s.h, msg.d) : null);
  if (html && s) s.h = html;
  // Before the morph, so that the server's HTML decides the form's final state
  done(wait);
  // The answer to an event releases the fields typed into before it; a join's answer or a render releases none
  const at = wait.m ? ref : -1;
  if (wait.j && msg.code === 'unknown-component') {
    if (root) fresh(root, id);
  } else if (t === 'error') {
    console.warn('Quarkus Live:', msg);
    (root || document).dispatchEvent(new CustomEvent('live:error', { bubbles: true, detail: msg }));
  } else if (root && (t === 'ok' || t === 'render')) {
    if (wait.j) {
      s.k = msg.token;
      C[s.c = msg.c] = id;
      s.j = 2;
      mark(root, 1);
    }
    if (html) {
      // Forms whose submit is still in flight stay frozen: thawed for the morph, which sees the server's HTML
      // against the page as the server knows it, and frozen again after
      const frozen = [...pending.values()].filter(w => w.undo);
      for (const w of frozen) w.undo();
      // A field typed into since the event answered here keeps its value; a render or a join keeps every such field.
      // The bindings are read from the root the morph returns: a new element if the tag changed
      scan(morph(root, html, f => typed.get(f) > at));
      for (const w of frozen) w.undo = freeze(w.form, w.text);
    }
    // Joined: the component's events not answered yet go out
    if (wait.j) resume(id);
    // After a submit the form shows what the server rendered: fields without a value attribute empty out, fields
    // the server filled in (say, after a validation error) keep that value. From the prototype: a field named reset
    // is the form's `reset`
    if (t === 'ok' && wait.form) HTMLFormElement.prototype.reset.call(wait.form);
  }
  for (const [f, r] of typed) if (r <= at || !f.isConnected) typed.delete(f);
}

// Applies edits [at, removed, inserted, ...] (ascending positions in h) to the string h
function edit(h, d) {
  let o = '', a = 0;
  for (let i = 0; i < d.length; i += 3) {
    o += h.slice(a, d[i]) + d[i + 2];
    a = d[i] + d[i + 1];
  }
  return o + h.slice(a);
}

// The fields the user has typed in or changed, per form: errors show only for those while the user is still at it
const touched = new WeakMap();

function onEvent(e) {
  const { type, target } = e;
  // A live button whose binding did not fire (.once done, .self, keys) must not post its form either
  if (type === 'submit' && [e.submitter?.formAction, target.action].some(u => u?.startsWith(FORMS))) {
    e.preventDefault();
  }
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

// Makes an event; it goes out now if its component is joined, else when the (re)join is answered
function send(el, root, handler, args, form, fieldsOf) {
  const id = root.dataset.liveId;
  const s = st(id);
  const ref = ++lastRef;
  for (const [f, r] of typed) if (r === Infinity && root.contains(f)) typed.set(f, ref);
  el.classList.add(LOADING);
  const text = el.getAttribute('data-live-submit.disable-with');
  // seq: the server applies each of a component's events once and in order, however often it is resent
  const m = { t: 'event', ref, id, seq: ++s.s, handler, args };
  // Before a submit only the fields touched so far show their errors; a submit touches them all
  if (form) touched.set(form, new Set([...form.elements].map(c => c.name).filter(Boolean)));
  else if (fieldsOf) m.touched = [...(touched.get(fieldsOf) || [])];
  pending.set(ref, { m, el, form, text, undo: form && freeze(form, text) });
  if (s.j == 2) out(m);
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
  window.addEventListener('online', now);
  document.addEventListener('visibilitychange', () => document.hidden || now());
  // The server asks for another carrier, or this tab fell back a moment ago: no WebSocket is tried first
  try {
    if (T && T != 'ws' || !hi && Date.now() - sessionStorage[FELL] < REMEMBERED) fall(ws = {});
  } catch {}
  // Roots that come and go by any means (innerHTML, htmx, a morph adding a nested component). A moved node is
  // reported removed and added: gone() and join() look at the page as it is when the observer runs.
  new MutationObserver(list => {
    for (const { addedNodes, removedNodes } of list) {
      for (const n of removedNodes) within(n).forEach(r => gone(r.dataset.liveId));
      for (const n of addedNodes) {
        if (n.isConnected && n.attributes) {
          scan(n);
          within(n).forEach(join);
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
  roots().forEach(join);
}

// Module scripts run once per URL, but the runtime may still arrive twice (another URL, a bundle): start once
const ONCE = Symbol.for('quarkus-live');
if (!globalThis[ONCE]) {
  globalThis[ONCE] = true;
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', start) : start();
}
