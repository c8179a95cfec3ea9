// The morph against the scenarios of two published morph test suites, morphdom's (its autotest fixtures and browser
// tests) and idiomorph's, written anew in our own HTML; each case names the one it follows. Every case morphs a root
// and checks that the page then shows what the new HTML parses to: the same HTML and, for form controls, the same
// live state (value, checked, selected) as a fresh render of it. Where it matters, also which elements were kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!doctype html><body><main></main><aside></aside></body>');
const { document } = window;
globalThis.document = document;
const { morph } = await import('../src/dom.js');
const main = document.querySelector('main');
const aside = document.querySelector('aside');

// A component root with this content
const A = inner => `<div data-live-id="A">${inner}</div>`;

// Puts the root element of `markup` on the page
function page(markup) {
  main.innerHTML = markup;
  return main.firstElementChild;
}

// The live state of the form controls under el, which the HTML does not show
const state = el => [...el.querySelectorAll('input,textarea,select,option')].map(c =>
  c.tagName === 'OPTION' ? c.selected : c.tagName === 'SELECT' ? c.selectedIndex : [c.value, c.checked, c.disabled]);

// Morphs `root` into `to` and checks that the page shows what `to` shows when rendered afresh, live state too unless
// the case has the user type into fields the server renders as before; returns the root
function check(root, to, live = true) {
  const now = morph(root, to);
  aside.innerHTML = to;
  const fresh = aside.firstElementChild;
  assert.equal(now.outerHTML, fresh.outerHTML);
  if (live) assert.deepEqual(state(now), state(fresh), 'live state of the form controls');
  assert.equal(main.firstElementChild, now, 'the root returned is the one on the page');
  return now;
}

// Asserts that the elements found by `selector` now are the very ones of `before`
function kept(root, selector, before) {
  const now = [...root.querySelectorAll(selector)];
  assert.equal(now.length, before.length);
  now.forEach((el, i) => assert.ok(el === before[i], `${selector} #${i} is the same element`));
}

// What changed in the page while `run` ran
function mutations(run) {
  const observer = new window.MutationObserver(() => {});
  observer.observe(main, { subtree: true, childList: true, attributes: true, characterData: true });
  run();
  return observer.takeRecords();
}

const all = root => [...root.querySelectorAll('*')];

// --- attributes

// morphdom autotest "one"
test('a class of the root changes', () => {
  check(page('<div data-live-id="A" class="card"><p>x</p></div>'), '<div data-live-id="A" class="card open"><p>x</p></div>');
});

// morphdom autotest "two"
test('classes of the root and of a child change together', () => {
  const root = page('<div data-live-id="A" class="a"><span class="b">s</span></div>');
  const span = root.firstChild;
  check(root, '<div data-live-id="A" class="c"><span class="d">s</span></div>');
  assert.ok(root.firstChild === span);
});

// idiomorph fidelity "morphs attributes correctly"
test('an attribute value changes, the element stays', () => {
  const root = page(A('<button class="buy">Buy</button>'));
  const before = all(root);
  check(root, A('<button class="buy wide">Buy</button>'));
  kept(root, '*', before);
});

// idiomorph fidelity "morphs multiple attributes correctly twice"
test('many attributes added, then all of them removed again', () => {
  const plain = A('<article class="note">one</article>');
  const rich = A('<article class="note big" title="t" data-a="1" data-b="2" lang="en" hidden>two</article>');
  const root = page(plain);
  check(root, rich);
  check(root, plain);
});

// morphdom autotest "attr-value-empty-string"
test('a checked checkbox gains a value attribute and stays checked', () => {
  const root = page(A('<input type="checkbox" name="ok" checked="">'));
  check(root, A('<input type="checkbox" name="ok" checked="" value="yes">'));
  assert.equal(root.firstChild.checked, true);
});

// morphdom autotest "input-element-disabled"
test('a field becomes disabled', () => {
  const root = page(A('<input name="n" value="v">'));
  check(root, A('<input name="n" value="v" disabled>'));
  assert.equal(root.firstChild.disabled, true);
});

// morphdom autotest "input-element-enabled"
test('a disabled field becomes enabled', () => {
  const root = page(A('<input name="n" disabled value="v">'));
  check(root, A('<input name="n" value="v">'));
  assert.equal(root.firstChild.disabled, false);
});

// morphdom browser "disabled works with multiple attributes/properties on element (need reverse for loop)"
test('several attributes are removed at once, disabled among them', () => {
  const root = page(A('<form><button type="submit" data-x="1" disabled data-y="2">Send</button></form>'));
  check(root, A('<form><button type="submit">Send</button></form>'));
  assert.equal(root.querySelector('button').disabled, false);
});

// idiomorph fidelity "issue https://github.com/bigskysoftware/idiomorph/issues/11"
test('a class and disabled set by script go when the server renders neither', () => {
  const root = page(A('<fieldset id="f"></fieldset>'));
  const set = root.firstChild;
  set.classList.add('x');
  set.disabled = true;
  check(root, A('<fieldset id="f">hello</fieldset>'));
  assert.deepEqual([set.classList.length, set.disabled, set.textContent], [0, false, 'hello']);
});

// --- text, comments, whitespace

// idiomorph fidelity "morphs text correctly"
test('the text of a button changes', () => {
  const root = page(A('<button>Save</button>'));
  const text = root.firstChild.firstChild;
  check(root, A('<button>Saved</button>'));
  assert.ok(root.firstChild.firstChild === text, 'the text node is updated, not replaced');
});

