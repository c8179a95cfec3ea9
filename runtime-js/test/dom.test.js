// Form field values and the morph, on a jsdom document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!doctype html><body></body>');
const { document } = window;
// The runtime reads the browser globals, so set them before importing it
globalThis.document = document;
globalThis.HTMLElement = window.HTMLElement;
const { argValues, field, fields, morph } = await import('../src/dom.js');
const { parseCall } = await import('../src/call.js');

function html(markup) {
  document.body.innerHTML = markup;
  return document.body.firstElementChild;
}

test('form fields: text, checkbox, radio group, select, textarea, several of one name, missing', () => {
  const form = html(`<form>
      <input name="title" value="milk">
      <input type="checkbox" name="done" checked><input type="checkbox" name="urgent">
      <input type="radio" name="size" value="s"><input type="radio" name="size" value="m" checked>
      <input type="radio" name="color" value="red"><input type="radio" name="color" value="blue">
      <input type="radio" name="lonely" value="x">
      <select name="pick"><option>a</option><option selected>b</option></select>
      <textarea name="notes">hello</textarea>
      <input type="checkbox" name="tag" value="x" checked><input type="checkbox" name="tag" value="y">
      <input type="checkbox" name="tag" value="z" checked>
      <input name="line" value="1"><input name="line" value="2">
    </form>`);
  form.elements.title.value = 'bread'; // typed, not the attribute
  assert.equal(field(form, 'title'), 'bread');
  assert.equal(field(form, 'done'), true);
  assert.equal(field(form, 'urgent'), false);
  assert.equal(field(form, 'size'), 'm');
  assert.equal(field(form, 'color'), null);
  assert.equal(field(form, 'lonely'), null);
  assert.equal(field(form, 'pick'), 'b');
  assert.equal(field(form, 'notes'), 'hello');
  assert.deepEqual(field(form, 'tag'), ['x', 'z']);
  assert.deepEqual(field(form, 'line'), ['1', '2']);
  assert.equal(field(form, 'nope'), null);
  const multi = html(`<form><select name="toppings" multiple><option selected>ham</option><option>egg</option>
    <option selected>cheese</option></select></form>`);
  assert.deepEqual(field(multi, 'toppings'), ['ham', 'cheese']);
  assert.equal(field(null, 'title'), null);
});

test('argument values: literals, value, checked, fields', () => {
  const form = html(`<form><input name="q" value="abc"><input type="checkbox" id="cb" checked>
    <button id="b" value="7">go</button></form>`);
  const call = parseCall('f(1,"x",null,["value"],["checked"],["q"],["missing"])');
  const cb = document.getElementById('cb');
  // A name no field has stands for the whole form, bound to a record parameter on the server
  assert.deepEqual(argValues(call.args, cb, form), [1, 'x', null, true, true, 'abc', { q: 'abc' }]);
  cb.checked = false;
  assert.deepEqual(argValues(call.args, cb, form), [1, 'x', null, false, false, 'abc', { q: 'abc' }]);
  assert.deepEqual(argValues(call.args, document.getElementById('b'), form),
    [1, 'x', null, '7', false, 'abc', { q: 'abc' }]);
  // Without a form there is nothing to read
  assert.deepEqual(argValues(parseCall('f(["missing"])').args, cb, null), [null]);
  // An element without a value gives null, not undefined (which JSON would drop)
  assert.deepEqual(argValues(parseCall('f(["value"])').args, form, form), [null]);
});

test('the whole form: every named field but buttons, checkbox groups as lists', () => {
  const form = html(`<form><input name="name" value="Ada"><input name="age" value="36">
    <input type="checkbox" name="terms" checked><input name="off" value="x" disabled>
    <input type="checkbox" name="tags" value="a" checked><input type="checkbox" name="tags" value="b" checked>
    <input name="address.street" value="Main"><button name="go" value="1">go</button></form>`);
  assert.deepEqual(fields(form),
    { name: 'Ada', age: '36', terms: true, tags: ['a', 'b'], 'address.street': 'Main' });
});

