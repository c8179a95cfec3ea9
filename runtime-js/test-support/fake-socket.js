// A stand-in WebSocket that plays the server in the runtime's tests: it records what the page sends and lets a test
// open it (the server's hello), answer, and close it. Each test file runs in a process of its own, so `all` is that
// file's sockets. It speaks protocol 2 as the server does: the answer to a join gives the component a number, and
// the page's events, arrays naming that number, are recorded as the objects of protocol 1 (`texts` keeps them as
// sent), so that tests read them by name.
export class FakeSocket {
  static OPEN = 1;
  static all = [];
  static get last() { return FakeSocket.all.at(-1); }
  static get count() { return FakeSocket.all.length; }
  readyState = 0;
  sent = [];
  texts = [];
  // Component ids by join ref, numbers by id, ids by number
  joins = {};
  numbers = {};
  ids = [];
  constructor(url) { this.url = url; FakeSocket.all.push(this); }
  send(text) {
    this.texts.push(text);
    const m = JSON.parse(text);
    if (m.t === 'join') this.joins[m.ref] = m.id;
    if (!Array.isArray(m)) return this.sent.push(m);
    const [ref, c, seq, handler, args, touched] = m;
    this.sent.push({ t: 'event', ref, id: this.ids[c], seq, handler, args, ...touched && { touched } });
  }
  /** Opens the socket and greets the page with the server's hello, naming the server's build (and `more`: max). */
  hello(build = 'b1', more) { this.readyState = 1; this.onopen?.(); this.answer({ t: 'hello', v: 1, build, ...more }); }
  open() { this.hello(); }
  answer(msg) {
    const id = msg.t === 'ok' && this.joins[msg.ref];
    if (id) this.ids[msg.c = this.numbers[id] ||= this.ids.push(id)] = id;
    this.onmessage({ data: JSON.stringify(msg) });
  }
  close() { this.readyState = 3; this.onclose?.(); }
  take() { return this.sent.splice(0); }
}

/**
 * Makes a jsdom window the page the built runtime runs in: the browser globals it uses, with FakeSocket as the
 * WebSocket, plus any the test adds (a stubbed `location`, `fetch`, ...).
 */
export function installPage(window, extra = {}) {
  const { document } = window;
  Object.assign(globalThis, {
    document, window, HTMLElement: window.HTMLElement, HTMLFormElement: window.HTMLFormElement,
    CustomEvent: window.CustomEvent, WebSocket: FakeSocket, MutationObserver: window.MutationObserver,
  }, extra);
}