// idiomorph fidelity "should morph a node"
test('part of a paragraph changes', () => {
  check(page(A('<p>hello <b>world</b></p>')), A('<p>hello <b>you</b></p>'));
});

// idiomorph fidelity "should stay same if same"
test('the same HTML again changes nothing', () => {
  const html = A('<p>same <i>thing</i></p>');
  const root = page(html);
  assert.deepEqual(mutations(() => check(root, html)), []);
});

// morphdom browser "should not alter the DOM unnecessarily in the presence of comments"
test('the same HTML with comments changes nothing', () => {
  const html = A('<!-- list --><ul class="x"><li>a</li><!-- end --></ul> tail');
  const root = page(html);
  assert.deepEqual(mutations(() => check(root, html)), []);
});

// morphdom autotest "equal"
test('a larger unchanged tree with fields changes nothing', () => {
  const item = i => `<li id="t${i}"><label><input type="checkbox" name="done${i}"${i % 2 ? ' checked' : ''}> task ${i}</label>
      <button data-live-click="remove(${i})">x</button></li>`;
  const html = A(`<header><h1>Tasks</h1><form><input name="title" placeholder="new"></form></header>
    <ul>${[1, 2, 3, 4, 5].map(item).join('\n')}</ul><footer><span>3 left</span><a href="#/all">all</a></footer>`);
  const root = page(html);
  root.querySelector('[name=title]').value = 'typed';
  assert.deepEqual(mutations(() => morph(root, html)), []);
  assert.equal(root.querySelector('[name=title]').value, 'typed');
});

// morphdom autotest "text-to-text"
test('a text child changes', () => {
  check(page(A('hello')), A('world'));
});

// morphdom autotest "tag-to-text"
test('an element child becomes text', () => {
  check(page(A('<span>hello</span>')), A('world'));
});

// morphdom autotest "text-to-tag"
test('a text child becomes an element', () => {
  check(page(A('hello')), A('<span>world</span>'));
});

// morphdom autotest "reverse"
test('text and elements mixed: one element changes tag, more text and an element follow', () => {
  check(page(A('\n  one\n  <b>bold</b>\n  two\n')), A('\n  one\n  <i>italic</i>\n  two\n  <span>span</span>\n  three\n'));
});

// morphdom autotest "simple-text-el"
test('leading text goes, an element comes before the kept one', () => {
  const root = page(A('\n  first\n  <b>bold</b>\n  last\n'));
  const b = root.querySelector('b');
  check(root, A('\n  <i>italic</i>\n  <b>bold</b>\n'));
  assert.ok(root.querySelector('b') === b);
});

// idiomorph fidelity "morphs white space"
test('trailing whitespace appears', () => {
  check(page(A('<p>A</p><p>B</p>')), A('<p>C</p><p>D</p>  '));
});

// idiomorph fidelity "morphs white space", the other way round
test('indentation changes around unchanged elements, which stay', () => {
  const root = page(A('<p>A</p><p>B</p>'));
  const before = all(root);
  check(root, A('\n    <p>A</p>\n    <p>B</p>\n'));
  kept(root, '*', before);
});

// morphdom browser "should not alter the DOM unnecessarily in the presence of comments"
test('comments, text and elements mixed: a comment changes, one is inserted, text moves', () => {
  const root = page(A('<!-- a -->x<p>1</p><!-- b -->y'));
  const p = root.querySelector('p');
  check(root, A('<!-- a2 --><!-- new -->x<p>2</p>z<!-- b -->y'));
  assert.ok(root.querySelector('p') === p);
});

// --- unkeyed children

// idiomorph fidelity "drops content"
test('all children go', () => {
  check(page(A('<p>A</p><p>B</p>')), A(''));
});

// idiomorph fidelity "adds content"
test('children come into an empty root', () => {
  check(page(A('')), A('<p>A</p><p>B</p>'));
});

// idiomorph fidelity "should append a node"
test('a child is appended', () => {
  const root = page(A('<main></main>'));
  check(root, A('<main><p>hello you</p></main>'));
});

// morphdom autotest "simple"
test('an element of another tag is inserted before a kept one', () => {
  const root = page(A('<b>bold</b>'));
  const b = root.firstChild;
  check(root, A('<i>italic</i><b>bold</b>'));
  assert.ok(root.lastChild === b);
});

// morphdom autotest "lengthen"
test('an element is appended after keyed ones', () => {
  check(page(A('<div id="r0">0</div>\n<div id="r1">1</div>')), A('<div id="r0">0</div>\n<div id="r1">1</div>\n<span>after</span>'));
});

// morphdom autotest "shorten"
test('the last element is removed after keyed ones', () => {
  check(page(A('<div id="r0">0</div>\n<div id="r1">1</div>\n<span>after</span>')), A('<div id="r0">0</div>\n<div id="r1">1</div>'));
});

// idiomorph ops "removing anonymous siblings"
test('unkeyed siblings around one are removed; that one stays', () => {
  const root = page(A('<a>A</a><b>B</b><i>C</i>'));
  const b = root.querySelector('b');
  check(root, A('<b>B</b>'));
  assert.ok(root.firstChild === b);
});

// idiomorph ops "appending a new softmatchable node onto the end"
test('an element like the others is appended; the others stay', () => {
  const root = page(A('<li>A</li><li>B</li>'));
  const before = all(root);
  check(root, A('<li>A</li><li>B</li><li>New</li>'));
  kept(root, 'li:not(:last-child)', before);
});

