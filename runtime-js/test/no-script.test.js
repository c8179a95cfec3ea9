// Forms and buttons carry what they need to post without JavaScript (POST <root>/form/...). With the runtime, no such
// post ever leaves the page, even from a live button whose binding did not fire (.once already fired, .self, keys).
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { installPage } from '../test-support/fake-socket.js';

// Mocked: the runtime's timers (the wait for a hello, the backoff) never fire here
mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });

const forms = new URL('../target/classes/META-INF/quarkus-live/form/', import.meta.url).href;
const { window } = new JSDOM(`<!doctype html><body>
  <div data-live-component="A" data-live-id="a1">
    <button id="once" data-live-click.once="hit" name="_live_call" value="hit" form="live-a1">once</button>
    <form id="plain" action="/elsewhere"><button>go</button></form>
    <form id="live-a1" method="post" action="${forms}Counter/a1.token" hidden></form>
  </div>
</body>`, { url: 'https://shop.example/page' });
installPage(window);
await import('../target/classes/META-INF/quarkus-live/runtime.js');
const submit = form => {
  const e = new window.Event('submit', { bubbles: true, cancelable: true });
  form.dispatchEvent(e);
  return e.defaultPrevented;
};

test('a submit of a form that posts to the component without JavaScript is prevented', () => {
  assert.equal(submit(window.document.getElementById('live-a1')), true);
});

test('a form of the page that posts elsewhere is left alone', () => {
  assert.equal(submit(window.document.getElementById('plain')), false);
});
