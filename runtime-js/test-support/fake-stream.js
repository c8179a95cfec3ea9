// The server's half of the fallback carriers in the runtime's tests: a stand-in EventSource, which a test makes say the
// connection id, the protocol's messages and the end of the stream, and a stand-in fetch that records each POST and
// each poll and answers it when the test says so (`answer(status, body)`), as the server answers a POST 204 once it
// took the message, and a poll with the messages that wait.
export class FakeEventSource {
  static all = [];
  static get last() { return FakeEventSource.all.at(-1); }
  listeners = {};
  closed = false;
  constructor(url) { this.url = String(url); FakeEventSource.all.push(this); }
  addEventListener(type, listener) { (this.listeners[type] ||= []).push(listener); }
  /** An event of the stream: `message` (a protocol message, given as an object), `connection` or `close`. */
  emit(type, data) {
    const e = { data: typeof data === 'string' ? data : JSON.stringify(data) };
    type === 'message' ? this.onmessage(e) : this.listeners[type]?.forEach(l => l(e));
  }
  /** The stream breaks: what EventSource reports when the network goes, or the server refuses the stream. */
  fail() { this.onerror(); }
  close() { this.closed = true; }
}

/** Every POST made so far, in order, and every GET (the polls): { url, body, aborted, answer(status, body) }. */
export const posts = [];
export const polls = [];

export function fakeFetch(url, init) {
  return new Promise((resolve, reject) => {
    const request = {
      url: String(url), method: init?.method, body: init?.body, aborted: false,
      answer: (status, body) => status
        ? resolve({ ok: status < 300, status, json: async () => body })
        : reject(new TypeError('network')),
    };
    init?.signal?.addEventListener('abort', () => {
      request.aborted = true;
      reject(new DOMException('aborted', 'AbortError'));
    });
    (init?.method === 'POST' ? posts : polls).push(request);
  });
}

/**
 * Waits until `what()` holds, for what the runtime does in promises (the carrier's import, a POST's answer): a turn
 * of the event loop at a time, for at most 5 s of real time (timers are mocked in these tests).
 */
export async function until(what) {
  const end = performance.now() + 5000;
  while (!what() && performance.now() < end) await new Promise(r => setImmediate(r));
  if (!what()) throw new Error('waited in vain for ' + what);
}