test('the whole form: fields named like what every object has come through as their own members', () => {
  // constructor, toString, hasOwnProperty, __proto__, valueOf, ...: every name Object.prototype has
  const names = Object.getOwnPropertyNames(Object.prototype);
  assert.ok(names.includes('__proto__') && names.includes('constructor'));
  const form = html(`<form>${names.map(n => `<input name="${n}" value="${n}!">`).join('')}
    <input type="checkbox" name="isPrototypeOf" value="x" checked><input name="plain" value="p"></form>`);
  const all = fields(form);
  const expected = [...names.map(n => [n, n === 'isPrototypeOf' ? ['isPrototypeOf!', 'x'] : n + '!']), ['plain', 'p']];
  assert.deepEqual(Object.entries(all), expected, 'each an own member, in form order');
  assert.equal(Object.getPrototypeOf(all), Object.prototype, '__proto__ did not set the prototype');
  assert.deepEqual(Object.entries(JSON.parse(JSON.stringify(all))), expected, 'and JSON shows every one of them');
  assert.match(JSON.stringify(all), /^\{"constructor":"constructor!",.*"__proto__":"__proto__!"/);
  // By name, as arguments, too; a name no field has still gives the whole form
  assert.deepEqual(argValues(parseCall('f(["constructor"],["__proto__"],["toString"],["hasOwnProperty"],["missing"])').args, form, form),
    ['constructor!', '__proto__!', 'toString!', 'hasOwnProperty!', all]);
  // A form without such fields gives none of those names
  assert.deepEqual(Object.keys(fields(html('<form><input name="a" value="1"></form>'))), ['a']);
});

test('morph applies the server HTML and keeps runtime classes', () => {
  const root = html(`<div data-live-id="A" class="box live-connected"><h2>Count: 1</h2>
    <button class="live-loading">+</button></div>`);
  const button = root.querySelector('button');
  morph(root, `<div data-live-id="A" class="box"><h2>Count: 2</h2><button>+</button><p>new</p></div>`);
  assert.equal(root.querySelector('h2').textContent, 'Count: 2');
  assert.equal(root.querySelector('p').textContent, 'new');
  assert.ok(root.classList.contains('live-connected'));
  assert.equal(root.querySelector('button'), button, 'morphed in place, not replaced');
  assert.ok(button.classList.contains('live-loading'));
});

test('morph keeps the value and caret of the focused field, but updates its other attributes', () => {
  const root = html(`<div data-live-id="A"><input id="i" value="" class="a"><textarea id="t">old</textarea>
    <p>1</p></div>`);
  const input = document.getElementById('i');
  input.focus();
  input.value = 'typed';
  input.setSelectionRange(2, 3);
  morph(root, `<div data-live-id="A"><input id="i" value="server" class="b" placeholder="p"><textarea id="t">new</textarea>
    <p>2</p></div>`);
  assert.equal(document.activeElement, input);
  assert.equal(input.value, 'typed');
  assert.deepEqual([input.selectionStart, input.selectionEnd], [2, 3]);
  assert.equal(input.className, 'b');
  assert.equal(input.getAttribute('placeholder'), 'p');
  assert.equal(root.querySelector('p').textContent, '2');
  // Not focused: the server's value wins
  assert.equal(document.getElementById('t').value, 'new');

  const textarea = document.getElementById('t');
  textarea.focus();
  textarea.value = 'mine';
  morph(root, `<div data-live-id="A"><input id="i" value="server2"><textarea id="t">newer</textarea><p>3</p></div>`);
  assert.equal(textarea.value, 'mine');
  assert.equal(input.value, 'server2');
  assert.equal(input.hasAttribute('class'), false, 'attributes the server dropped are removed');
  assert.equal(root.querySelector('p').textContent, '3');

  input.focus();
  input.value = 'again';
  morph(root, `<div data-live-id="A"><input id="i" value="server3" class="c" placeholder="q"><textarea id="t">x</textarea></div>`);
  morph(root, `<div data-live-id="A"><input id="i" value="server4"><textarea id="t">x</textarea></div>`);
  assert.equal(input.value, 'again');
  assert.deepEqual([input.hasAttribute('class'), input.hasAttribute('placeholder')], [false, false],
    'attributes the server dropped are removed from the focused field too');
});

test('the focused field survives new elements before it, with no id to go by', () => {
  const root = html(`<div data-live-id="A"><form><label>Email</label><input name="email" data-live-input='check(["value"])'>
    <input name="email2"></form></div>`);
  const input = root.querySelector('[name=email]');
  input.focus();
  input.value = 'me@exa';
  input.setSelectionRange(6, 6);
  morph(root, `<div data-live-id="A"><p class="error">Invalid</p><form><label>Email</label><p>must contain a dot</p>
    <div><input name="email" data-live-input='check(["value"])' class="bad"></div><input name="email2"></form></div>`);
  assert.equal(root.querySelector('[name=email]'), input, 'the same element, moved into its new place');
  assert.equal(input.parentElement.tagName, 'DIV');
  assert.equal(input.className, 'bad');
  assert.equal(input.value, 'me@exa');
  assert.equal(document.activeElement, input);
  assert.deepEqual([input.selectionStart, input.selectionEnd], [6, 6]);
  assert.equal(root.querySelectorAll('p').length, 2);
});

test('fields keep what was typed when elements are inserted before them', () => {
  const row = n => `<form><input type="hidden" name="id" value="${n}"><input name="t"><input type="radio" name="r" value="a">
    <input type="radio" name="r" value="b"></form>`;
  const root = html(`<div data-live-id="A">${row(1)}${row(2)}</div>`);
  const fields = [...root.querySelectorAll('input')];
  fields[1].value = 'one';
  fields[5].value = 'two';
  fields[7].checked = true;
  morph(root, `<div data-live-id="A"><p>new</p>${row(1)}<hr>${row(2)}</div>`);
  const now = [...root.querySelectorAll('input')];
  assert.equal(now.length, fields.length);
  now.forEach((el, i) => assert.ok(el === fields[i], `field ${i} is the same element`));
  assert.deepEqual([now[1].value, now[5].value, now[7].checked], ['one', 'two', true]);
  assert.deepEqual([...root.children].map(e => e.tagName), ['P', 'FORM', 'HR', 'FORM']);
});

test('nested components are matched by their id, not their position', () => {
  const root = html(`<div data-live-id="P"><div data-live-id="C1">one</div><div data-live-id="C2">two</div></div>`);
  const [c1, c2] = root.children;
  c2.append('!'); // its own update, which the parent's HTML does not have
  morph(root, `<div data-live-id="P"><div data-live-id="C0">zero</div><div data-live-id="C2">two</div></div>`);
  assert.deepEqual([...root.children].map(e => e.textContent), ['zero', 'two!']);
  assert.ok(root.children[1] === c2);
  assert.ok(!c1.isConnected);
});

test('morph keeps a focused select and a field whose HTML did not change', () => {
  const root = html(`<div data-live-id="A"><select id="s"><option>a</option><option>b</option></select>
    <input id="other" name="other"><p>1</p></div>`);
  const select = document.getElementById('s');
  const other = document.getElementById('other');
  other.value = 'half typed';
  select.focus();
  select.value = 'b';
  morph(root, `<div data-live-id="A"><select id="s"><option selected>a</option><option>b</option></select>
    <input id="other" name="other"><p>2</p></div>`);
  assert.equal(select.value, 'b');
  assert.equal(other.value, 'half typed', 'the server rendered the same field, so the typed text stays');
  assert.equal(root.querySelector('p').textContent, '2');
  select.blur();
  morph(root, `<div data-live-id="A"><select id="s"><option selected>a</option><option>b</option></select>
    <input id="other" name="other" value="from server"><p>3</p></div>`);
  assert.equal(other.value, 'from server', 'a field the server changed takes the new value');
});

test('morph leaves a nested component alone', () => {
  const root = html(`<div data-live-id="P"><span>p1</span><div data-live-id="C"><span>c1</span></div></div>`);
  morph(root, `<div data-live-id="P"><span>p2</span><div data-live-id="C"><span>stale</span></div></div>`);
  assert.equal(root.querySelector('span').textContent, 'p2');
  assert.equal(root.querySelector('[data-live-id=C] span').textContent, 'c1');
  morph(root, `<div data-live-id="P"><span>p3</span><div data-live-id="D"><span>d1</span></div></div>`);
  assert.equal(root.querySelector('[data-live-id=D] span').textContent, 'd1', 'another component replaces it');
});

test('morph: keyed elements keep their identity when reordered, removed and inserted; text follows', () => {
  const item = (id, text) => `<li id="i${id}">${text}</li>`;
  const root = html(`<div data-live-id="A"><ul>${item(1, 'one')}${item(2, 'two')}${item(3, 'three')}</ul><!-- note --></div>`);
  const [one, , three] = root.querySelectorAll('li');
  morph(root, `<div data-live-id="A"><ul>${item(3, 'THREE')}${item(4, 'four')}${item(1, 'one')}</ul>tail</div>`);
  const now = [...root.querySelectorAll('li')];
  assert.deepEqual(now.map(li => li.textContent), ['THREE', 'four', 'one']);
  assert.ok(now[0] === three && now[2] === one, 'moved, not rebuilt');
  assert.equal(root.innerHTML, '<ul><li id="i3">THREE</li><li id="i4">four</li><li id="i1">one</li></ul>tail');
});

test('morph: an element of another tag at the same place is replaced; attributes follow the server', () => {
  const root = html(`<div data-live-id="A" title="x"><p class="a">p</p><span>s</span></div>`);
  morph(root, `<div data-live-id="A" lang="en"><span>s2</span><p class="b" hidden>p2</p></div>`);
  assert.equal(root.outerHTML, '<div data-live-id="A" lang="en"><span>s2</span><p class="b" hidden="">p2</p></div>');
});

test('morph: a field that is not focused takes the value, checked state and selection the server renders', () => {
  const root = html(`<div data-live-id="A"><input id="c" type="checkbox" checked><select id="s"><option>a</option>
    <option>b</option></select><input id="t" value="x"><input id="b" type="submit"></div>`);
  const [c, s, t, b] = ['c', 's', 't', 'b'].map(id => document.getElementById(id));
  c.checked = false;
  s.value = 'b';
  t.value = 'typed';
  morph(root, `<div data-live-id="A"><input id="c" type="checkbox" checked class="x"><select id="s"><option selected>a</option>
    <option>b</option></select><input id="t" value="y"><input id="b" type="submit"></div>`);
  assert.deepEqual([c.checked, s.value, t.value], [true, 'a', 'y']);
  assert.equal(b.hasAttribute('value'), false, 'no value attribute the server did not render');
});

test('morph: keep(field) keeps a field that is not focused, the way the focused one is kept', () => {
  const root = html(`<div data-live-id="A"><input id="k" value="a"><input id="o" value="a"></div>`);
  const [k, o] = [document.getElementById('k'), document.getElementById('o')];
  k.value = o.value = 'abc';
  morph(root, `<div data-live-id="A"><input id="k" value="ab" class="c"><input id="o" value="ab"></div>`, f => f === k);
  assert.deepEqual([k.value, k.className, o.value], ['abc', 'c', 'ab']);
});

test('morph: a form whose fields are named like form properties (checked, value) is morphed like any element', () => {
  const root = html(`<div data-live-id="A"><form><input type="checkbox" name="checked"><input name="value" value="1">
    </form></div>`);
  const form = root.querySelector('form');
  // In browsers a form's field shadows the form's property of its name (form.checked is the field named checked),
  // read-only. jsdom does not do it: do it here
  for (const name of ['checked', 'value']) Object.defineProperty(form, name, { get: () => form.elements.namedItem(name) });
  morph(root, `<div data-live-id="A"><form class="x"><input type="checkbox" name="checked" checked>
    <input name="value" value="2"></form></div>`);
  assert.equal(form.className, 'x');
  assert.equal(form.elements.namedItem('checked').checked, true);
  assert.equal(form.elements.namedItem('value').value, '2');
});

test('morph: a keyed element moved into a new wrapper keeps its keyed children', () => {
  const root = html(`<div data-live-id="A"><p id="k"><b id="x">x</b></p></div>`);
  const [p, b] = root.querySelectorAll('*');
  morph(root, `<div data-live-id="A"><div><p id="k"><b id="x">x</b></p></div></div>`);
  assert.equal(root.outerHTML, '<div data-live-id="A"><div><p id="k"><b id="x">x</b></p></div></div>');
  assert.ok(root.querySelector('p') === p && root.querySelector('b') === b);
});

test('morph: a form wrapped in a new section keeps its fields and what was typed into them', () => {
  const form = `<form id="f"><input name="a"><input name="b"><textarea name="c"></textarea></form>`;
  const root = html(`<div data-live-id="A">${form}</div>`);
  const fields = [...root.querySelectorAll('input,textarea')];
  fields.forEach((f, i) => f.value = 'typed ' + i);
  morph(root, `<div data-live-id="A"><section><h2>Edit</h2>${form}</section></div>`);
  assert.equal(root.outerHTML, `<div data-live-id="A"><section><h2>Edit</h2>${form}</section></div>`);
  assert.deepEqual([...root.querySelectorAll('input,textarea')].map(f => f.value), ['typed 0', 'typed 1', 'typed 2']);
});

test('morph: a textarea shows the text the server renders between its tags', () => {
  const root = html(`<div data-live-id="A"><textarea name="a"></textarea><textarea name="b">old</textarea></div>`);
  const [a, b] = root.children;
  b.value = 'typed';
  morph(root, `<div data-live-id="A"><textarea name="a">first</textarea><textarea name="b">new</textarea></div>`);
  assert.deepEqual([a.value, b.value], ['first', 'new']);
});

test('morph: a select follows the options the server marks selected', () => {
  const root = html(`<div data-live-id="A"><select name="one"><option>a</option><option selected>b</option></select>
    <select name="many" multiple><option selected>x</option><option>y</option><option>z</option></select>
    <select name="empty"></select></div>`);
  const [one, many, empty] = root.querySelectorAll('select');
  one.value = 'a';
  morph(root, `<div data-live-id="A"><select name="one"><option>a</option><option selected>b</option><option>c</option></select>
    <select name="many" multiple><option>x</option><option selected>y</option><option selected>z</option></select>
    <select name="empty"><option>p</option><option selected>q</option></select></div>`);
  assert.equal(one.value, 'b', 'the user\'s choice gives way to the server\'s, as for any field whose HTML changed');
  assert.deepEqual([...many.selectedOptions].map(o => o.value), ['y', 'z']);
  assert.equal(empty.value, 'q');
});

test('morph: a template gets its new content', () => {
  const root = html(`<div data-live-id="A"><template id="t"><li>one</li></template></div>`);
  const template = root.firstChild;
  morph(root, `<div data-live-id="A"><template id="t"><li>two</li></template></div>`);
  assert.ok(root.firstChild === template);
  assert.equal(template.innerHTML, '<li>two</li>');
});

test('morph: a root whose tag changes is replaced, and returned; what it held that has a key moves along', () => {
  const root = html(`<div data-live-id="A" class="live-connected"><input name="q"><p>x</p></div>`);
  const input = root.querySelector('input');
  input.value = 'typed';
  const now = morph(root, `<section data-live-id="A"><input name="q"><p>y</p></section>`);
  assert.equal(now.outerHTML, '<section data-live-id="A" class="live-connected"><input name="q"><p>y</p></section>');
  assert.ok(document.body.firstElementChild === now && !root.isConnected);
  assert.ok(now.firstChild === input && input.value === 'typed');
  assert.equal(morph(now, '<section data-live-id="A"><p>z</p></section>'), now, 'same tag: the same root');
});

test('morph: what was typed into an unkeyed row stays with that row when the server inserts one above', () => {
  const row = text => `<li>${text} <input name="qty"><input type="checkbox" name="gift"></li>`;
  const root = html(`<ul data-live-id="A">${row('Milk')}${row('Eggs')}</ul>`);
  const [milk, eggs] = root.children;
  milk.querySelector('[name=qty]').value = '2';
  eggs.querySelector('[name=gift]').checked = true;
  morph(root, `<ul data-live-id="A">${row('Bread')}${row('Milk')}${row('Eggs')}</ul>`);
  assert.deepEqual([...root.children].map(li => li.textContent.trim()), ['Bread', 'Milk', 'Eggs']);
  assert.ok(root.children[1] === milk && root.children[2] === eggs);
  assert.deepEqual([...root.querySelectorAll('[name=qty]')].map(f => f.value), ['', '2', '']);
  assert.deepEqual([...root.querySelectorAll('[name=gift]')].map(f => f.checked), [false, false, true]);
  // And when the server removes the row above
  morph(root, `<ul data-live-id="A">${row('Milk')}${row('Eggs')}</ul>`);
  assert.deepEqual([...root.querySelectorAll('[name=qty]')].map(f => f.value), ['2', '']);
  assert.deepEqual([...root.querySelectorAll('[name=gift]')].map(f => f.checked), [false, true]);
});

test('morph: keep(field) is for the fields of the page; new ones come with their value, text and options', () => {
  const root = html(`<div data-live-id="A"><input name="a" value="1"></div>`);
  const a = root.firstChild;
  a.value = 'typed';
  morph(root, `<div data-live-id="A"><input name="a" value="2"><input name="b" value="3"><textarea name="c">text</textarea>
    <select name="d"><option>x</option><option selected>y</option></select></div>`, () => true);
  const [, b, c, d] = root.querySelectorAll('input,textarea,select');
  assert.deepEqual([a.value, b.value, c.value, d.value, d.options.length], ['typed', '3', 'text', 'y', 2]);
});

test('morph: alike unkeyed rows, one of which the server marks: each keeps its own field and what was typed', () => {
  const row = (bad = '') => `<p class="row${bad && ' bad'}"><input name="email">${bad}</p>`;
  const root = html(`<form data-live-id="A">${row()}${row()}${row()}</form>`);
  const fields = [...root.querySelectorAll('input')];
  fields.forEach((f, i) => f.value = 'mail ' + i);
  fields[1].focus();
  morph(root, `<form data-live-id="A">${row()}${row('<span>not an address</span>')}${row()}</form>`);
  assert.equal(root.children[1].className, 'row bad');
  [...root.querySelectorAll('input')].forEach((f, i) => {
    assert.ok(f === fields[i], `field ${i} is the same element`);
    assert.equal(f.value, 'mail ' + i);
  });
  assert.equal(document.activeElement, fields[1]);
});