// idiomorph ops "prepending a new softmatchable node onto the beginning" (skipped there)
test('an element like the others is prepended; the others stay', () => {
  const root = page(A('<li>A</li><li>B</li>'));
  const before = all(root);
  check(root, A('<li>New</li><li>A</li><li>B</li>'));
  kept(root, 'li:not(:first-child)', before);
});

// idiomorph ops "inserting a new softmatchable node into the middle" (skipped there)
test('an element like the others is inserted in the middle; the others stay', () => {
  const root = page(A('<li>A</li><li>B</li><li>C</li><li>D</li>'));
  const before = all(root);
  check(root, A('<li>A</li><li>B</li><li>New</li><li>C</li><li>D</li>'));
  kept(root, 'li:not(:nth-child(3))', before);
});

// idiomorph ops "removing a softmatchable node from the front" (skipped there)
test('the first of alike elements is removed; the others stay', () => {
  const root = page(A('<li>A</li><li>B</li><li>C</li>'));
  const [, b, c] = all(root);
  check(root, A('<li>B</li><li>C</li>'));
  kept(root, 'li', [b, c]);
});

// idiomorph ops "removing a softmatchable node from the end"
test('the last of alike elements is removed; the others stay', () => {
  const root = page(A('<li>A</li><li>B</li><li>C</li>'));
  const [a, b] = all(root);
  check(root, A('<li>A</li><li>B</li>'));
  kept(root, 'li', [a, b]);
});

// idiomorph ops "reordering anonymous siblings" (skipped there)
test('alike unkeyed elements are reordered; each stays itself', () => {
  const root = page(A('<li>A</li><li>B</li><li>C</li>'));
  const [a, b, c] = all(root);
  check(root, A('<li>C</li><li>B</li><li>A</li>'));
  kept(root, 'li', [c, b, a]);
});

// morphdom browser "Should remove child nodes - nodes to be removed first"
test('unkeyed elements before a keyed one are removed', () => {
  const root = page(A('<span></span><span></span><span></span><span id="last"></span>'));
  const last = root.lastChild;
  check(root, A('<span id="last"></span>'));
  assert.ok(root.firstChild === last);
});

// morphdom browser "Should remove child nodes - nodes to be removed last"
test('unkeyed elements after a keyed one are removed', () => {
  const root = page(A('<span id="first"></span><span></span><span></span><span></span>'));
  const first = root.firstChild;
  check(root, A('<span id="first"></span>'));
  assert.ok(root.firstChild === first);
});

// --- keyed children

// idiomorph ops "removing IDed siblings"
test('keyed siblings around one are removed; that one stays', () => {
  const root = page(A('<a id="a">A</a><b id="b">B</b><i id="c">C</i>'));
  const b = root.querySelector('#b');
  check(root, A('<b id="b">B</b>'));
  assert.ok(root.firstChild === b);
});

// idiomorph ops "reordering IDed siblings"
test('keyed siblings are reversed; each stays itself', () => {
  const root = page(A('<a id="a">A</a><b id="b">B</b><i id="c">C</i>'));
  const [a, b, c] = all(root);
  check(root, A('<i id="c">C</i><b id="b">B</b><a id="a">A</a>'));
  kept(root, '*', [c, b, a]);
});

// morphdom autotest "reverse-ids"
test('keyed siblings swap places and change attributes', () => {
  const root = page(A('<div id="x" class="x1">x</div><div id="y" class="y1">y</div>'));
  const [x, y] = all(root);
  check(root, A('<div id="y" class="y2">y</div><div id="x" class="x2">x</div>'));
  kept(root, '*', [y, x]);
});

// morphdom autotest "simple-ids"
test('an element is prepended among text and keyed elements, a later one changes class', () => {
  const root = page(A('\n  1\n  <div id="w1" class="w">2</div>\n  3\n  <span class="tail">4</span>\n  5\n'));
  const w1 = root.querySelector('#w1');
  check(root, A('\n  <span>before</span>\n  1\n  <div id="w1" class="w">2</div>\n  3\n  <span class="tail2">4</span>\n  5\n'));
  assert.ok(root.querySelector('#w1') === w1);
});

// morphdom autotest "ids-prepend"
test('an unkeyed element is prepended to a keyed one', () => {
  const root = page(A('<div id="box"><b id="one">1</b></div>'));
  const one = root.querySelector('#one');
  check(root, A('<div id="box"><i></i><b id="one">1</b></div>'));
  assert.ok(root.querySelector('#one') === one);
});

// morphdom browser "should determine correct matching elements by id"
test('the first of two keyed elements goes; the second is the same element', () => {
  const root = page(A('<span id="s1"></span><span id="s2"></span>'));
  const s2 = root.lastChild;
  check(root, A('<span id="s2"></span>'));
  assert.ok(root.firstChild === s2);
});

// morphdom autotest "ids-nested"
test('a keyed element leaves its unkeyed wrapper', () => {
  const root = page(A('<b><i id="it">it</i>bar</b>'));
  const it = root.querySelector('#it');
  check(root, A('<i id="it">it</i>'));
  assert.ok(root.firstChild === it);
});

// morphdom autotest "ids-nested-2"
test('a keyed element leaves its wrapper and its content changes', () => {
  const root = page(A('<b><i id="it"><strong>strong</strong>text</i>bar</b>'));
  const it = root.querySelector('#it');
  check(root, A('<i id="it"><s>struck</s></i>'));
  assert.ok(root.firstChild === it);
});

