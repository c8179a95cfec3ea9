// Files for UploadedFile handler parameters (docs: protocol.adoc, "Uploads"). Pages load this script only when some
// handler takes files, before the runtime, so its listener sees a live form's submit first. A submit with chosen files
// is held back while they are announced (the server checks their number, sizes and types before a byte is sent) and
// sent in chunks over HTTP; then the form is submitted again, the upload ids in place of the files, and the runtime
// sends the event as for any form. The server renders the progress itself (uploads.<field>.progress).

const UPLOADS = new URL('upload/', import.meta.url).href;
const FORMS = new URL('form/', import.meta.url).href;
let passing = null;
// The file inputs whose uploads are under way, each with what cancels it
const running = new Map();

addEventListener('submit', e => {
  const form = e.target;
  // The component's token is in the action its form posts to without JavaScript
  if (form === passing || !form.action?.startsWith(FORMS)) return;
  const inputs = [...form.querySelectorAll('input[type=file]')].filter(i => i.name && !i.disabled && i.files.length);
  if (!inputs.length) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  if (!inputs.some(i => running.has(i))) upload(form, inputs, e.submitter);
}, true);

// <button type="button" data-cancel-upload="avatar"> cancels the uploads of the field avatar
addEventListener('click', e => {
  const name = e.target.closest?.('[data-cancel-upload]')?.getAttribute('data-cancel-upload');
  for (const [input, abort] of running) if (input.name === name) abort.abort();
});

async function upload(form, inputs, submitter) {
  const target = new URL(form.action).pathname.split('/').pop();
  const ids = new Map();
  try {
    for (const input of inputs) {
      const abort = new AbortController();
      running.set(input, abort);
      const files = [...input.files];
      const r = await fetch(UPLOADS + target, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, signal: abort.signal,
        body: JSON.stringify({ field: input.name, files: files.map(f => ({ name: f.name, size: f.size, type: f.type })) }),
      });
      // Refused: the component shows why, next to the field
      if (!r.ok) return;
      const { ids: got, chunk } = await r.json();
      ids.set(input, got);
      for (let i = 0; i < files.length; i++) await send(UPLOADS + got[i], files[i], chunk, abort.signal);
    }
  } catch (x) {
    // Cancelled, or the server stayed out of reach: its uploads go, and a failure is said under the field
    const how = x.name == 'AbortError' ? '' : '?failed';
    for (const got of ids.values()) for (const id of got) fetch(UPLOADS + id + how, { method: 'DELETE' }).catch(() => {});
    return;
  } finally {
    for (const input of inputs) running.delete(input);
  }
  // Submitted again with the upload ids where the files were, within this call: the runtime reads the form at once
  const hidden = [];
  for (const [input, got] of ids) {
    for (const id of got) {
      const h = Object.assign(document.createElement('input'), { type: 'hidden', name: input.name, value: id, input });
      form.append(h);
      hidden.push(h);
    }
    // Nameless for the while, so that the form's field of that name is the ids alone
    input.name = '';
  }
  passing = form;
  try {
    form.requestSubmit(submitter?.form === form ? submitter : null);
  } finally {
    passing = null;
    hidden.forEach(h => { h.remove(); h.input.name = h.name; });
  }
}

// Sends a file in chunks; a chunk that fails is sent again from where the server stands, up to three times in a row
async function send(url, file, chunk, signal) {
  for (let at = 0, tries = 0; at < file.size;) {
    try {
      const r = await fetch(`${url}?offset=${at}`, { method: 'PUT', body: file.slice(at, at + chunk), signal });
      if (!r.ok && r.status != 409) throw Error(r.status);
      at = (await r.json()).received;
      tries = 0;
    } catch (x) {
      if (signal.aborted || ++tries > 3) throw x;
      await new Promise(go => setTimeout(go, 500 * tries));
    }
  }
}
