// Issue 6: a request that outlives its element, and nothing a host page does can make the
// screen lie. Each test is one of the reproductions, as a host would hit it.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import {
  BlockStore,
  ChatBackendError,
  blockStore,
  connectBackend,
  fetchBackend,
  requestBlockChange,
  VERSION,
  type ChatBlockChangeEvent,
  type ChatBlockErrorEvent,
  type ChatBlockRequestEvent,
  type ChatHeaderMenu,
  type ChatStatusPill,
  type CustomerRef,
} from '../src/index.js';
import { deferred, dialogOf, part, press, until, visible } from './helpers.js';
import { clickOn } from './mouse.js';

const PRIYA: CustomerRef = { id: '+919876543210', name: 'Priya Sharma' };
const EMILY: CustomerRef = { id: '+14155550132', name: 'Emily Carter' };

/** Every lifecycle event heard on `document`, with the node it was dispatched on. */
function listen() {
  const heard: { type: string; target: EventTarget | null; event: Event }[] = [];
  const types = ['chat-block-request', 'chat-unblock-request', 'chat-block-change', 'chat-block-error'];
  const record = (event: Event) => void heard.push({ type: event.type, target: event.composedPath()[0], event });
  for (const t of types) document.addEventListener(t, record);
  return {
    heard,
    types: () => heard.map((h) => h.type),
    off: () => types.forEach((t) => document.removeEventListener(t, record)),
  };
}

/** A fetch that counts what it sends, for "nothing was sent". */
function countingFetch() {
  const sent: { url: string; body: string }[] = [];
  const doFetch: typeof fetch = (url, init) => {
    sent.push({ url: String(url), body: String(init?.body ?? '') });
    return fetch(url, init);
  };
  return { sent, fetch: doFetch };
}

/**
 * A host listener that throws is reported on the window like any uncaught error; the
 * test framework would fail the test on it, so the tests that throw on purpose hold it.
 */
