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

/**
 * Morphs the component root `root` into `html` (the whole root element, as the server rendered it): elements are
 * updated in place, matched by key (id, data-live-id, form field signature) anywhere in the tree, else among their
 * siblings by kind and HTML. Form fields for which `keep(field)` is true keep their value, like the focused one.
 * Returns the root: a new element when the server changed its tag.
 */
export function morph(root, html, keep = () => false) {
  // The field the user is in, if it is in this component, with its caret
  let active = document.activeElement;
  if (!root.contains(active) || !CONTROL.test(active.tagName)) active = null;
  const caret = [active?.selectionStart, active?.selectionEnd, active?.selectionDirection];
  const template = document.createElement('template');
  template.innerHTML = html;
  const to = template.content.firstElementChild;
  // Pairing unkeyed elements by position would rebuild what follows an insertion (an error message above a form)
  // and lose what the user typed. Keyed elements are found wherever they are and moved. Keys: the id (getAttribute,
  // not .id: a form's .id is its field named "id"), else data-live-id (nested components), else for a form field its
  // signature, unless three or more fields of the two trees have it: numbering alike fields would shift every number
  // after an insertion and hand one row's typed text to the row above, so alike fields go with their parents instead.
  const all = [...root.querySelectorAll('*'), ...to.querySelectorAll('*')];
  const seen = {};
  const sign = el => CONTROL.test(el.tagName) && signature(el);
  for (const el of all) seen[sign(el)] = -~seen[sign(el)];
  // Element -> key, and key -> the page's element of that key while it is not matched yet
  const keys = new Map();
  for (const el of all) {
    const k = el.getAttribute('id') || el.getAttribute('data-live-id') || seen[sign(el)] < 3 && sign(el);
    keys.set(el, k);
    if (k && root.contains(el)) keys.set(k, el);
  }
  const key = n => keys.get(n);
  // The page's element of the new element's key, if it has the same tag; it is matched now, so no other takes it
  const take = t => {
    const el = keys.get(key(t));
    if (el?.tagName === t.tagName) {
      keys.delete(key(t));
      return el;
    }
  };
  // What a node looks like, read once: its HTML, or for text and comments kind and text
  const looks = new Map();
  const look = n => looks.get(n) ?? looks.set(n, n.outerHTML ?? n.nodeName + n.data).get(n);
  // How many children of parent look like each (an object: a look starts with < or #, no inherited name does)
  const counts = parent => {
    const by = {};
    for (const n of parent.childNodes) by[look(n)] = -~by[look(n)];
    return by;
  };

  function update(from, to) {
    for (const c of OWN) if (from.classList.contains(c)) to.classList.add(c);
    // Only the root can have another tag (children are paired by tag): the new one takes its place
    if (from.tagName !== to.tagName) {
      from.replaceWith(root = to.cloneNode());
      return update(root, to);
    }
    // A template's children are in its content, which isEqualNode does not compare; nothing in it is live, so new
    // content simply replaces it
    if (from.tagName === 'TEMPLATE' && from.innerHTML !== to.innerHTML) from.innerHTML = to.innerHTML;
    // Unchanged since the last render: leave it, and with it what the user typed into an unchanged field
    if (from.isEqualNode(to) && !to.querySelector('template')) return;
    // Was in the page before, not the root and not a copy made for a new node
    const was = keys.has(from);
    // A nested component's root: its own messages keep it current
    const id = from.getAttribute('data-live-id');
    if (id && was && id === to.getAttribute('data-live-id')) return;
    // The field the user is in keeps value, selection and caret, and a field to keep keeps its value: it takes the
    // new attributes but the value, and its content (textarea text, select options) stays
    const field = CONTROL.test(from.tagName);
    const mine = from === active || field && was && keep(from);
    const own = mine && 'value';
    for (const { name } of [...from.attributes]) if (!to.hasAttribute(name) && name !== own) from.removeAttribute(name);
    for (const { name, value } of to.attributes) if (from.getAttribute(name) !== value && name !== own) from.setAttribute(name, value);
    if (mine) return;
    children(from, to);
    // What the user changed lives in properties, which the attributes no longer set once changed. Fields only: a
    // form's field named `checked` is its (read-only) `checked`. A select shows the options marked selected, as a
    // fresh page would (the first when none is)
    if (field) {
      if (from.options) for (const o of from.options) o.selected = o.defaultSelected;
      else {
        if (from.value !== to.value) from.value = to.value;
        if (from.checked !== to.checked) from.checked = to.checked;
      }
    }
  }

  function children(from, to) {
    // How many old and new nodes look like each, to pair unkeyed nodes by what they look like rather than by place:
    // a node inserted or removed above does not shift the others onto each other, and one of several alike nodes
    // that changed still takes an old one
    const olds = counts(from);
    const news = counts(to);
    // The page's nodes before `last` are done; the next node of `to` goes after it
    let last = null;
    for (const t of [...to.childNodes]) {
      const here = last ? last.nextSibling : from.firstChild;
      const like = look(t);
      // Keyed: the page's element of that key. Unkeyed: an old node that looks the same, if one does, else the next
      // unkeyed one of its kind that more old nodes than new ones look like
      let f = here;
      if (key(t)) f = take(t);
      else while (f && (olds[like] ? look(f) !== like
        : key(f) || f.nodeName !== t.nodeName || olds[look(f)] <= news[look(f)])) f = f.nextSibling;
      // New: built up from an empty copy, so that the page's keyed elements inside it move in
      f ||= t.cloneNode();
      if (f !== here) from.insertBefore(f, here);
      if (f.nodeType === 1) update(f, t);
      else if (f.data !== t.data) f.data = t.data;
      last = f;
    }
    // What the server no longer renders (a keyed element that shows up later in the tree is moved back in then)
    let rest;
    while ((rest = last ? last.nextSibling : from.firstChild)) rest.remove();
  }

  update(root, to);
  // Moving the field to its new place blurs it: give focus and caret back
  if (active?.isConnected && document.activeElement !== active) {
    active.focus({ preventScroll: true });
    if (caret[0] != null) active.setSelectionRange(...caret);
  }
  return root;
}
