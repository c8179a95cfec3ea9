// Event binding attributes, data-live-<event>[.<modifier>...], read as pure data (no DOM), so they can be
// unit-tested: which event, which modifiers, which keys, how long to wait. live.js acts on the result.

// Key modifiers and the KeyboardEvent.key each stands for. No prototype, so `constructor` is no key.
const KEYS = { __proto__: null, enter: 'Enter', escape: 'Escape', tab: 'Tab', space: ' ', up: 'ArrowUp', down: 'ArrowDown', left: 'ArrowLeft', right: 'ArrowRight' };
const SYSTEM = ['ctrl', 'shift', 'alt', 'meta'];

/** Milliseconds for `500ms` or `2s`; undefined for anything else. */
export function duration(text) {
  const m = /^(\d+)(m?)s$/.exec(text);
  return m ? m[1] * (m[2] ? 1 : 1000) : undefined;
}

/**
 * Reads an attribute name. Returns null when it is no binding: not `data-live-...`, the root's `data-live-id` and
 * `data-live-component`, or the text of `data-live-submit.disable-with`. Otherwise `{ type, mod, keys, how, ms, g }`:
 * the event name; the set of modifiers; the `key`s named by key modifiers; `how` the binding waits ('debounce',
 * 'throttle', 'blur' for `.debounce.blur`, or '') and for how many ms; `g` when it listens beyond its element
 * (`.window`, `.document`, `.outside`).
 */
export function parseBinding(name) {
  const m = /^data-live-(?!(id|component)$)([^.]+)(.*)/.exec(name);
  if (!m) return null;
  const mods = m[3].split('.').slice(1);
  const mod = new Set(mods);
  if (mod.has('disable-with')) return null;
  const b = { type: m[2], mod, keys: [], how: '', ms: 0, g: mods.some(x => /^(window|document|outside)$/.test(x)) };
  mods.forEach((x, i) => {
    if (KEYS[x]) b.keys.push(KEYS[x]);
    if (/^(debounce|throttle)$/.test(x)) {
      b.how = mods[i + 1] === 'blur' ? 'blur' : x;
      b.ms = duration(mods[i + 1]) ?? 300;
    }
  });
  return b;
}

/**
 * Whether the event `e` passes the key filters of binding `b`. Named keys: `e.key` is one of them. Named or not,
 * once a binding names a key or one of ctrl/shift/alt/meta, the pressed ctrl/shift/alt/meta must be exactly the
 * named ones: `@keydown.enter` does not fire on Ctrl+Enter, `@keydown.ctrl.enter` only on it.
 */
export function keysMatch(b, e) {
  const sys = SYSTEM.filter(k => b.mod.has(k));
  if (b.keys.length && !b.keys.includes(e.key)) return false;
  return !(b.keys.length || sys.length) || SYSTEM.every(k => !!e[k + 'Key'] === sys.includes(k));
}
