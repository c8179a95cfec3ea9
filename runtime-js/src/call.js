// The calls of data-live-<event> attributes as the server writes them (docs: protocol.adoc, "The page"): `handler`
// or `handler(<JSON values>)`, where a one-element array stands for a name the page resolves (`value`, `checked`, a
// form field). The server has parsed the template's call already, with the one grammar the build checks; the
// browser only reads JSON.

/**
 * Reads `handler` or `handler(...)` into `{ handler, args }`, each argument `{ v: value }` or `{ n: name }` (resolved
 * against the DOM when the event fires, dom.js). Throws a SyntaxError for text the server did not write.
 */
export function parseCall(text) {
  const i = text.indexOf('(');
  return i < 0 ? { handler: text, args: [] } : {
    handler: text.slice(0, i),
    args: JSON.parse(`[${text.slice(i + 1, -1)}]`).map(a => Array.isArray(a) ? { n: a[0] } : { v: a })
  };
}
