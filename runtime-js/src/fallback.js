// The fallback carriers: Server-Sent Events down, or long polls, and one POST per message up (protocol.adoc,
// "Carriers"). A bundle of its own, loaded by the runtime only when a WebSocket does not get through, so that the
// common page never pays for it. Each connection gives the runtime what a WebSocket gives: send(), close(), onmessage
// and onclose.
import { FELL, POLLED, REMEMBERED } from './fallback-memory.js';

// How often a page on a fallback tries a WebSocket again: a proxy that blocked WebSockets may be gone (the network
// changed), and a page must not stay on a slower carrier for good
const RETRY = 6e4;
const at = (path, id = '') => new URL(path + id, import.meta.url);
const recall = key => {
  try {
    return Date.now() - sessionStorage[key] < REMEMBERED;
  } catch {}
};
const remember = (key, on) => {
  try {
    on ? sessionStorage[key] = Date.now() : sessionStorage.removeItem(key);
  } catch {}
};
// A WebSocket got through since the fallback: from now on the runtime connects with one again
let works;
// A stream got a message on this page: Server-Sent Events get through
let streamed;
// Server-Sent Events do not get through (here, or in this tab a moment ago): long polling
let polls = recall(POLLED);

/**
 * Opens a connection to the server: a WebSocket at `ws` once one got through again, else long polling or an SSE
 * stream. `t`, the carrier the server asks for: none (`auto`, which tries a WebSocket now and then, and moves from
 * Server-Sent Events to long polling when they do not get through), `sse` or `poll`.
 */
export const open = (ws, t) => works ? new WebSocket(ws)
  : t == 'poll' || polls && !t ? new Poll(ws, t) : new Stream(ws, t);

// What both carriers share: the POSTs up, the tab's memory, the WebSocket's retry, the end
class Link {
  constructor(ws, t) {
    // Messages not yet taken by the server, in order; the first is on its way
    this.q = [];
    this.t = !t && setInterval(() => {
      const probe = new WebSocket(ws);
      // The server's hello: WebSockets get through again. The runtime reconnects with one and resumes its components
      probe.onmessage = () => {
        probe.close();
        works = 1;
        remember(FELL);
        remember(POLLED);
        this.close();
      };
      // A proxy that holds the upgrade: the try is given up rather than left open, one more each minute
      setTimeout(() => probe.close(), 1e4);
    }, RETRY);
  }

  send(text) {
    this.q.push(text) > 1 || this.next();
  }

  // POSTs the first waiting message, once the connection id is known; the next one goes when the server took it (204),
  // so the server takes them in the order they were sent. Any other answer ends the connection: the runtime sends again
  // what the server did not answer, once it has joined anew.
  next() {
    if (this.post && this.q.length && !this.done) {
      fetch(this.post, { method: 'POST', body: this.q[0] })
        .then(r => {
          if (!r.ok) throw r;
          this.q.shift();
          this.next();
        })
        .catch(() => this.close());
    }
  }

  got(data) {
    remember(FELL, 1);
    this.onmessage({ data });
  }

  close() {
    if (!this.done) {
      this.done = 1;
      clearInterval(this.t);
      this.end();
      this.onclose();
    }
  }
}

class Stream extends Link {
  constructor(ws, t) {
    super(ws, t);
    const es = this.es = new EventSource(at('sse'));
    es.addEventListener('connection', e => {
      this.post = at('sse/', e.data);
      this.next();
    });
    es.onmessage = e => {
      streamed = 1;
      clearTimeout(this.w);
      this.got(e.data);
    };
    // The server ended the stream (event: close), or it broke: EventSource would open a stream of its own again, but
    // the runtime reconnects itself, with its backoff, and joins its components on the new connection
    es.addEventListener('close', () => this.close());
    es.onerror = () => this.close();
    // The server's heartbeat says its interval: three of them missed, and the stream is dead even if no error says so
    // (a network gone without a TCP close); the runtime connects again
    es.addEventListener('ping', e => {
      clearTimeout(this.k);
      this.k = setTimeout(() => this.close(), 3 * e.data);
    });
    // With `auto`, the page's first stream that fails, or brings nothing in 2.5 s (a proxy that holds responses until
    // they end), sends the page to long polling
    this.f = !t && !streamed;
    if (this.f) this.w = setTimeout(() => this.close(), 2500);
  }

  end() {
    clearTimeout(this.w);
    clearTimeout(this.k);
    this.es.close();
    if (this.f && !streamed) remember(POLLED, polls = 1);
  }
}

class Poll extends Link {
  constructor(ws, t) {
    super(ws, t);
    this.a = new AbortController();
    this.get(at('poll'));
    // A tab closed between two polls ends no request the server could see: a beacon says so, so that the server lets
    // the page's components go (and presence drops them) now, not at its idle timeout. A stream needs none: it closes
    window.addEventListener('pagehide', this.g = () => this.post && navigator.sendBeacon(this.post + '?gone'));
  }

  // One poll: the first opens the connection and names it ({"id": ..., "m": [hello]}), each then brings what waits
  // ({"m": [...]}, and "close" once the server closed the connection), and the next one goes at once
  get(url) {
    fetch(url, { cache: 'no-store', signal: this.a.signal })
      .then(r => r.ok ? r.json() : Promise.reject())
      .then(b => {
        if (b.id) {
          this.post = at('poll/', b.id);
          this.next();
        }
        for (const m of b.m) if (!this.done) this.got(JSON.stringify(m));
        b.close ? this.close() : this.done || this.get(this.post);
      })
      .catch(() => this.close());
  }

  end() {
    this.a.abort();
    window.removeEventListener('pagehide', this.g);
  }
}