// morphdom autotest "ids-nested-3"
test('a wrapper goes with nested keyed elements no longer rendered', () => {
  check(page(A('<b><i id="it"><strong id="st">strong</strong>text</i>bar</b>')), A('<s>struck</s>'));
});

// morphdom autotest "ids-nested-4"
test('a new keyed element with a keyed child goes before an old one whose child changes', () => {
  const root = page('<div data-live-id="A" id="root"><div id="bar"><b id="bar-b">bold</b></div></div>');
  const [bar, barB] = all(root);
  check(root, '<div data-live-id="A" id="root"><div id="foo"><b id="foo-b">foo</b></div><div id="bar"><b id="bar-b">bar</b></div></div>');
  assert.ok(root.querySelector('#bar') === bar && root.querySelector('#bar-b') === barB);
});

// morphdom autotest "ids-nested-5"
test('a new keyed element goes before an old one whose keyed child is replaced by another', () => {
  const root = page(A('\n  <div id="bar">\n    <b id="bar-b">bold</b>\n  </div>\n'));
  const bar = root.querySelector('#bar');
  check(root, A('\n  <div id="foo">\n    <b id="foo-b">foo</b>\n  </div>\n  <div id="bar">\n    <i id="bar-i">bar</i>\n  </div>\n'));
  assert.ok(root.querySelector('#bar') === bar);
});

// morphdom autotest "ids-nested-6"
test('nesting is inverted: the keyed child becomes the parent of a new keyed element', () => {
  check(page(A('<div id="bar">\n  <b id="bar-b">foo</b>\n</div>')), A('<b id="foo-b">\n  <div id="foo">foo</div>\n</b>'));
});

// morphdom autotest "ids-nested-7"; idiomorph fidelity "should wrap an IDed node"
test('a keyed element is wrapped into a new element', () => {
  const root = page(A('<i id="it">it</i>'));
  const it = root.firstChild;
  check(root, A('<b><i id="it">it</i>bar</b>'));
  assert.ok(root.querySelector('#it') === it);
});

// idiomorph fidelity "should wrap an anonymous node"
test('an unkeyed element is wrapped into a new element', () => {
  check(page(A('<hr>')), A('<div><hr></div>'));
});

// morphdom browser "should reuse DOM element with matching ID and class name"
test('a keyed element with a class is wrapped into a new span', () => {
  const root = page(A('<div id="q" class="d1"></div>'));
  const q = root.firstChild;
  check(root, A('<span><div id="q" class="d1"></div></span>'));
  assert.ok(root.querySelector('#q') === q);
});

// idiomorph fidelity "should wrap an IDed node", with keyed elements inside the wrapped one
test('a keyed element with keyed children is wrapped into a new element: the children stay in it', () => {
  const root = page(A('<p id="k"><b id="x">x</b><i id="y">y</i></p>'));
  const before = all(root);
  check(root, A('<div><p id="k"><b id="x">x</b><i id="y">y</i></p></div>'));
  kept(root, 'p, b, i', before);
});

// idiomorph fidelity "moves a node from the future"
test('a keyed element comes out of the keyed container after it', () => {
  const root = page(A('<div id="box"><div id="item"></div></div>'));
  const [box, item] = all(root);
  check(root, A('<div id="item"></div><div id="box"></div>'));
  kept(root, '*', [item, box]);
});

// idiomorph fidelity "move id node into div does not break insertion point"
test('a keyed field moves into a new wrapper', () => {
  const root = page(A('<input id="first">'));
  const input = root.firstChild;
  check(root, A('<div><input id="first"></div>'));
  assert.ok(root.querySelector('input') === input);
});

// idiomorph fidelity "move id node into div that has been restored from pantry does not break insertion point"
test('a keyed element moves into another keyed one that moved', () => {
  const root = page(A('<a id="a"></a><br><b id="b"></b>'));
  const [a, br, b] = all(root);
  check(root, A('<br><a id="a"><b id="b"></b></a>'));
  kept(root, '*', [br, a, b]);
});

// idiomorph core "can handle numeric ids"
test('a numeric id is a key like any other', () => {
  const root = page(A('<hr id="1">'));
  const hr = root.firstChild;
  check(root, A('<div><hr id="1"></div>'));
  assert.ok(root.querySelector('hr') === hr);
});

// morphdom browser "can work when container id changes"
test('a container changes its id: the keyed fields inside it move into the new one', () => {
  const box = id => `<div id="${id}"><div id="make" class="filter"><label>Make</label>${['a', 'b', 'c']
    .map(m => `<span><input id="make-${m}" name="makes" type="checkbox" value="${m}"><label for="make-${m}">${m}</label></span>`)
    .join('')}</div></div>`;
  const root = page(A(box('one')));
  const inputs = [...root.querySelectorAll('input')];
  inputs[1].checked = true;
  check(root, A(box('two')).replace('value="b"', 'value="b" checked'));
  kept(root, 'input', inputs);
  assert.equal(root.querySelector('#make-b').checked, true);
});

