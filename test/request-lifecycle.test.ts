import { expect, fixture, html } from '@open-wc/testing';
import {
  BlockStore,
  ChatBackendError,
  ChatBlockChangeEvent,
  ChatBlockErrorEvent,
  ChatBlockRequestEvent,
  requestBlockChange,
  type BlockAction,
  type CustomerRef,
} from '../src/index.js';
import { deferred } from './helpers.js';

const PRIYA: CustomerRef = { id: '+919876543210', name: 'Priya Sharma' };
const EMILY: CustomerRef = { id: '+14155550132', name: 'Emily Carter' };

/** Records the events of the lifecycle heard on `document` (so only bubbling, composed ones arrive). */
function listen() {
  const heard: Event[] = [];
  const types = ['chat-block-request', 'chat-unblock-request', 'chat-block-change', 'chat-block-error'];
  const record = (e: Event) => void heard.push(e);
  for (const t of types) document.addEventListener(t, record);
  const off = () => {
    for (const t of types) document.removeEventListener(t, record);
  };
  return { heard, off, types: () => heard.map((e) => e.type) };
}

/** A listener on `document` that plays the host's backend for one request type. */
function host(type: 'chat-block-request' | 'chat-unblock-request', answer: (e: ChatBlockRequestEvent) => void) {
  document.addEventListener(type, answer);
  return () => document.removeEventListener(type, answer);
}

