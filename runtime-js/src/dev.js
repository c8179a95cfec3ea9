// Quarkus Live in dev mode: the server adds this script to live pages only in dev mode, so none of it costs a page
// in production. It shows in the open page what otherwise only the terminal would:
// - a restart that failed (a template or binding the build refused): the socket cannot reconnect, because Quarkus
//   answers every request with its error page. That page is shown over this one until the page loads again, then
//   the page reloads;
// - a handler that threw: its stack trace (sent only in dev mode) goes to the console, and a small note names the
//   component and handler.
// The main runtime only says what happened, as cheaply as it can: `live:closed` on `document` when its socket
// closed (also when a reconnect failed), and `live:error` for each error answer.

const ID = 'quarkus-live-dev';
// How often the page is asked again while Quarkus' error page shows
const POLL = 1e3;

// The frame that shows Quarkus' error page, while it does
let frame;
// A check of the page is under way (or waits for its next poll): further closes add nothing
let busy;

document.addEventListener('live:closed', () => busy || check());
document.addEventListener('live:error', e => e.detail?.trace && report(e.detail));

// Asks for the page. 500 is Quarkus' error page (the restart failed): it is shown, and the page is asked again every
// second until it answers; then the fixed application is loaded. Any other answer while nothing is shown: the
// runtime's own reconnect takes it from here.
async function check() {
  busy = 1;
  let answer;
  try {
    answer = await fetch(location.href, { cache: 'no-store' });
  } catch {
    // The server is down or restarting: as good as no answer
  }
  if (answer?.status === 500) show(await answer.text());
  else if (answer?.ok && frame) return location.reload();
  if (frame) setTimeout(check, POLL);
  else busy = 0;
}

// Shows Quarkus' error page over the whole page, in a frame of its own so that its styles and ours stay apart. The
// same page again is left as it is, so that its scroll position stays.
function show(html) {
  if (!frame) {
    frame = document.createElement('iframe');
    frame.id = ID;
    frame.title = 'Quarkus error page';
    frame.style.cssText = 'position:fixed;inset:0;width:100%;height:100%;border:0;background:#fff;z-index:2147483647';
    document.body.append(frame);
  }
  if (frame.srcdoc !== html) frame.srcdoc = html;
}

// A handler or render that threw, in dev mode: the server's stack trace in the console, and a note in the page that
// names what failed (the message starts with Component.handler()) until it is closed
function report(error) {
  console.error(`Quarkus Live: ${error.message}\n${error.trace}`);
  let note = document.getElementById(ID + '-note');
  if (!note) {
    note = document.createElement('div');
    note.id = ID + '-note';
    note.setAttribute('role', 'alert');
    note.style.cssText = 'position:fixed;right:1em;bottom:1em;max-width:40em;padding:.8em 2.4em .8em 1em;'
      + 'background:#fff0f0;color:#600;border:1px solid #c00;border-radius:4px;font:14px/1.4 monospace;'
      + 'white-space:pre-wrap;z-index:2147483646;box-shadow:0 2px 8px #0004';
    const close = document.createElement('button');
    close.textContent = '×';
    close.title = 'Close';
    close.style.cssText = 'position:absolute;top:.2em;right:.4em;border:0;background:none;font-size:18px;cursor:pointer';
    close.onclick = () => note.remove();
    note.append(document.createElement('span'), close);
    document.body.append(note);
  }
  note.firstChild.textContent = `${error.message}\n(stack trace in the browser console)`;
}