// morphdom browser "new id will not cause sibling-child keyed elements to be removed"
test('a sibling gaining an id does not take the keyed elements of the next sibling', () => {
  const root = page(A('<div id="fixed">1</div><div>sibling</div><div><div id="inner"><div id="child">child</div><span>span</span></div></div>'));
  const [inner, child] = ['#inner', '#child'].map(s => root.querySelector(s));
  check(root, A('<div id="fixed">2</div><div id="now-keyed">sibling</div><div><div id="inner"><div id="child">child 2</div><span>span 2</span></div></div>'));
  assert.ok(root.querySelector('#inner') === inner && root.querySelector('#child') === child);
});

// morphdom browser "multiple forms and adding additional form"
test('a keyed row with its own form is added after two others', () => {
  const row = n => `<article id="item-${n}"><form id="form-${n}" data-live-submit="save"><input type="hidden" name="id" value="${n}">
    <textarea name="text">${n ? 't' + n : ''}</textarea><button>Save</button></form></article>`;
  const root = page(A(`<section id="list">${row(0)}${row(1)}</section>`));
  root.querySelector('textarea').value = 'typed';
  check(root, A(`<section id="list">${row(0)}${row(1)}${row(2)}</section>`), false);
  assert.equal(root.querySelectorAll('form').length, 3);
  assert.equal(root.querySelectorAll('#form-0').length, 1);
  assert.equal(root.querySelector('textarea').value, 'typed', 'an unchanged field keeps what was typed');
});

// morphdom browser "incompatible matching ids are morphed correctly"
test('a key comes back on an element of another tag: a new element', () => {
  const root = page(A('<h1 id="head" class="a">A</h1> <h2 id="same" class="b">B</h2>'));
  check(root, A('<h1 id="same" class="c">C</h1>'));
});

// morphdom browser "nested duplicate ids are morphed correctly"; it keeps a second element of that id, which it marks
// as a TODO: here the page shows the new HTML
test('duplicate ids in the page: the result is still the new HTML', () => {
  check(page(A('<p id="hi" class="a">A</p><p id="hi" class="b">B</p>')), A('<p id="hi" class="a">A</p>'));
});

// idiomorph retain-hidden-state "preserves non-attribute element state when elements are moved to different levels of the DOM"
test('a keyed checkbox moves up a level and keeps its indeterminate state', () => {
  const root = page(A('<input type="checkbox" id="one"><div><input type="checkbox" id="two"></div>'));
  for (const c of root.querySelectorAll('input')) c.indeterminate = true;
  check(root, A('<input type="checkbox" id="one"><input type="checkbox" id="two">'));
  assert.deepEqual([...root.querySelectorAll('input')].map(c => c.indeterminate), [true, true]);
});

// idiomorph retain-hidden-state "preserves non-attribute state when elements are moved between different containers"
test('keyed checkboxes swap containers and keep their state', () => {
  const root = page(A('<div id="l"><input type="checkbox" id="one"></div><div id="r"><input type="checkbox" id="two"></div>'));
  const [one, two] = root.querySelectorAll('input');
  one.indeterminate = true;
  check(root, A('<div id="l"><input type="checkbox" id="two"></div><div id="r"><input type="checkbox" id="one"></div>'));
  assert.ok(root.querySelector('#r input') === one && root.querySelector('#l input') === two);
  assert.equal(one.indeterminate, true);
});

// idiomorph retain-hidden-state "preserves non-attribute state when parents are reorderd"
test('keyed containers are reordered and keep their checkboxes', () => {
  const root = page(A('<div id="l"><input type="checkbox" id="one"></div><div id="r"><input type="checkbox" id="two"></div>'));
  const before = all(root);
  before[1].indeterminate = true;
  check(root, A('<div id="r"><input type="checkbox" id="two"></div><div id="l"><input type="checkbox" id="one"></div>'));
  kept(root, '*', [before[2], before[3], before[0], before[1]]);
  assert.equal(before[1].indeterminate, true);
});

// morphdom autotest "large" and "data-table"
test('a long keyed list is shuffled, some rows change, some go, some come', () => {
  const row = (i, text = 'row ' + i) => `<tr id="r${i}"><td>${i}</td><td>${text}</td><td><input name="q${i}"></td></tr>`;
  const ids = Array.from({ length: 300 }, (_, i) => i);
  const root = page(A(`<table><tbody>${ids.map(i => row(i)).join('')}</tbody></table>`));
  const rows = new Map(all(root).filter(e => e.id).map(e => [e.id, e]));
  for (const input of root.querySelectorAll('input')) input.value = input.name;
  // A fixed shuffle: every 7th row goes, every 11th changes, 20 new rows, the rest in another order
  const order = ids.filter(i => i % 7).sort((a, b) => (a * 37 % 101) - (b * 37 % 101)).concat(Array.from({ length: 20 }, (_, i) => 300 + i));
  check(root, A(`<table><tbody>${order.map(i => row(i, i % 11 ? undefined : 'changed')).join('')}</tbody></table>`), false);
  for (const tr of root.querySelectorAll('tr')) {
    if (rows.has(tr.id)) {
      assert.ok(tr === rows.get(tr.id), tr.id + ' is the same element');
      assert.equal(tr.querySelector('input').value, tr.querySelector('input').name, tr.id + ' keeps what was typed');
    }
  }
});

// morphdom autotest "large", unkeyed
test('a long unkeyed list is reversed: each row stays itself', () => {
  const rows = Array.from({ length: 200 }, (_, i) => `<li>item ${i}</li>`);
  const root = page(A(`<ul>${rows.join('')}</ul>`));
  const before = all(root).slice(1);
  check(root, A(`<ul>${rows.reverse().join('')}</ul>`));
  kept(root, 'li', before.reverse());
});