/** Resolves after queued promise callbacks ran (lets a request reach its pending state). */
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('requestBlockChange', () => {
  let target: HTMLElement;
  let store: BlockStore;
  let cleanups: (() => void)[];
  // The one-time "no backend" hint: captured for the whole file, so whichever test
  // triggers it first, the hint test can count it.
  const infos: unknown[][] = [];
  let realInfo: typeof console.info;

  before(() => {
    realInfo = console.info;
    console.info = (...args: unknown[]) => void infos.push(args);
  });
  after(() => {
    console.info = realInfo;
  });

  beforeEach(async () => {
    // The target sits inside a shadow root: the host listens on document, across it.
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = wrapper.attachShadow({ mode: 'open' });
    target = document.createElement('button');
    root.append(target);
    store = new BlockStore();
    cleanups = [];
  });
  afterEach(() => {
    for (const c of cleanups) c();
  });

  const request = (action: BlockAction, customer = PRIYA, signal?: AbortSignal) =>
    requestBlockChange(target, store, customer, action, signal);

  describe('the request event', () => {
    for (const [action, type] of [
      ['block', 'chat-block-request'],
      ['unblock', 'chat-unblock-request'],
    ] as const) {
      it(`${action}: fires ${type} that bubbles out of shadow roots, is cancelable, and carries the customer`, async () => {
        const events = listen();
        cleanups.push(events.off);
        let seen: ChatBlockRequestEvent | undefined;
        let firedFromTarget = false;
        cleanups.push(
          host(type, (e) => {
            seen = e;
            firedFromTarget = e.composedPath()[0] === target;
          }),
        );
        await request(action);
        expect(seen, `${type} reached document`).to.be.instanceOf(ChatBlockRequestEvent);
        expect(seen!.type).to.equal(type);
        expect(seen!.bubbles).to.equal(true);
        expect(seen!.composed).to.equal(true);
        expect(seen!.cancelable).to.equal(true);
        expect(seen!.detail.customer).to.deep.equal(PRIYA);
        expect(seen!.detail.action).to.equal(action);
        expect(seen!.detail.signal).to.be.instanceOf(AbortSignal);
        expect(seen!.detail.signal.aborted).to.equal(false);
        expect(seen!.detail.waitUntil).to.be.a('function');
        expect(firedFromTarget, 'fired from the element').to.equal(true);
        expect(events.types().filter((t) => t.endsWith('-request'))).to.deep.equal([type]);
      });
    }
  });

  describe('preventDefault()', () => {
    it("cancels: resolves 'cancelled', leaves the state, fires no change", async () => {
      store.set(PRIYA.id, false);
      const before = store.get(PRIYA.id);
      const events = listen();
      cleanups.push(events.off);
      cleanups.push(host('chat-block-request', (e) => e.preventDefault()));
      expect(await request('block')).to.equal('cancelled');
      expect(store.get(PRIYA.id)).to.deep.equal(before);
      expect(events.types()).to.deep.equal(['chat-block-request']);
    });

    it('a cancelled request does not hold the customer: the next one runs', async () => {
      const off = host('chat-block-request', (e) => e.preventDefault());
      await request('block');
      off();
      cleanups.push(host('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve())));
      expect(await request('block')).to.equal('applied');
      expect(store.get(PRIYA.id).blocked).to.equal(true);
    });
  });

  describe('waitUntil() fulfilled', () => {
    it("stays pending until the promise settles, then 'applied' and chat-block-change", async () => {
      const backend = deferred();
      const events = listen();
      cleanups.push(events.off);
      cleanups.push(host('chat-block-request', (e) => e.detail.waitUntil(backend.promise)));
      const outcome = request('block');
      await tick();
      expect(store.get(PRIYA.id)).to.include({ pending: 'block', blocked: false });
      expect(events.types(), 'no change before the backend answered').to.deep.equal(['chat-block-request']);
      backend.resolve(undefined);
      expect(await outcome).to.equal('applied');
      expect(store.get(PRIYA.id)).to.include({ known: true, blocked: true, pending: null, error: null });
      expect(events.types()).to.deep.equal(['chat-block-request', 'chat-block-change']);
      const change = events.heard[1] as ChatBlockChangeEvent;
      expect(change).to.be.instanceOf(ChatBlockChangeEvent);
      expect(change.bubbles && change.composed).to.equal(true);
      // Plus the change's metadata (none given here: no reason or end; `at` is now).
      expect(change.detail).to.deep.include({ customer: PRIYA, blocked: true, reason: null, until: null, by: null });
    });

    it('an unblock lands as blocked: false', async () => {
      store.set(PRIYA.id, true);
      const events = listen();
      cleanups.push(events.off);
      cleanups.push(host('chat-unblock-request', (e) => e.detail.waitUntil(Promise.resolve('ok'))));
      expect(await request('unblock')).to.equal('applied');
      expect(store.get(PRIYA.id).blocked).to.equal(false);
      expect((events.heard.at(-1) as ChatBlockChangeEvent).detail).to.deep.include({ customer: PRIYA, blocked: false });
    });

    it('waits for every promise handed to waitUntil', async () => {
      const first = deferred();
      const second = deferred();
      cleanups.push(host('chat-block-request', (e) => e.detail.waitUntil(first.promise)));
      cleanups.push(host('chat-block-request', (e) => e.detail.waitUntil(second.promise)));
      const outcome = request('block');
      first.resolve(undefined);
      await tick();
      expect(store.get(PRIYA.id).pending, 'still waiting for the second').to.equal('block');
      second.resolve(undefined);
      expect(await outcome).to.equal('applied');
    });
  });

  describe('waitUntil() rejected', () => {
    it('rejects, rolls the state back, keeps the error in the store and fires chat-block-error', async () => {
      store.set(PRIYA.id, false);
      const events = listen();
      cleanups.push(events.off);
      const refusal = new Error('Invalid Customer');
      cleanups.push(host('chat-block-request', (e) => e.detail.waitUntil(Promise.reject(refusal))));
      let thrown: unknown;
      await request('block').catch((e) => (thrown = e));
      expect(thrown).to.equal(refusal);
      expect(store.get(PRIYA.id)).to.include({ blocked: false, pending: null });
      expect(store.get(PRIYA.id).error).to.deep.equal({ action: 'block', error: refusal, customer: PRIYA, reason: null, until: null });
      expect(events.types()).to.deep.equal(['chat-block-request', 'chat-block-error']);
      const failed = events.heard[1] as ChatBlockErrorEvent;
      expect(failed).to.be.instanceOf(ChatBlockErrorEvent);
      expect(failed.bubbles && failed.composed).to.equal(true);
      expect(failed.detail).to.deep.equal({ customer: PRIYA, action: 'block', error: refusal, outcome: 'refused' });
    });

    it('a failed unblock leaves the customer blocked', async () => {
      store.set(PRIYA.id, true);
      cleanups.push(host('chat-unblock-request', (e) => e.detail.waitUntil(Promise.reject(new Error('down')))));
      await request('unblock').then(
        () => expect.fail('should reject'),
        () => {},
      );
      expect(store.get(PRIYA.id)).to.include({ blocked: true, pending: null });
      expect(store.get(PRIYA.id).error?.action).to.equal('unblock');
    });

    it('a rejection that is not an Error still becomes a readable Error', async () => {
      cleanups.push(host('chat-block-request', (e) => e.detail.waitUntil(Promise.reject('server said no'))));
      let thrown: unknown;
      await request('block').catch((e) => (thrown = e));
      expect(thrown).to.be.instanceOf(Error);
      expect((thrown as Error).message).to.equal('server said no');
      expect(store.get(PRIYA.id).error?.error.message).to.equal('server said no');
    });

    it('one rejected promise among several is enough to roll back', async () => {
      cleanups.push(host('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve())));
      cleanups.push(host('chat-block-request', (e) => e.detail.waitUntil(Promise.reject(new Error('no')))));
      await request('block').catch(() => {});
      expect(store.get(PRIYA.id).blocked).to.equal(false);
    });
  });

  describe('no listener answers', () => {
    it('applies at once and hints once on the console that no backend answered', async () => {
      const events = listen();
      cleanups.push(events.off);
      expect(await request('block')).to.equal('applied');
      expect(store.get(PRIYA.id).blocked).to.equal(true);
      expect(events.types()).to.deep.equal(['chat-block-request', 'chat-block-change']);
      expect(await request('unblock')).to.equal('applied');
      expect(await request('block', EMILY)).to.equal('applied');
      const hints = infos.filter((args) => /no backend answered/.test(String(args[0])));
      expect(hints, 'one hint in all').to.have.length(1);
      expect(String(hints[0][0])).to.match(/waitUntil/).and.match(/connectBackend/);
    });
  });

  describe('waitUntil() out of time', () => {
    it('throws InvalidStateError when called after the event was dispatched', async () => {
      let late: ChatBlockRequestEvent['detail'] | undefined;
      cleanups.push(host('chat-block-request', (e) => (late = e.detail)));
      await request('block');
      let thrown: unknown;
      try {
        late!.waitUntil(Promise.resolve());
      } catch (e) {
        thrown = e;
      }
      expect(thrown).to.be.instanceOf(DOMException);
      expect((thrown as DOMException).name).to.equal('InvalidStateError');
      expect((thrown as DOMException).message).to.match(/synchronously/);
    });

    it('throws when a listener calls it after an await', async () => {
      const thrown = deferred<unknown>();
      cleanups.push(
        host('chat-block-request', async (e) => {
          await null;
          try {
            e.detail.waitUntil(Promise.resolve());
            thrown.resolve(null);
          } catch (error) {
            thrown.resolve(error);
          }
        }),
      );
      await request('block');
      expect(((await thrown.promise) as DOMException)?.name).to.equal('InvalidStateError');
    });
  });

  describe('one request per customer', () => {
    it("a second request while one is pending resolves 'busy' and fires nothing", async () => {
      const backend = deferred();
      cleanups.push(host('chat-block-request', (e) => e.detail.waitUntil(backend.promise)));
      const first = request('block');
      await tick();
      const events = listen();
      cleanups.push(events.off);
      expect(await request('unblock')).to.equal('busy');
      expect(await request('block')).to.equal('busy');
      expect(events.types(), 'no event for a busy request').to.deep.equal([]);
      expect(store.get(PRIYA.id).pending, 'the first request is untouched').to.equal('block');
      backend.resolve(undefined);
      expect(await first).to.equal('applied');
    });

    it('another customer is not busy', async () => {
      const backend = deferred();
      cleanups.push(host('chat-block-request', (e) => e.detail.waitUntil(backend.promise)));
      const first = request('block');
      const other = request('block', EMILY);
      backend.resolve(undefined);
      expect(await other).to.equal('applied');
      expect(await first).to.equal('applied');
    });

    it('out of order: the slow first request wins, the second is refused, the state is what the backend accepted', async () => {
      const backend = { blocked: false };
      const slow = deferred();
      cleanups.push(
        host('chat-block-request', (e) =>
          e.detail.waitUntil(slow.promise.then(() => (backend.blocked = true))),
        ),
      );
      cleanups.push(
        host('chat-unblock-request', (e) =>
          e.detail.waitUntil(Promise.resolve().then(() => (backend.blocked = false))),
        ),
      );
      const first = request('block');
      const second = request('unblock');
      expect(await second).to.equal('busy');
      slow.resolve(undefined);
      expect(await first).to.equal('applied');
      expect(store.get(PRIYA.id).blocked).to.equal(backend.blocked);
      expect(store.get(PRIYA.id).blocked).to.equal(true);
    });

    it('out of order, refused: the slow request fails after a second was turned away; the old state stays', async () => {
      store.set(PRIYA.id, false);
      const slow = deferred();
      cleanups.push(host('chat-block-request', (e) => e.detail.waitUntil(slow.promise)));
      const first = request('block');
      expect(await request('block')).to.equal('busy');
      slow.reject(new Error('timeout'));
      await first.catch(() => {});
      expect(store.get(PRIYA.id)).to.include({ blocked: false, pending: null });
    });
  });

  describe("the caller's signal (the agent cancels)", () => {
    it('aborts the signal handed to the host; the request had left, so it is unconfirmed, not rolled back', async () => {
      store.set(PRIYA.id, false);
      const events = listen();
      cleanups.push(events.off);
      let hostSignal: AbortSignal | undefined;
      cleanups.push(
        host('chat-block-request', (e) => {
          hostSignal = e.detail.signal;
          // A backend that gives up when told to, as fetch does.
          e.detail.waitUntil(
            new Promise((_, reject) =>
              e.detail.signal.addEventListener('abort', () => reject(e.detail.signal.reason), { once: true }),
            ),
          );
        }),
      );
      const agent = new AbortController();
      const outcome = request('block', PRIYA, agent.signal);
      await tick();
      expect(hostSignal!.aborted).to.equal(false);
      const reason = new DOMException('The agent cancelled.', 'AbortError');
      agent.abort(reason);
      expect(hostSignal!.aborted).to.equal(true);
      expect(hostSignal!.reason, 'the host sees why').to.equal(reason);
      expect(await outcome).to.equal('unconfirmed');
      const state = store.get(PRIYA.id);
      // The old state stays, marked as no longer certain; no error to show as a refusal.
      expect(state).to.include({ blocked: false, pending: null, error: null });
      expect(state.unconfirmed).to.include({ action: 'block', customer: state.unconfirmed!.customer });
      expect(state.unconfirmed!.error?.message).to.equal('Cancelled after the block was sent, so it may have been made.');
      expect(events.types()).to.deep.equal(['chat-block-request', 'chat-block-error']);
      expect((events.heard[1] as ChatBlockErrorEvent).detail.outcome).to.equal('unconfirmed');
    });

    it('a host that says nothing was sent (unconfirmed: false) makes Cancel a quiet cancel again', async () => {
      store.set(PRIYA.id, false);
      const events = listen();
      cleanups.push(events.off);
      cleanups.push(
        host('chat-block-request', (e) =>
          e.detail.waitUntil(
            new Promise((_, reject) =>
              e.detail.signal.addEventListener(
                'abort',
                () => reject(new ChatBackendError('aborted', 'Not sent.', { unconfirmed: false })),
                { once: true },
              ),
            ),
          ),
        ),
      );
      const agent = new AbortController();
      const outcome = request('block', PRIYA, agent.signal);
      await tick();
      agent.abort();
      await outcome.then(
        () => expect.fail('a cancelled request must not resolve'),
        () => {},
      );
      expect(store.get(PRIYA.id)).to.include({ blocked: false, pending: null, error: null, unconfirmed: null });
      expect(events.types()).to.deep.equal(['chat-block-request']);
    });

    it('a signal that is already aborted reaches the host aborted, and nothing is applied', async () => {
      store.set(PRIYA.id, false);
      let hostSignalAborted: boolean | undefined;
      cleanups.push(
        host('chat-block-request', (e) => {
          const { signal } = e.detail;
          hostSignalAborted = signal.aborted;
          // A backend that honours its signal, as fetch does.
          e.detail.waitUntil(signal.aborted ? Promise.reject(signal.reason) : Promise.resolve());
        }),
      );
      const agent = new AbortController();
      agent.abort();
      const outcome = await request('block', PRIYA, agent.signal).catch(() => 'rejected');
      expect(outcome).to.not.equal('applied');
      expect(store.get(PRIYA.id)).to.include({ blocked: false, pending: null, error: null });
      if (hostSignalAborted !== undefined) expect(hostSignalAborted, "the host's signal").to.equal(true);
    });

    it('the agent may start again right after cancelling', async () => {
      const agent = new AbortController();
      cleanups.push(
        host('chat-block-request', (e) => {
          // The first request hangs until cancelled; the next one is accepted.
          const { signal } = e.detail;
          e.detail.waitUntil(
            agent.signal.aborted
              ? Promise.resolve()
              : new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
          );
        }),
      );
      const first = request('block', PRIYA, agent.signal);
      await tick();
      agent.abort();
      await first.catch(() => {});
      expect(await request('block')).to.equal('applied');
      expect(store.get(PRIYA.id).blocked).to.equal(true);
    });
  });
});