async function withHostErrors<T>(run: () => Promise<T>): Promise<{ result: T; reported: unknown[] }> {
  const reported: unknown[] = [];
  const original = window.onerror;
  window.onerror = (_message, _source, _line, _column, error) => {
    reported.push(error);
    return true;
  };
  try {
    return { result: await run(), reported };
  } finally {
    window.onerror = original;
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

async function menuFor(store: BlockStore, customer = PRIYA) {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <ul id="rows">
      <li id="row"><chat-header-menu customer=${customer.id} customer-name=${customer.name} .store=${store}></chat-header-menu></li>
      <li id="other"></li>
    </ul>
    <chat-status-pill customer=${customer.id} .store=${store}></chat-status-pill>
  </div>`);
  const menu = wrapper.querySelector<ChatHeaderMenu>('chat-header-menu')!;
  const pill = wrapper.querySelector<ChatStatusPill>('chat-status-pill')!;
  await menu.updateComplete;
  return { wrapper, menu, pill };
}

/** Real keys: open the menu on Block, choose it, and press the dialog's Block. */
async function confirmBlock(menu: ChatHeaderMenu) {
  part(menu, 'trigger').focus();
  await press('ArrowUp');
  await until(() => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open'), 2000, 'menu open');
  await press('Enter');
  await until(() => menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open === true, 2000, 'dialog open');
  const dialog = dialogOf(menu);
  await dialog.updateComplete;
  await clickOn(part(dialog, 'confirm'));
  return dialog;
}

const pillText = (pill: ChatStatusPill) =>
  getComputedStyle(pill).display === 'none' ? '' : visible(pill.shadowRoot!.textContent).replace(/\s+/g, ' ').trim();

describe('a request that outlives its element (issue 6)', () => {
  let store: BlockStore;
  let cleanups: (() => void)[];
  let realInfo: typeof console.info;
  beforeEach(() => {
    store = new BlockStore();
    cleanups = [];
    realInfo = console.info;
    console.info = () => {};
  });
  afterEach(() => {
    for (const c of cleanups.reverse()) c();
    console.info = realInfo;
  });
  const on = <K extends keyof GlobalEventHandlersEventMap>(
    type: K,
    fn: (e: GlobalEventHandlersEventMap[K]) => void,
    target: EventTarget = document,
  ) => {
    target.addEventListener(type, fn as EventListener);
    cleanups.push(() => target.removeEventListener(type, fn as EventListener));
  };

  describe('preventDefault() means nothing is sent', () => {
    it("the README's order: connectBackend first, an admin check after it: no POST, the signal aborts, nothing changes", async () => {
      const counting = countingFetch();
      cleanups.push(connectBackend(document, fetchBackend({ baseUrl: '/api', fetch: counting.fetch })));
      let signal: AbortSignal | undefined;
      on('chat-block-request', (e) => {
        signal = e.detail.signal;
        e.preventDefault(); // "only admins may block"
      });
      const { menu, pill } = await menuFor(store);
      const dialog = await confirmBlock(menu);
      await until(() => !dialog.open, 2000, 'the dialog to close');
      await tick();
      expect(counting.sent, 'no request reached the network').to.have.length(0);
      expect(signal?.aborted, 'detail.signal aborted').to.equal(true);
      expect(store.get(PRIYA.id)).to.include({ blocked: false, pending: null, error: null });
      expect(pillText(pill)).to.equal('');
      const customers = (await (await fetch('/api/customers')).json()) as { id: string; blocked: boolean }[];
      expect(customers.find((c) => c.id === PRIYA.id)?.blocked, 'the server was not told').to.equal(false);
    });

    it('preventDefault() after waitUntil() wins: cancelled, and the deferred work sees an aborted signal', async () => {
      let sawAbort: boolean | undefined;
      on('chat-block-request', (e) =>
        e.detail.waitUntil(Promise.resolve().then(() => (sawAbort = e.detail.signal.aborted))),
      );
      on('chat-block-request', (e) => e.preventDefault());
      expect(await requestBlockChange(document.body, store, PRIYA, 'block')).to.equal('cancelled');
      await tick();
      expect(sawAbort).to.equal(true);
      expect(store.get(PRIYA.id).pending).to.equal(null);
    });
  });

  describe('a host listener that throws', () => {
    it('before waitUntil: a failure (chat-block-error, rolled back), never "applied locally"; nothing is sent', async () => {
      const counting = countingFetch();
      cleanups.push(connectBackend(document, fetchBackend({ baseUrl: '/api', fetch: counting.fetch })));
      on('chat-block-request', () => {
        (undefined as unknown as { track(): void }).track(); // the host's analytics is not loaded
      });
      const events = listen();
      cleanups.push(events.off);
      const { reported, result } = await withHostErrors(() =>
        requestBlockChange(document.body, store, PRIYA, 'block').then(
          () => null,
          (e: unknown) => e,
        ),
      );
      await tick();
      expect(reported, 'the host still sees its own error').to.have.length(1);
      expect(result).to.be.instanceOf(ChatBackendError);
      expect((result as ChatBackendError).code).to.equal('listener');
      expect((result as Error).message).to.match(/failed before the request was sent.*Nothing was changed/);
      expect(events.types()).to.deep.equal(['chat-block-request', 'chat-block-error']);
      expect(store.get(PRIYA.id)).to.include({ blocked: false, pending: null });
      expect(store.get(PRIYA.id).error?.action).to.equal('block');
      expect(counting.sent).to.have.length(0);
    });

    it('a rewritten detail: the detail is frozen, so the rewrite fails and the original customer is released', async () => {
      on('chat-block-request', (e) => {
        (e.detail.customer as { id: string }).id = EMILY.id; // strict code: a TypeError
      });
      const { result, reported } = await withHostErrors(() =>
        requestBlockChange(document.body, store, PRIYA, 'block').catch((e: unknown) => e),
      );
      expect(reported[0]).to.be.instanceOf(TypeError);
      expect((result as ChatBackendError).code).to.equal('listener');
      expect(store.get(PRIYA.id)).to.include({ pending: null, blocked: false });
      expect(store.get(EMILY.id).known, 'nothing landed on the other id').to.equal(false);
    });

    it('a store subscriber that throws is reported and blocks neither other subscribers nor the lifecycle', async () => {
      const heard: string[] = [];
      cleanups.push(
        store.subscribeAll(() => {
          throw new ReferenceError('analytics is not defined');
        }),
      );
      cleanups.push(store.subscribe(PRIYA.id, (s) => heard.push(s.pending ?? (s.blocked ? 'blocked' : 'active'))));
      on('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));
      const { result, reported } = await withHostErrors(() => requestBlockChange(document.body, store, PRIYA, 'block'));
      expect(result).to.equal('applied');
      expect(reported.length, 'reported once per change').to.equal(2);
      expect((reported[0] as Error).message).to.equal('analytics is not defined');
      expect(heard).to.deep.equal(['block', 'blocked']);
      expect(store.get(PRIYA.id)).to.include({ blocked: true, pending: null });
    });
  });

  describe('moving or removing the element', () => {
    for (const how of ['removed', 'moved'] as const) {
      it(`menu ${how} mid-request: the request finishes, the store and pill agree, and the outcome is heard`, async () => {
        const backend = deferred();
        let signal: AbortSignal | undefined;
        on('chat-block-request', (e) => {
          signal = e.detail.signal;
          e.detail.waitUntil(backend.promise);
        });
        const events = listen();
        cleanups.push(events.off);
        const { wrapper, menu, pill } = await menuFor(store);
        const dialog = await confirmBlock(menu);
        await until(() => store.get(PRIYA.id).pending === 'block', 2000, 'pending');
        const heardOnMenu: string[] = [];
        menu.addEventListener('chat-block-change', (e) => heardOnMenu.push(e.type));
        if (how === 'removed') menu.remove();
        else wrapper.querySelector('#other')!.append(menu); // the row list re-sorted
        await tick();
        expect(signal?.aborted, 'a move or removal does not abort').to.equal(false);
        const native = dialog.shadowRoot!.querySelector('dialog')!;
        expect(native.open, 'the dialog closed cleanly').to.equal(false);
        expect(pillText(pill)).to.equal('Blocking…');
        backend.resolve(undefined);
        await until(() => store.get(PRIYA.id).blocked, 2000, 'applied');
        await pill.updateComplete;
        expect(pillText(pill)).to.equal('Blocked');
        const change = events.heard.find((h) => h.type === 'chat-block-change')!;
        expect(change, 'document heard chat-block-change').to.exist;
        if (how === 'removed') expect(change.target, 'fired on the document').to.equal(document);
        else {
          expect(change.target, 'fired on the moved menu').to.equal(menu);
          expect(heardOnMenu).to.deep.equal(['chat-block-change']);
          // Back in the page, the menu offers Unblock, and its dialog is not a non-modal leftover.
          expect(native.open).to.equal(false);
        }
      });
    }

    it('a refusal after the menu was removed: chat-block-error on the document, the pill offers Retry', async () => {
      const backend = deferred();
      on('chat-block-request', (e) => e.detail.waitUntil(backend.promise));
      const events = listen();
      cleanups.push(events.off);
      const { menu, pill } = await menuFor(store);
      await confirmBlock(menu);
      await until(() => store.get(PRIYA.id).pending === 'block');
      menu.remove();
      backend.reject(new Error('The server does not know this customer (Invalid Customer).'));
      await until(() => store.get(PRIYA.id).pending === null, 2000, 'settled');
      const error = events.heard.find((h) => h.type === 'chat-block-error');
      expect(error?.target).to.equal(document);
      expect((error?.event as ChatBlockErrorEvent).detail.error.message).to.contain('Invalid Customer');
      await pill.updateComplete;
      expect(pillText(pill)).to.equal("Couldn't block Retry");
    });

    it('with connectBackend over real HTTP: removing the menu does not abort the POST, and the server agrees', async () => {
      await fetch('/api/reset', { method: 'POST' });
      await fetch('/api/control', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ latencyMs: 300, failure: 'none' }),
      });
      cleanups.push(() => void fetch('/api/reset', { method: 'POST' }));
      cleanups.push(connectBackend(document, fetchBackend({ baseUrl: '/api' }), { timeoutMs: 5000 }));
      const { menu, pill } = await menuFor(store);
      await confirmBlock(menu);
      await until(() => store.get(PRIYA.id).pending === 'block');
      menu.remove();
      await until(() => store.get(PRIYA.id).pending === null, 3000, 'the POST to finish');
      const customers = (await (await fetch('/api/customers')).json()) as { id: string; blocked: boolean }[];
      expect(customers.find((c) => c.id === PRIYA.id)?.blocked).to.equal(true);
      expect(store.get(PRIYA.id).blocked).to.equal(true);
      await pill.updateComplete;
      expect(pillText(pill)).to.equal('Blocked');
    });

    it('Cancel in the dialog is the only user abort', async () => {
      let signal: AbortSignal | undefined;
      const backend = deferred();
      on('chat-block-request', (e) => {
        signal = e.detail.signal;
        e.detail.waitUntil(backend.promise);
      });
      const { menu } = await menuFor(store);
      const dialog = await confirmBlock(menu);
      await until(() => store.get(PRIYA.id).pending === 'block');
      await clickOn(part(dialog, 'cancel'));
      expect(signal?.aborted).to.equal(true);
      backend.reject(signal!.reason);
      await until(() => store.get(PRIYA.id).pending === null);
      expect(store.get(PRIYA.id)).to.include({ blocked: false, error: null });
    });
  });

  describe('rejections and timeouts an agent can read', () => {
    const cases: [string, () => Promise<unknown>, RegExp][] = [
      ['{message}', () => Promise.reject({ message: 'Customer is on a legal hold' }), /^Customer is on a legal hold$/],
      ['undefined', () => Promise.reject(undefined), /^The change couldn't be made\. Try again\.$/],
      ['null', () => Promise.reject(null), /^The change couldn't be made\. Try again\.$/],
      ['an empty Error', () => Promise.reject(new Error('')), /^The change couldn't be made\. Try again\.$/],
    ];
    for (const [what, reject, message] of cases) {
      it(`waitUntil(reject(${what})) shows a readable message, never "[object Object]", "undefined" or "null"`, async () => {
        on('chat-block-request', (e) => e.detail.waitUntil(reject()));
        const { pill } = await menuFor(store);
        const error = await requestBlockChange(document.body, store, PRIYA, 'block').catch((e: unknown) => e);
        expect(error).to.be.instanceOf(Error);
        expect((error as Error).message).to.match(message);
        expect((error as ChatBackendError).code).to.equal('unknown');
        expect(store.get(PRIYA.id).error?.error.message).to.match(message);
        await pill.updateComplete;
        expect(pillText(pill)).to.equal("Couldn't block Retry");
      });
    }

    for (const timeoutMs of [Infinity, 0]) {
      it(`connectBackend(…, {timeoutMs: ${timeoutMs}}) means no timeout`, async () => {
        const answer = deferred();
        cleanups.push(connectBackend(document, { block: () => answer.promise, unblock: () => answer.promise }, { timeoutMs }));
        const result = requestBlockChange(document.body, store, PRIYA, 'block');
        await new Promise((r) => setTimeout(r, 50));
        expect(store.get(PRIYA.id).pending).to.equal('block');
        answer.resolve(undefined);
        expect(await result).to.equal('applied');
      });
    }

    it('a timeout aborts detail.signal and leaves the change unconfirmed', async () => {
      let signal: AbortSignal | undefined;
      on('chat-block-request', (e) => (signal = e.detail.signal));
      cleanups.push(connectBackend(document, { block: () => new Promise(() => {}), unblock: () => new Promise(() => {}) }, { timeoutMs: 100 }));
      expect(await requestBlockChange(document.body, store, PRIYA, 'block')).to.equal('unconfirmed');
      const error = store.get(PRIYA.id).unconfirmed?.error as ChatBackendError;
      expect(error.code).to.equal('timeout');
      expect(error.message).to.equal('The server did not answer within 0.1 s, so the change is not confirmed.');
      expect(signal?.aborted).to.equal(true);
    });

    it('a timeoutMs that is not a duration is refused with a clear TypeError', () => {
      const backend = { block: async () => {}, unblock: async () => {} };
      expect(() => connectBackend(document, backend, { timeoutMs: -1 })).to.throw(TypeError, /timeoutMs/);
      expect(() => connectBackend(document, backend, { timeoutMs: NaN })).to.throw(TypeError, /timeoutMs/);
    });
  });

  describe('fetchBackend at the edges of real HTTP', () => {
    it("a 302 to a login page (an expired proxy session) is 'unexpected-response', not success", async () => {
      const backend = fetchBackend({ baseUrl: '/edge/expired' });
      const error = (await backend.block(PRIYA, new AbortController().signal).catch((e: unknown) => e)) as ChatBackendError;
      expect(error).to.be.instanceOf(ChatBackendError);
      expect(error.code).to.equal('unexpected-response');
      expect(error.message).to.match(/redirected/);
    });

    it("a 2xx that is HTML (a login page served directly) is 'unexpected-response'", async () => {
      const backend = fetchBackend({ baseUrl: '/edge', blockPath: '/login' });
      const error = (await backend.block(PRIYA, new AbortController().signal).catch((e: unknown) => e)) as ChatBackendError;
      expect(error.code).to.equal('unexpected-response');
      expect(error.message).to.contain('it answered a web page');
    });

    it("host headers replace the defaults whatever their case: one Content-Type reaches the server", async () => {
      const echoed: { contentType: string; accept: string; body: string }[] = [];
      const backend = fetchBackend({
        baseUrl: '/edge/echo',
        headers: { 'content-type': 'application/json; charset=utf-8', ACCEPT: 'application/vnd.api+json' },
        fetch: async (url, init) => {
          const response = await fetch(url, init);
          echoed.push(await response.clone().json());
          return response;
        },
      });
      await backend.block(PRIYA, new AbortController().signal);
      expect(echoed[0].contentType).to.equal('application/json; charset=utf-8');
      expect(echoed[0].accept).to.equal('application/vnd.api+json');
    });

    const written: [string, string][] = [
      ['+91 98765 43210', '+919876543210'],
      ['+91-98765-43210', '+919876543210'],
      ['+1 (415) 555-0132', '+14155550132'],
      ['0091.98765.43210', '+919876543210'],
      [' +919876543210 ', '+919876543210'],
    ];
    for (const [raw, sent] of written) {
      it(`phone numbers as agents write them: ${JSON.stringify(raw)} is sent as ${sent}`, async () => {
        const bodies: string[] = [];
        const backend = fetchBackend({
          baseUrl: '/edge/echo',
          fetch: async (url, init) => {
            const response = await fetch(url, init);
            bodies.push((await response.clone().json()).body);
            return response;
          },
        });
        await backend.block({ id: raw, name: 'X' }, new AbortController().signal);
        expect(JSON.parse(bodies[0])).to.deep.equal({ phone: sent });
      });
    }

    const wrong: [string, RegExp][] = [
      ['98765 43210', /no country code/],
      ['+91 98765 4321x', /only digits/],
      ['+1234567890123456', /too long/],
      ['+9112', /too short/],
    ];
    for (const [raw, why] of wrong) {
      it(`a wrong phone ${JSON.stringify(raw)} says what is wrong`, async () => {
        const backend = fetchBackend({ baseUrl: '/edge/echo' });
        const error = (await backend.block({ id: raw, name: 'X' }, new AbortController().signal).catch((e: unknown) => e)) as ChatBackendError;
        expect(error.code).to.equal('invalid-phone');
        expect(error.message).to.match(why);
      });
    }
  });

  describe('ids and names', () => {
    it('customer="   " disables Block with the reason, and the console names the element once', async () => {
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void errors.push(args[0]);
      cleanups.push(() => (console.error = original));
      const menu = await fixture<ChatHeaderMenu>(
        html`<chat-header-menu customer="   " customer-name="Priya Sharma" .store=${store}></chat-header-menu>`,
      );
      part(menu, 'trigger').focus();
      await press('ArrowUp');
      await until(() => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open'));
      const item = part(menu, 'block-item');
      await (item as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(item.getAttribute('aria-disabled')).to.equal('true');
      expect(item.textContent).to.contain('No customer selected');
      await press('Enter');
      await tick();
      expect(menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open ?? false, 'no dialog').to.equal(false);
      expect(errors).to.have.length(1);
      expect(String(errors[0])).to.contain('chat-header-menu for "Priya Sharma"');
    });

    it('a number as the customer property is that id as text', async () => {
      on('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));
      const events = listen();
      cleanups.push(events.off);
      const { menu } = await menuFor(store);
      (menu as unknown as { customer: number }).customer = 919999999999;
      await menu.updateComplete;
      await confirmBlock(menu);
      await until(() => store.get('919999999999').blocked, 2000, 'blocked under the text id');
      expect((events.heard[0].event as ChatBlockRequestEvent).detail.customer.id).to.equal('919999999999');
    });

    it('"*" is a customer like any other: its pill ignores other customers\' unblocks', async () => {
      const pill = await fixture<ChatStatusPill>(html`<chat-status-pill customer="*" .store=${store}></chat-status-pill>`);
      on('chat-unblock-request', (e) => e.detail.waitUntil(Promise.resolve()));
      store.set(PRIYA.id, true);
      await requestBlockChange(document.body, store, PRIYA, 'unblock');
      await pill.updateComplete;
      expect(pillText(pill)).to.equal('');
    });

    it('a name with a right-to-left override is isolated: the rest of the sentence keeps its order', async () => {
      const { menu } = await menuFor(store, { id: PRIYA.id, name: 'Eve\u202Eevil' });
      part(menu, 'trigger').focus();
      await press('ArrowUp');
      await until(() => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open'));
      await press('Enter');
      await until(() => menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open === true);
      const heading = part(dialogOf(menu), 'heading');
      expect(heading.textContent).to.equal('Block \u2068Eve\u202Eevil\u2069?');
      // The "?" is laid out after the name, not pulled into the override: measure where it lands.
      const range = document.createRange();
      const text = [...heading.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.startsWith('Block'))!;
      range.setStart(text, text.textContent!.length - 1);
      range.setEnd(text, text.textContent!.length);
      const question = range.getBoundingClientRect();
      range.setStart(text, 0);
      const whole = range.getBoundingClientRect();
      expect(question.right, '"?" is the last thing on the line').to.be.closeTo(whole.right, 1);
      const dialog = dialogOf(menu);
      await clickOn(part(dialog, 'cancel'));
    });

    for (const [what, name] of [
      ['blank', '   '],
      ['zero-width', '\u200B\u200D'],
    ]) {
      it(`a ${what} name falls back to the id: "Block +919876543210?", never "Block ?"`, async () => {
        const { menu } = await menuFor(store, { id: PRIYA.id, name });
        expect(visible(part(menu, 'trigger').getAttribute('aria-label'))).to.equal(`More actions for ${PRIYA.id}`);
        part(menu, 'trigger').focus();
        await press('ArrowUp');
        await until(() => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open'));
        await press('Enter');
        await until(() => menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open === true);
        expect(visible(part(dialogOf(menu), 'heading').textContent)).to.equal(`Block ${PRIYA.id}?`);
        await press('Escape');
      });
    }
  });

  describe('the store', () => {
    it('has no public back door: begin/settle/fail/abandon/watch/unwatch are not methods of a store', () => {
      for (const name of ['begin', 'settle', 'fail', 'abandon', 'watch', 'unwatch']) {
        expect(name in blockStore, name).to.equal(false);
      }
    });

    it('records an accepted request in the state itself', async () => {
      on('chat-unblock-request', (e) => e.detail.waitUntil(Promise.resolve()));
      store.set(PRIYA.id, true);
      expect(store.get(PRIYA.id).accepted).to.equal(null);
      const before = Date.now();
      await requestBlockChange(document.body, store, PRIYA, 'unblock');
      const { accepted } = store.get(PRIYA.id);
      expect(accepted?.action).to.equal('unblock');
      expect(accepted!.at).to.be.within(before, Date.now());
      store.set(PRIYA.id, false);
      expect(store.get(PRIYA.id).accepted, 'the host correcting the state clears it').to.equal(null);
    });

    it("VERSION, which the second copy's warning names, is package.json's version", async () => {
      const pkg = (await (await fetch('/package.json')).json()) as { version: string };
      expect(VERSION).to.equal(pkg.version);
    });

    it('the shared blockStore is the one on the page-wide symbol', () => {
      const shared = (globalThis as Record<symbol, { store: unknown; version: string }>)[Symbol.for('chat-block-elements')];
      expect(shared.store).to.equal(blockStore);
      expect(shared.version).to.match(/^\d+\.\d+\.\d+/);
    });
  });

  it('the change event detail is frozen too', async () => {
    let change: ChatBlockChangeEvent | undefined;
    on('chat-block-change', (e) => (change = e));
    on('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));
    await requestBlockChange(document.body, store, PRIYA, 'block');
    expect(Object.isFrozen(change!.detail)).to.equal(true);
    expect(Object.isFrozen(change!.detail.customer)).to.equal(true);
  });
});