// --- tag names

// morphdom autotest "change-tagname"
test('a child changes its tag', () => {
  check(page(A('<i>italic</i>')), A('<b>bold</b>'));
});

// morphdom autotest "change-tagname-ids"
test('a wrapper changes its tag; the keyed element inside moves into the new one', () => {
  const root = page(A('<p>\n  <i id="it">italic</i>\n</p>'));
  const it = root.querySelector('#it');
  check(root, A('<div>\n  <i id="it">italic</i>\n</div>'));
  assert.ok(root.querySelector('#it') === it);
});

// morphdom autotest "id-change-tag-name"; morphdom browser "patch tags by id"
test('a keyed element changes its tag: a new element', () => {
  check(page(A('<div><span id="boo" class="foo"></span></div>')), A('<div><div id="boo"></div></div>'));
});

// idiomorph fidelity "should replace a node"
test('a child of another tag replaces the old one', () => {
  check(page(A('<main><p>hello world</p></main>')), A('<main><div>hello you</div></main>'));
});

// idiomorph retain-hidden-state "preserves all non-attribute element state when wrapping element changes tag"
test('a wrapper changes its tag; the keyed checkbox inside keeps its state', () => {
  const root = page(A('<div><input type="checkbox" id="one"></div>'));
  const one = root.querySelector('input');
  one.indeterminate = true;
  check(root, A('<span><input type="checkbox" id="one"></span>'));
  assert.ok(root.querySelector('input') === one && one.indeterminate);
});

// idiomorph retain-hidden-state "preserves all non-attribute element state when wrapping element changes tag at top level"
test('the root changes its tag: a new root, with the keyed checkbox of the old one', () => {
  const root = page(A('<input type="checkbox" id="one">'));
  const one = root.firstChild;
  one.indeterminate = true;
  const now = check(root, '<section data-live-id="A"><input type="checkbox" id="one"></section>');
  assert.equal(now.tagName, 'SECTION');
  assert.ok(now.firstChild === one && one.indeterminate);
});

// morphdom browser "should transform an incompatible node and maintain the same parent"
test('the root changes its tag: the new root has the old parent and the runtime classes', () => {
  const root = page('<div data-live-id="A" class="live-connected"><input name="n" value="v"></div>');
  const now = morph(root, '<p data-live-id="A"><input name="n" value="v"></p>');
  assert.equal(now.parentNode, main);
  assert.equal(now.outerHTML, '<p data-live-id="A" class="live-connected"><input name="n" value="v"></p>');
  assert.ok(!root.isConnected);
});

// --- form controls

// morphdom browser "should transform a text input el"; idiomorph core "can morph input value properly ..."
test('an input the user typed into takes the value the server renders anew', () => {
  const root = page(A('<input name="n" value="one">'));
  root.firstChild.value = 'typed';
  check(root, A('<input name="n" value="two">'));
});

// morphdom autotest "input-element"
test('a disabled input gets another value', () => {
  check(page(A('\n  <input type="text" disabled value="one">\n')), A('\n  <input type="text" disabled value="two">\n'));
});

// idiomorph core "can morph input checked properly, remove checked"
test('checked is removed', () => {
  const root = page(A('<input type="checkbox" checked>'));
  check(root, A('<input type="checkbox">'));
  assert.equal(root.firstChild.checked, false);
});

// idiomorph core "can morph input checked properly, add checked"
test('checked is added', () => {
  const root = page(A('<input type="checkbox">'));
  check(root, A('<input type="checkbox" checked>'));
  assert.equal(root.firstChild.checked, true);
});

// morphdom browser "should transform a checkbox input property as string when target has no checked state"
test('a checkbox the user checked is unchecked when the server renders it anew without checked', () => {
  const root = page(A('<input type="checkbox" name="c" class="a">'));
  root.firstChild.checked = true;
  check(root, A('<input type="checkbox" name="c" class="b">'));
});

// idiomorph core "can morph input checked properly, set checked property to true"
test('a checkbox the user unchecked is checked when the server renders it anew with checked', () => {
  const root = page(A('<input type="checkbox" name="c" checked>'));
  root.firstChild.checked = false;
  check(root, A('<input type="checkbox" name="c" checked class="b">'));
});

// morphdom browser "should transform a radio input attribute" and "... property as string when not checked by default"
test('the server moves checked from one radio to another', () => {
  const root = page(A('<input type="radio" name="size" value="s" checked><input type="radio" name="size" value="m">'));
  check(root, A('<input type="radio" name="size" value="s"><input type="radio" name="size" value="m" checked>'));
});

// morphdom autotest "textarea"; idiomorph core "can morph textarea value properly ..."
test('the text of a textarea changes', () => {
  check(page(A('<textarea>one</textarea>')), A('<textarea>two</textarea>'));
});

// morphdom browser "should transform a textarea el"
test('a textarea the user typed into takes the text the server renders anew', () => {
  const root = page(A('<textarea name="t">one</textarea>'));
  root.firstChild.value = 'typed';
  check(root, A('<textarea name="t">two</textarea>'));
});

// morphdom browser "should transform a textarea el", from empty
test('an empty textarea gets text', () => {
  check(page(A('<textarea name="t"></textarea>')), A('<textarea name="t">now</textarea>'));
});

