// A stand-in WebSocket that plays the server in the runtime's tests: it records what the page sends and lets a test
// open it (the server's hello), answer, and close it. Each test file runs in a process of its own, so `all` is that
// file's sockets.
export class FakeSocket {
  static OPEN = 1;
  static all = [];
  static get last() { return FakeSocket.all.at(-1); }
  static get count() { return FakeSocket.all.length; }
  readyState = 0;
  sent = [];
  constructor(url) { this.url = url; FakeSocket.all.push(this); }
  send(text) { this.sent.push(JSON.parse(text)); }
  /** Opens the socket and greets the page with the server's hello, naming the server's build (and `more`: max). */
  hello(build = 'b1', more) { this.readyState = 1; this.onopen?.(); this.answer({ t: 'hello', v: 1, build, ...more }); }
  open() { this.hello(); }
  answer(msg) { this.onmessage({ data: JSON.stringify(msg) }); }
  close() { this.readyState = 3; this.onclose(); }
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
