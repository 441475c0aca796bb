// Issue 15: an outcome nobody confirmed is not a refusal. Every view says "not confirmed",
// claims no state it does not know, and offers Check (a backend with status() is connected)
// or Retry (the same request, the same Idempotency-Key). Real clicks; axe in each state.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import {
  BlockStore,
  connectBackend,
  type ChatBlockBanner,
  type ChatBlockErrorEvent,
  type ChatBlockNotice,
  type ChatBlockedList,
  type ChatHeaderMenu,
  type ChatStatusPill,
  type CustomerRef,
} from '../src/index.js';
import { accessible, deferred, part, until, visible } from './helpers.js';
import { clickOn, resetMouse } from './mouse.js';

const PRIYA: CustomerRef = { id: '+919876543210', name: 'Priya Sharma' };

/** What the agent reads in an element's shadow root (bidi isolates and extra spaces dropped). */
const text = (el: Element) => visible(el.shadowRoot!.textContent).replace(/\s+/g, ' ').trim();

interface Call {
  action: 'block' | 'unblock';
  key: string | undefined;
  answer: ReturnType<typeof deferred>;
}

/** What a backend's fetch rejects with when its time limit passes (`AbortSignal.timeout()`). */
const timedOut = () => new DOMException('The operation timed out.', 'TimeoutError');

/** A backend whose every call the test answers by hand (rejecting with timedOut() for a lost answer), and an optional status(). */
function backend(status?: (customer: CustomerRef) => Promise<unknown>) {
  const calls: Call[] = [];
  const call = (action: Call['action']) => (_c: CustomerRef, _s: AbortSignal, request?: { idempotencyKey?: string }) => {
    const answer = deferred();
    calls.push({ action, key: request?.idempotencyKey, answer });
    return answer.promise;
  };
  return { calls, block: call('block'), unblock: call('unblock'), ...(status ? { status } : {}) };
}