// morphdom autotest "select-element"
test('the selected option moves down and an option is added', () => {
  const opts = (sel, n = 3) => Array.from({ length: n }, (_, i) => `<option value="v${i}"${i === sel ? ' selected' : ''}>V ${i}</option>`).join('');
  const root = page(A(`<select name="s">${opts(1)}</select>`));
  check(root, A(`<select name="s">${opts(2, 4)}</select>`));
  assert.equal(root.querySelector('select').selectedIndex, 2);
});

// morphdom autotest "select-element-default"
test('selected="selected" becomes selected: the same option stays selected', () => {
  const root = page(A('<select name="s"><option value="a" selected="selected">A</option><option value="b">B</option></select>'));
  check(root, A('<select name="s"><option value="a" selected>A</option><option value="b">B</option></select>'));
  assert.equal(root.querySelector('select').selectedIndex, 0);
});

// morphdom browser "should update selection state on select elements"; idiomorph core "can morph <select> new selected option properly"
test('selected moves to another option', () => {
  check(page(A('<select><option selected>a</option><option>b</option></select>')), A('<select><option>a</option><option selected>b</option></select>'));
});

// morphdom browser "should update selection state on select elements", after a choice of the user
test('selected moves to another option of a select the user changed', () => {
  const root = page(A('<select name="s"><option>a</option><option>b</option><option>c</option></select>'));
  root.querySelector('select').value = 'c';
  check(root, A('<select name="s"><option>a</option><option selected>b</option><option>c</option></select>'));
});

// morphdom browser "should update selection state on select elements with optgroups"
test('selected moves between option groups', () => {
  check(page(A('<select><optgroup label="1"><option selected>a</option></optgroup><optgroup label="2"><option>b</option></optgroup></select>')),
    A('<select><optgroup label="1"><option>a</option></optgroup><optgroup label="2"><option selected>b</option></optgroup></select>'));
});

// morphdom browser "should update selection state on select elements when adding options"
test('an empty select gets options, one of them selected', () => {
  const root = page(A('<select name="s"></select>'));
  check(root, A('<select name="s"><option>a</option><option selected>b</option></select>'));
  assert.equal(root.querySelector('select').value, 'b');
});

// morphdom browser "should update selection state on select elements when removing options"
test('the selected option is removed and another is selected', () => {
  check(page(A('<select><option>a</option><option selected>b</option></select>')), A('<select><option selected>a</option></select>'));
});

// morphdom browser "should update selection state with last one on select elements when multiple selected"
test('a single select rendered with two selected options shows the last, as a fresh page does', () => {
  const root = page(A('<select><option>a</option><option selected>b</option></select>'));
  check(root, A('<select><option selected>z</option><option>a</option><option selected>b</option></select>'));
  assert.equal(root.querySelector('select').selectedIndex, 2);
});

// morphdom browser "should set selectedIndex to -1 when no option explicitly selected": not followed, a fresh page
// shows the first option of such a select, and so does the morph
test('an empty select gets options, none selected: the first shows', () => {
  const root = page(A('<select></select>'));
  check(root, A('<select><option>a</option><option>b</option></select>'));
  assert.equal(root.querySelector('select').selectedIndex, 0);
});

// idiomorph core "can morph <select> remove selected option properly"; it writes selected="" on the first option,
// here the HTML stays as the server sent it
test('selected is removed from the only selected option: the first shows', () => {
  const root = page(A('<select><option>0</option><option selected>1</option></select>'));
  check(root, A('<select><option>0</option><option>1</option></select>'));
  assert.equal(root.querySelector('select').selectedIndex, 0);
});

// morphdom browser "should update selection state on select elements", for a multiple select
test('a multiple select follows every selected option', () => {
  const root = page(A('<select name="m" multiple><option selected>a</option><option>b</option><option selected>c</option></select>'));
  root.querySelector('option').selected = false;
  check(root, A('<select name="m" multiple class="x"><option selected>a</option><option selected>b</option><option>c</option></select>'));
  assert.deepEqual([...root.querySelector('select').selectedOptions].map(o => o.value), ['a', 'b']);
});

// morphdom autotest "select-element", option content changes
test('options change value and text; the selected one stays selected', () => {
  const root = page(A('<select name="s"><option value="1">one</option><option value="2" selected>two</option></select>'));
  check(root, A('<select name="s"><option value="1">One</option><option value="22" selected>Two</option></select>'));
  assert.equal(root.querySelector('select').value, '22');
});

// morphdom browser "should not change caret position if input value did not change"
test('the focused field keeps value and caret while the server renders it', () => {
  const root = page(A('<input id="q" value="hello">'));
  const input = root.firstChild;
  input.focus();
  input.setSelectionRange(1, 1);
  morph(root, A('<input id="q" value="hello" class="x">'));
  assert.deepEqual([document.activeElement, input.value, input.selectionStart], [input, 'hello', 1]);
});

// --- focus

// idiomorph preserve-focus "preserves focus state when elements are swapped"
test('the focused field swaps places with another: focus and selection stay', () => {
  const root = page(A('<input id="f" value="abc"><input id="o">'));
  const f = root.firstChild;
  f.focus();
  f.setSelectionRange(1, 2);
  check(root, A('<input id="o"><input id="f" value="abc">'));
  assert.deepEqual([document.activeElement, f.selectionStart, f.selectionEnd], [f, 1, 2]);
});

