// DOM side of the runtime: argument values read from the page, and the morph that applies server HTML.
// The morph is our own (docs: runtime-js/README.md, "The morph"): morphdom no longer fit the size budget.

// Classes the runtime sets itself; the server's HTML does not know them, so a morph must not drop them.
export const LOADING = 'live-loading';
export const CONNECTED = 'live-connected';
export const DISCONNECTED = 'live-disconnected';
const OWN = [LOADING, CONNECTED, DISCONNECTED];

const CHECKABLE = /^(checkbox|radio)$/;
const CONTROL = /^(INPUT|TEXTAREA|SELECT)$/;

/**
 * The values to send for the parsed arguments of a call fired by `el`; `form` answers bare names: a field's value,
 * or, for a name no field has (`save(user)`), the whole form as an object that the server binds to a record.
 */
export function argValues(args, el, form) {
  return args.map(a => 'v' in a ? a.v
    : a.n === 'value' ? (el.type === 'checkbox' ? el.checked : el.value ?? null)
      : a.n === 'checked' ? !!el.checked
        : form?.elements.namedItem(a.n) || !form ? field(form, a.n) : fields(form));
}

/**
 * Every named, enabled field of the form (buttons aside), by name, as `field` reads them. Every name is an own member
 * of the object, also one an object has already (`constructor`, `toString`, `__proto__`).
 */
export function fields(form) {
  // A Map, not an object: `name in {}` finds inherited names, and setting `__proto__` would set the prototype
  const all = new Map();
  for (const c of form.elements) {
    if (c.name && !c.disabled && !/^(submit|button|reset|image)$/.test(c.type)) all.set(c.name, field(form, c.name));
  }
  return Object.fromEntries(all);
}

/**
 * The value of the form field `name`: a checkbox gives its checked state, a radio group the value of the
 * checked radio (or null), several other fields sharing the name a list of their values (only the checked
 * ones for checkboxes), a missing field (or no form) null.
 */
export function field(form, name) {
  const f = form && form.elements.namedItem(name);
  if (!f) return null;
  // One control is an Element; several of the same name come as a RadioNodeList (no nodeType)
  if (f.nodeType) return f.type === 'checkbox' ? f.checked : f.type === 'radio' ? (f.checked ? f.value : null)
    : f.type === 'select-multiple' ? [...f.selectedOptions].map(o => o.value) : f.value;
  const values = [...f].filter(c => !CHECKABLE.test(c.type) || c.checked).map(c => c.value);
  return f[0].type === 'radio' ? values[0] ?? null : values;
}

// What identifies a form control across renders when it has no id: its tag, name, type and bindings.
// Starts with a space, which no id holds, so it cannot clash with an id.
const signature = el => ' ' + el.tagName + [...el.attributes]
  .filter(a => /^(name|type|data-live-.*)$/.test(a.name)).map(a => a.name + '=' + a.value).join();

// Keys for the form controls of a tree: their signature, numbered when several look the same
function keyFields(tree, keys) {
  const seen = {};
  for (const el of tree.querySelectorAll('input,textarea,select')) {
    const s = signature(el);
    keys.set(el, s + (seen[s] = (seen[s] || 0) + 1));
  }
}

/**
 * Morphs the component root `root` into `html` (the whole root element, as the server rendered it): elements are
 * updated in place, matched by key (id, data-live-id, form field signature) anywhere in the tree, else by tag and
 * position among their siblings. Form fields for which `keep(field)` is true keep their value, like the focused one.
 */
export function morph(root, html, keep = () => false) {
  const doc = root.ownerDocument;
  // The field the user is in, if it is in this component, with its caret
  let active = doc.activeElement;
  if (!root.contains(active) || !CONTROL.test(active.tagName)) active = null;
  const { selectionStart: start, selectionEnd: end, selectionDirection: dir } = active || {};
  const template = doc.createElement('template');
  template.innerHTML = html;
  const to = template.content.firstElementChild;
  // Pairing unkeyed elements by position would rebuild what follows an insertion (an error message above a form)
  // and lose what the user typed. Keyed elements are found wherever they are and moved, so key the fields of both
  // trees, and nested components by their id. getAttribute, not .id: a form's .id is its field named "id".
  const keys = new Map();
  keyFields(root, keys);
  keyFields(to, keys);
  const key = n => n.getAttribute?.('id') || n.getAttribute?.('data-live-id') || keys.get(n);
  // The page's keyed elements not yet matched, by key
  const page = new Map();
  for (const el of root.querySelectorAll('*')) if (key(el)) page.set(key(el), el);
  // The page's element of that key, if it has the same tag; it is matched now, so no other takes it
  const take = (k, like) => {
    const el = page.get(k);
    if (el?.tagName === like.tagName) {
      page.delete(k);
      return el;
    }
  };

  function update(from, to) {
    for (const c of OWN) if (from.classList.contains(c)) to.classList.add(c);
    // Unchanged since the last render: leave it, and with it what the user typed into an unchanged field
    if (from.isEqualNode(to)) return;
    // A nested component's root: its own messages keep it current
    const id = from.getAttribute('data-live-id');
    if (id && from !== root && id === to.getAttribute('data-live-id')) return;
    // The field the user is in keeps value, selection and caret, and a field to keep keeps its value: it takes the
    // new attributes but the value, and its content (textarea text, select options) stays
    const field = CONTROL.test(from.tagName);
    const mine = from === active || field && keep(from);
    for (const { name } of [...from.attributes]) if (!to.hasAttribute(name) && !(mine && name === 'value')) from.removeAttribute(name);
    for (const { name, value } of to.attributes) if (from.getAttribute(name) !== value && !(mine && name === 'value')) from.setAttribute(name, value);
    if (mine) return;
    children(from, to);
    // What the user changed lives in properties, which the attributes no longer set once changed. Fields only: a
    // form's field named `checked` is its (read-only) `checked`
    if (field) {
      if (from.value !== to.value) from.value = to.value;
      if (from.checked !== to.checked) from.checked = to.checked;
    }
  }

  function children(from, to) {
    // The page's nodes before `last` are done; the next node of `to` goes after it
    let last = null;
    for (const t of [...to.childNodes]) {
      const here = last ? last.nextSibling : from.firstChild;
      const k = key(t);
      // Keyed: the page's element of that key; else the next unkeyed node of the same kind
      let f = here;
      if (k) f = take(k, t);
      else while (f && (key(f) || f.nodeName !== t.nodeName)) f = f.nextSibling;
      if (f) {
        if (f !== here) from.insertBefore(f, here);
        if (f.nodeType === 1) update(f, t);
        else if (f.nodeValue !== t.nodeValue) f.nodeValue = t.nodeValue;
      } else {
        // New: it goes in as it is, except for keyed elements of the page inside it, which move in
        from.insertBefore(f = t, here);
        for (const n of t.querySelectorAll?.('*') || []) {
          const old = take(key(n), n);
          if (old) {
            n.replaceWith(old);
            update(old, n);
          }
        }
      }
      last = f;
    }
    // What the server no longer renders (a keyed element that shows up later in the tree is moved back in then)
    let rest;
    while ((rest = last ? last.nextSibling : from.firstChild)) rest.remove();
  }

  update(root, to);
  // Moving the field to its new place blurs it: give focus and caret back
  if (active && active.isConnected && doc.activeElement !== active) {
    active.focus({ preventScroll: true });
    if (start != null) active.setSelectionRange(start, end, dir);
  }
}
