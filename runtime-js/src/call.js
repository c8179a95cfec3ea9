// The call grammar of the event attributes (docs: protocol.adoc, "The page"):
//   call     = handler [ "(" [ arg { "," arg } ] ")" ]
//   handler  = a Java identifier
//   arg      = number | 'string' | "string" | name      (whitespace allowed around each)
//   name     = true | false | null | value | checked | a form field name
// Pure (no DOM) so it can be unit-tested; the DOM side turns names into values (dom.js).

// Handler and everything in the parentheses; the arguments are read by ARG below.
const CALL = /^\s*([\p{L}_$][\p{L}\p{N}_$]*)\s*(?:\((.*)\))?\s*$/su;

// One argument and the comma after it (or the end). Sticky, so arguments must follow each other with
// nothing in between. Groups: 1 number, 2 quote, 3 string body, 4 name, 5 separator.
// A name may hold '.' and '-' as well, because HTML form field names often do ("user.email", "first-name").
const ARG = /\s*(?:(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)|(['"])((?:\\.|(?!\2)[^\\])*)\2|([\p{L}_$][\p{L}\p{N}_$.-]*))\s*(,|$)/suiy;

// No prototype, so `in` does not find names such as toString
const LITERALS = { __proto__: null, true: true, false: false, null: null };

/**
 * Parses `handler` or `handler(arg, ...)`.
 * Returns `{ handler, args }` where each argument is `{ v: literal }` or `{ n: name }`
 * (`value`, `checked` or a form field name, resolved against the DOM when the event fires).
 * Throws a SyntaxError saying where the text stops making sense.
 */
export function parseCall(text) {
  const call = CALL.exec(text);
  if (!call) throw bad(text, /\(/.test(text) && !/\)\s*$/.test(text) ? 'missing ")"' : 'expected handler or handler(arg, ...)');
  const args = [];
  const list = call[2];
  // No parentheses, or empty ones: no arguments
  if (list && list.trim()) {
    ARG.lastIndex = 0;
    for (;;) {
      const at = ARG.lastIndex;
      const m = ARG.exec(list);
      if (!m) {
        const rest = list.slice(at).trim();
        throw bad(text, rest ? `cannot read an argument at "${rest}"` : 'an argument is missing after ","');
      }
      args.push(m[1] ? { v: +m[1] }
        : m[2] ? { v: m[3].replace(/\\(.)/gs, '$1') } // backslash takes the next character as it is
          : m[4] in LITERALS ? { v: LITERALS[m[4]] }
            : { n: m[4] });
      if (!m[5]) break; // matched the end of the list
    }
  }
  return { handler: call[1], args };
}

function bad(text, why) {
  return new SyntaxError(`Quarkus Live: bad call "${text}": ${why}`);
}