// idiomorph preserve-focus "preserves focus state when elements are swapped the other way"
test('another field moves after the focused one: focus and selection stay', () => {
  const root = page(A('<input id="o"><input id="f" value="abc">'));
  const f = root.lastChild;
  f.focus();
  f.setSelectionRange(1, 2);
  check(root, A('<input id="f" value="abc"><input id="o">'));
  assert.deepEqual([document.activeElement, f.selectionStart, f.selectionEnd], [f, 1, 2]);
});

// idiomorph preserve-focus "preserves focus state when previous element is replaced"
test('the element before the focused field is replaced: focus stays', () => {
  const root = page(A('<a></a><input id="f" value="abc">'));
  const f = root.lastChild;
  f.focus();
  check(root, A('<b></b><input id="f" value="abc">'));
  assert.equal(document.activeElement, f);
});

// idiomorph preserve-focus "preserves focus state when elements are moved to different levels of the DOM", which
// loses the selection there
test('the focused field moves up a level: focus and selection stay', () => {
  const root = page(A('<input id="o"><div><input id="f" value="abc"></div>'));
  const f = root.querySelector('#f');
  f.focus();
  f.setSelectionRange(1, 2);
  check(root, A('<input id="o"><input id="f" value="abc">'));
  assert.deepEqual([document.activeElement, f.selectionStart, f.selectionEnd], [f, 1, 2]);
});

// idiomorph preserve-focus "preserves focus state when focused element is moved between anonymous containers"
test('the focused field moves to another unkeyed container: focus and selection stay', () => {
  const root = page(A('<div><input id="o"></div><div><input id="f" value="abc"></div>'));
  const f = root.querySelector('#f');
  f.focus();
  f.setSelectionRange(0, 3);
  check(root, A('<div><input id="o"><input id="f" value="abc"></div>'));
  assert.deepEqual([document.activeElement, f.selectionStart, f.selectionEnd], [f, 0, 3]);
});

// idiomorph preserve-focus "preserves focus state when elements are moved between IDed containers"
test('the focused field moves to another keyed container: focus and selection stay', () => {
  const root = page(A('<div id="l"><input id="f" value="abc"></div><div id="r"><input id="o"></div>'));
  const f = root.querySelector('#f');
  f.focus();
  f.setSelectionRange(2, 3);
  check(root, A('<div id="l"><input id="o"></div><div id="r"><input id="f" value="abc"></div>'));
  assert.deepEqual([document.activeElement, f.selectionStart, f.selectionEnd], [f, 2, 3]);
});

// idiomorph preserve-focus "preserves focus state when focus parent is moved down" and "... moved up"
test('the keyed container of the focused field moves down, then up: focus stays', () => {
  const a = '<div id="wf"><input id="f" value="abc"></div>';
  const b = '<div id="wo"><input id="o"></div>';
  const root = page(A(a + b));
  const f = root.querySelector('#f');
  f.focus();
  check(root, A(b + a));
  assert.equal(document.activeElement, f);
  check(root, A(a + b));
  assert.equal(document.activeElement, f);
});

// idiomorph preserve-focus "preserves focus state when matching anonymous element is inserted"
test('an unkeyed element like the focused field\'s container is inserted before it: focus stays', () => {
  const root = page(A('<div><input id="f" value="abc"></div>'));
  const f = root.querySelector('#f');
  f.focus();
  check(root, A('<div></div><div><input id="f" value="abc"></div>'));
  assert.equal(document.activeElement, f);
});

// idiomorph core "ignores active input value when ignoreActiveValue is true"
test('the focused field keeps what the user typed; others follow the server', () => {
  const root = page(A('<input id="f" value="a"><input id="o" value="a">'));
  const [f, o] = root.children;
  f.focus();
  f.value = o.value = 'typed';
  morph(root, A('<input id="f" value="b"><input id="o" value="b">'));
  assert.deepEqual([f.value, o.value], ['typed', 'b']);
});

// --- template

// idiomorph core "can morph a template tag properly"
test('a template changes attributes and content', () => {
  const root = page(A('<template data-old>Foo</template>'));
  check(root, A('<template data-new>Bar</template>'));
  assert.equal(root.firstChild.content.textContent, 'Bar');
});

// idiomorph core "can morph a template tag properly", inside an unchanged parent
test('only the content of a nested template changes', () => {
  const root = page(A('<div><template><li>one</li></template><p>x</p></div>'));
  check(root, A('<div><template><li>two</li><li>three</li></template><p>x</p></div>'));
  assert.equal(root.querySelector('template').content.childNodes.length, 2);
});

// --- svg

// morphdom autotest "svg"
test('an attribute of an svg child changes', () => {
  check(page(A('<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"></circle></svg>')), A('<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="2"></circle></svg>'));
});

// morphdom autotest "svg-append"; morphdom browser "handles SVG nodeName case mismatch"
test('svg children are appended in the svg namespace, camel-cased names included', () => {
  const root = page(A('<svg viewBox="0 0 10 10"><circle r="4"></circle></svg>'));
  check(root, A('<svg viewBox="0 0 10 10"><circle r="2"></circle><linearGradient id="g"></linearGradient><g transform="scale(2)"><text x="1">hi</text></g></svg>'));
  for (const el of root.querySelectorAll('svg *')) assert.equal(el.namespaceURI, 'http://www.w3.org/2000/svg');
});

// morphdom autotest "svg-append-new"
test('an svg comes into an empty element', () => {
  check(page(A('<div>\n\n</div>')), A('<div>\n  <svg viewBox="0 0 4 4"><rect width="2" height="2"></rect></svg>\n</div>'));
});