describe('unconfirmed outcomes in every view', () => {
  let store: BlockStore;
  const cleanups: (() => void)[] = [];
  let realInfo: typeof console.info;
  beforeEach(() => {
    store = new BlockStore({ statusRetry: { attempts: 3, baseMs: 20, maxMs: 40, timeoutMs: 300 } });
    realInfo = console.info;
    console.info = () => {};
  });
  afterEach(async () => {
    for (const fn of cleanups.splice(0)) fn();
    console.info = realInfo;
    await resetMouse();
  });

  /**
   * Starts a block or unblock of Priya from `el` whose call times out once sent: unconfirmed.
   * The test times it out itself (not a short `timeoutMs` on the connection), so the attempts
   * it answers by hand later have all the time a busy machine takes to get there.
   */
  async function timeOut(el: HTMLElement, b: ReturnType<typeof backend>, action: 'block' | 'unblock') {
    const { requestBlockChange } = await import('../src/index.js');
    const sent = b.calls.length;
    const outcome = requestBlockChange(el, store, PRIYA, action);
    await until(() => b.calls.length > sent, 2000, 'the call sent');
    b.calls.at(-1)!.answer.reject(timedOut());
    expect(await outcome).to.equal('unconfirmed');
    expect(b.calls.at(-1)!.action).to.equal(action);
  }

  describe('the pill, with the reference API alone (no status)', () => {
    it('says "Block not confirmed" with Retry, which sends the same Idempotency-Key', async () => {
      const root = await fixture<HTMLElement>(html`<div><chat-status-pill customer=${PRIYA.id} .store=${store}></chat-status-pill></div>`);
      const pill = root.querySelector<ChatStatusPill>('chat-status-pill')!;
      const b = backend();
      cleanups.push(connectBackend(root, b, { store }));
      const errors: ChatBlockErrorEvent[] = [];
      root.addEventListener('chat-block-error', (e) => errors.push(e));
      store.set(PRIYA.id, false);
      await timeOut(pill, b, 'block');
      await pill.updateComplete;
      expect(text(pill)).to.equal('Block not confirmed Retry');
      expect(pill.matches(':state(unconfirmed)')).to.equal(true);
      expect(pill.matches(':state(blocked)'), 'claims nothing it does not know').to.equal(false);
      expect(errors.map((e) => e.detail.outcome)).to.deep.equal(['unconfirmed']);
      await accessible(pill);

      await clickOn(part(pill, 'retry'));
      await until(() => b.calls.length === 2, 2000, 'the retry sent');
      expect(b.calls[1].key, 'the same key as the first attempt').to.equal(b.calls[0].key);
      expect(b.calls[1].key).to.match(/^[0-9a-f-]{32,36}$/);
      await pill.updateComplete;
      expect(text(pill)).to.equal('Blocking…');
      b.calls[1].answer.resolve({});
      await until(() => store.get(PRIYA.id).pending === null);
      await pill.updateComplete;
      expect(text(pill)).to.equal('Blocked');
      expect(store.get(PRIYA.id).unconfirmed).to.equal(null);
    });

    it('a new request after a refusal gets a new key; a retried unconfirmed one keeps its key', async () => {
      const root = await fixture<HTMLElement>(html`<div></div>`);
      const b = backend();
      cleanups.push(connectBackend(root, b, { store }));
      const { requestBlockChange } = await import('../src/index.js');
      const first = requestBlockChange(root, store, PRIYA, 'block');
      await until(() => b.calls.length === 1);
      b.calls[0].answer.reject(new Error('Invalid Customer'));
      await first.catch(() => {});
      const second = requestBlockChange(root, store, PRIYA, 'block');
      await until(() => b.calls.length === 2);
      expect(b.calls[1].key).not.to.equal(b.calls[0].key);
      b.calls[1].answer.reject(timedOut());
      expect(await second).to.equal('unconfirmed');
      void requestBlockChange(root, store, PRIYA, 'block');
      await until(() => b.calls.length === 3);
      expect(b.calls[2].key, 'repeating the unconfirmed block').to.equal(b.calls[1].key);
      b.calls[2].answer.resolve({});
      await until(() => store.get(PRIYA.id).blocked);
      // The other action, or another reason, is another change.
      void requestBlockChange(root, store, PRIYA, 'unblock');
      await until(() => b.calls.length === 4);
      expect(b.calls[3].key).not.to.equal(b.calls[2].key);
    });
  });

  describe('the pill, with status()', () => {
    it('reads the truth back by itself ("Checking…"), then shows it without a second request', async () => {
      const read = deferred();
      const reads: string[] = [];
      const b = backend((customer) => {
        reads.push(customer.id);
        return read.promise;
      });
      const root = await fixture<HTMLElement>(html`<div><chat-status-pill customer=${PRIYA.id} .store=${store}></chat-status-pill></div>`);
      const pill = root.querySelector<ChatStatusPill>('chat-status-pill')!;
      cleanups.push(connectBackend(root, b, { store }));
      store.set(PRIYA.id, false);
      await timeOut(pill, b, 'block');
      await pill.updateComplete;
      // "Checking…" at once; the read itself as soon as the store's sync half is here (the
      // request started loading it, and a busy machine may not be done when the call fails).
      expect(text(pill)).to.equal('Block not confirmed · Checking…');
      await until(() => reads.length > 0, 3000, 'the status read');
      expect(reads).to.deep.equal([PRIYA.id]);
      await accessible(pill);
      read.resolve({ blocked: true, reason: null, until: null, by: 'Asha', at: '2026-12-05T10:00:00Z', revision: 7 });
      await until(() => !store.get(PRIYA.id).checking);
      await pill.updateComplete;
      expect(text(pill)).to.equal('Blocked');
      expect(store.get(PRIYA.id)).to.include({ blocked: true, unconfirmed: null, revision: 7, by: 'Asha' });
      expect(b.calls, 'no second request').to.have.length(1);
    });

    it('a status that fails is asked a bounded number of times, then Check asks again', async () => {
      let reads = 0;
      let answer: unknown = Promise.reject(new Error('503'));
      const b = backend(() => {
        reads++;
        return answer instanceof Promise ? answer : Promise.resolve(answer);
      });
      (answer as Promise<unknown>).catch(() => {});
      const root = await fixture<HTMLElement>(html`<div><chat-status-pill customer=${PRIYA.id} .store=${store}></chat-status-pill></div>`);
      const pill = root.querySelector<ChatStatusPill>('chat-status-pill')!;
      cleanups.push(connectBackend(root, b, { store }));
      store.set(PRIYA.id, true);
      await timeOut(pill, b, 'unblock');
      await until(() => !store.get(PRIYA.id).checking, 3000, 'the reads to give up');
      expect(reads, 'statusRetry.attempts').to.equal(3);
      await pill.updateComplete;
      expect(text(pill)).to.equal('Unblock not confirmed Check');
      await accessible(pill);
      answer = { blocked: false, revision: 3 };
      await clickOn(part(pill, 'check'));
      await until(() => store.get(PRIYA.id).unconfirmed === null, 2000, 'the check to settle it');
      expect(reads).to.equal(4);
      expect(store.get(PRIYA.id).blocked).to.equal(false);
    });

    it('a status that hangs is cut off by its time limit, and coming back online reads again', async () => {
      let reads = 0;
      let hang = true;
      const b = backend(() => {
        reads++;
        return hang ? new Promise(() => {}) : Promise.resolve({ blocked: true, revision: 9 });
      });
      const root = await fixture<HTMLElement>(html`<div></div>`);
      cleanups.push(connectBackend(root, b, { store }));
      await timeOut(root, b, 'block');
      // 3 reads of at most 300 ms each, with short waits between them.
      await until(() => !store.get(PRIYA.id).checking, 3000, 'the hanging reads to time out');
      expect(reads).to.equal(3);
      expect(store.get(PRIYA.id).unconfirmed).not.to.equal(null);
      hang = false;
      window.dispatchEvent(new Event('online'));
      await until(() => store.get(PRIYA.id).unconfirmed === null, 2000, 'the read after "online"');
      expect(store.get(PRIYA.id)).to.include({ blocked: true, revision: 9 });
    });

    it('the server still working on it (pending) keeps "not confirmed" until it has settled', async () => {
      const answers = [
        { blocked: false, revision: 4, pending: { action: 'block', by: 'Asha', since: '2026-12-05T10:00:00Z' } },
        { blocked: true, revision: 5, pending: null },
      ];
      const b = backend(() => Promise.resolve(answers.shift()));
      const root = await fixture<HTMLElement>(html`<div></div>`);
      cleanups.push(connectBackend(root, b, { store }));
      const seen: string[] = [];
      cleanups.push(store.subscribe(PRIYA.id, (s) => seen.push(`${s.blocked}/${s.unconfirmed ? 'unsure' : 'sure'}/${s.revision}`)));
      await timeOut(root, b, 'block');
      await until(() => !store.get(PRIYA.id).checking);
      expect(store.get(PRIYA.id)).to.include({ blocked: true, unconfirmed: null, revision: 5 });
      expect(seen).to.include('false/unsure/4');
    });

    it('a request that lands after the read that settled it: one more read a little later shows it', async () => {
      store = new BlockStore({ statusRetry: { attempts: 3, baseMs: 20, maxMs: 40, timeoutMs: 300, recheckMs: 200 } });
      let server = { blocked: false, revision: 4 };
      let reads = 0;
      const b = backend(() => (reads++, Promise.resolve(server)));
      const root = await fixture<HTMLElement>(html`<div><chat-status-pill customer=${PRIYA.id} .store=${store}></chat-status-pill></div>`);
      const pill = root.querySelector<ChatStatusPill>('chat-status-pill')!;
      cleanups.push(connectBackend(root, b, { store }));
      store.set(PRIYA.id, false);
      await timeOut(pill, b, 'block');
      await until(() => !store.get(PRIYA.id).checking);
      expect(store.get(PRIYA.id)).to.include({ blocked: false, unconfirmed: null, revision: 4 });
      expect(reads).to.equal(1);
      // The block the page gave up on reaches the server only now.
      server = { blocked: true, revision: 5 };
      await until(() => store.get(PRIYA.id).blocked === true, 2000, 'the read recheckMs later');
      expect(reads).to.equal(2);
      expect(store.get(PRIYA.id)).to.include({ unconfirmed: null, revision: 5 });
      await pill.updateComplete;
      expect(text(pill)).to.equal('Blocked');
      expect(b.calls, 'no second request').to.have.length(1);
    });

    for (const [what, options, follow] of [
      ['while a feed is followed (it pushes a late change)', {}, true],
      ['with recheckMs: 0', { recheckMs: 0 }, false],
    ] as const) {
      it(`no later read ${what}`, async () => {
        store = new BlockStore({ statusRetry: { attempts: 3, baseMs: 20, maxMs: 40, timeoutMs: 300, recheckMs: 100, ...options } });
        if (follow) cleanups.push(store.follow({ subscribe: () => () => {} }));
        let reads = 0;
        const b = backend(() => (reads++, Promise.resolve({ blocked: false, revision: 4 })));
        const root = await fixture<HTMLElement>(html`<div></div>`);
        cleanups.push(connectBackend(root, b, { store }));
        await timeOut(root, b, 'block');
        await until(() => !store.get(PRIYA.id).checking);
        await new Promise((r) => setTimeout(r, 400));
        expect(reads).to.equal(1);
        expect(store.get(PRIYA.id)).to.include({ blocked: false, unconfirmed: null });
      });
    }

    it('blockStore.refresh() needs a backend with status()', async () => {
      const error = await store.refresh(PRIYA.id).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(TypeError);
      expect((error as Error).message).to.match(/connectBackend\(root, \{ block, unblock, status \}\)/);
    });
  });

  describe('the menu', () => {
    it('offers "Retry block" (not "Block"), and choosing it sends the same key without asking again', async () => {
      const root = await fixture<HTMLElement>(html`<div>
        <chat-header-menu customer=${PRIYA.id} customer-name=${PRIYA.name} .store=${store}></chat-header-menu>
      </div>`);
      const menu = root.querySelector<ChatHeaderMenu>('chat-header-menu')!;
      const b = backend();
      cleanups.push(connectBackend(root, b, { store }));
      store.set(PRIYA.id, false);
      await timeOut(menu, b, 'block');
      menu.show();
      await menu.updateComplete;
      const item = part(menu, 'block-item');
      expect((item as HTMLElement & { label: string }).label).to.equal('Retry block');
      expect(item.querySelector('[slot="description"]')?.textContent).to.equal("The server didn't confirm it");
      expect(item.matches('[disabled]'), 'it can be chosen').to.equal(false);
      await accessible(menu);
      await clickOn(item);
      await until(() => b.calls.length === 2, 2000, 'the retry sent');
      expect(b.calls[1].key).to.equal(b.calls[0].key);
      expect(menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open ?? false, 'no dialog').to.equal(false);
      b.calls[1].answer.resolve({});
      await until(() => store.get(PRIYA.id).blocked);
      menu.show();
      await menu.updateComplete;
      expect(visible(part(menu, 'block-item').textContent).trim()).to.equal('Unblock');
    });
  });

  describe('the notice and the banner', () => {
    it('say the unblock is not confirmed, drop :state(blocked), and offer Retry', async () => {
      const root = await fixture<HTMLElement>(html`<div>
        <chat-block-notice customer=${PRIYA.id} customer-name=${PRIYA.name} .store=${store}></chat-block-notice>
        <chat-block-banner customer=${PRIYA.id} customer-name=${PRIYA.name} .store=${store}></chat-block-banner>
      </div>`);
      const notice = root.querySelector<ChatBlockNotice>('chat-block-notice')!;
      const banner = root.querySelector<ChatBlockBanner>('chat-block-banner')!;
      const b = backend();
      cleanups.push(connectBackend(root, b, { store }));
      store.set(PRIYA.id, true);
      await notice.updateComplete;
      await banner.updateComplete;
      await timeOut(banner, b, 'unblock');
      await notice.updateComplete;
      await banner.updateComplete;
      expect(text(notice)).to.equal("Unblocking this customer isn't confirmed · Retry");
      expect(visible(part(banner, 'message').textContent)).to.equal("Unblocking Priya Sharma isn't confirmed yet.");
      expect(part(banner, 'retry').textContent).to.equal('Retry');
      for (const el of [notice, banner]) {
        expect(el.matches(':state(unconfirmed)')).to.equal(true);
        expect(el.matches(':state(blocked)')).to.equal(false);
        expect(getComputedStyle(el).display).not.to.equal('none');
      }
      await accessible(root);
      await clickOn(part(banner, 'retry'));
      await until(() => b.calls.length === 2);
      expect(b.calls[1].key).to.equal(b.calls[0].key);
      b.calls[1].answer.resolve({});
      await until(() => !store.get(PRIYA.id).blocked);
      await banner.updateComplete;
      expect(getComputedStyle(banner).display).to.equal('none');
    });

    it('show for an unconfirmed block of an active customer too, with Check when status() is there', async () => {
      const read = deferred();
      const root = await fixture<HTMLElement>(html`<div>
        <chat-block-notice customer=${PRIYA.id} .store=${store}></chat-block-notice>
      </div>`);
      const notice = root.querySelector<ChatBlockNotice>('chat-block-notice')!;
      const b = backend(() => read.promise);
      cleanups.push(connectBackend(root, b, { store }));
      store.set(PRIYA.id, false);
      await timeOut(notice, b, 'block');
      await notice.updateComplete;
      expect(text(notice)).to.equal("Blocking this customer isn't confirmed · Checking…");
      read.reject(new Error('down'));
      await until(() => !store.get(PRIYA.id).checking, 3000);
      await notice.updateComplete;
      expect(text(notice)).to.equal("Blocking this customer isn't confirmed · Check");
      await accessible(notice);
    });
  });

  describe('the blocked list', () => {
    it('keeps an unconfirmed row, says so, and offers Retry instead of Unblock', async () => {
      const list = await fixture<ChatBlockedList>(html`<chat-blocked-list confirm-unblock="false" .store=${store}></chat-blocked-list>`);
      const b = backend();
      cleanups.push(connectBackend(list, b, { store }));
      store.set(PRIYA.id, { blocked: true, by: 'Asha' });
      await list.updateComplete;
      await timeOut(list, b, 'unblock');
      await list.updateComplete;
      const row = list.shadowRoot!.querySelector('[part~="row"][part~="unconfirmed"]')!;
      expect(row, 'the row stays, marked').to.exist;
      expect(visible(row.querySelector('[part~="unconfirmed"]')!.textContent)).to.equal('Unblock not confirmed');
      const retry = row.querySelector<HTMLButtonElement>('button[part~="retry"]')!;
      expect(retry.getAttribute('aria-label')).to.contain('Retry unblocking');
      expect(row.querySelector('button[part~="unblock"]'), 'no Unblock: nobody knows').to.equal(null);
      await accessible(list);
      await clickOn(retry);
      await until(() => b.calls.length === 2);
      expect(b.calls[1].key).to.equal(b.calls[0].key);
    });
  });
});
