import { expect } from '@open-wc/testing';
import { BlockStore, blockStore, requestBlockChange, type CustomerBlockState } from '../src/index.js';
import { LIFECYCLE } from '../src/state/block-store.js';
import { until } from './helpers.js';

const PRIYA = '+919876543210';
const EMILY = '+14155550132';

/** A listener that remembers every state it was called with. */
/** The request lifecycle's private access to a store (not public API). */
const life = (store: BlockStore) => store[LIFECYCLE];
const NO_META = { reason: null, until: null, by: null, at: null };
const NOTHING_SENT = { reason: null, until: null };

function recorder() {
  const calls: CustomerBlockState[] = [];
  const fn = (state: CustomerBlockState) => void calls.push(state);
  return { fn, calls };
}

describe('BlockStore', () => {
  describe('get / set / seed', () => {
    it('knows nothing of a customer it has never seen', () => {
      const store = new BlockStore();
      expect(store.get(PRIYA)).to.deep.equal({
        id: PRIYA,
        known: false,
        blocked: false,
        pending: null,
        error: null,
        accepted: null,
        unconfirmed: null,
        checking: false,
        revision: null,
        ...NO_META,
      });
    });

    it('set() records the known state and overrides it later', () => {
      const store = new BlockStore();
      store.set(PRIYA, true);
      expect(store.get(PRIYA)).to.include({ id: PRIYA, known: true, blocked: true, pending: null, error: null });
      store.set(PRIYA, false);
      expect(store.get(PRIYA)).to.include({ known: true, blocked: false });
    });

    it('keeps customers apart', () => {
      const store = new BlockStore();
      store.set(PRIYA, true);
      expect(store.get(EMILY).blocked).to.equal(false);
      expect(store.get(EMILY).known).to.equal(false);
    });

    it('seed() fills in an unknown customer but never overrides a known state', () => {
      const store = new BlockStore();
      store.seed(PRIYA, true);
      expect(store.get(PRIYA)).to.include({ known: true, blocked: true });
      store.seed(PRIYA, false);
      expect(store.get(PRIYA).blocked, 'a second seed is ignored').to.equal(true);
      store.set(EMILY, false);
      store.seed(EMILY, true);
      expect(store.get(EMILY).blocked, 'seed does not override set').to.equal(false);
    });

    it('hands out immutable snapshots: a change makes a new one', () => {
      const store = new BlockStore();
      store.set(PRIYA, false);
      const before = store.get(PRIYA);
      expect(Object.isFrozen(before)).to.equal(true);
      store.set(PRIYA, true);
      expect(before.blocked, 'the old snapshot is untouched').to.equal(false);
      expect(store.get(PRIYA)).to.not.equal(before);
    });

    it('set() clears an error left by a failed request', () => {
      const store = new BlockStore();
      life(store).begin(PRIYA, 'block');
      life(store).fail({ id: PRIYA, name: 'Priya' }, 'block', new Error('nope'), NOTHING_SENT);
      expect(store.get(PRIYA).error?.error.message).to.equal('nope');
      store.set(PRIYA, true);
      expect(store.get(PRIYA).error).to.equal(null);
    });

    it('the shared blockStore is a BlockStore', () => {
      expect(blockStore).to.be.instanceOf(BlockStore);
    });
  });

  describe('subscribe', () => {
    it("calls a customer's listener with the new state on every change", () => {
      const store = new BlockStore();
      const { fn, calls } = recorder();
      store.subscribe(PRIYA, fn);
      store.set(PRIYA, true);
      store.set(PRIYA, false);
      expect(calls.map((s) => [s.id, s.blocked])).to.deep.equal([
        [PRIYA, true],
        [PRIYA, false],
      ]);
    });

    it("calls only that customer's listeners", () => {
      const store = new BlockStore();
      const priya = recorder();
      const emily = recorder();
      store.subscribe(PRIYA, priya.fn);
      store.subscribe(EMILY, emily.fn);
      store.set(PRIYA, true);
      expect(priya.calls).to.have.length(1);
      expect(emily.calls, "Emily's listener must not wake for Priya").to.have.length(0);
    });

    it("subscribeAll() hears every customer", () => {
      const store = new BlockStore();
      const all = recorder();
      store.subscribeAll(all.fn);
      store.set(PRIYA, true);
      store.set(EMILY, false);
      expect(all.calls.map((s) => s.id)).to.deep.equal([PRIYA, EMILY]);
    });

    it('tells listeners about a request starting and ending, not only set()', () => {
      const store = new BlockStore();
      const { fn, calls } = recorder();
      store.subscribe(PRIYA, fn);
      life(store).begin(PRIYA, 'block');
      life(store).settle(PRIYA, 'block', NO_META);
      expect(calls.map((s) => [s.pending, s.blocked])).to.deep.equal([
        ['block', false],
        [null, true],
      ]);
    });

    it('the returned function unsubscribes', () => {
      const store = new BlockStore();
      const one = recorder();
      const all = recorder();
      const offOne = store.subscribe(PRIYA, one.fn);
      const offAll = store.subscribeAll(all.fn);
      offOne();
      offAll();
      store.set(PRIYA, true);
      expect(one.calls).to.have.length(0);
      expect(all.calls).to.have.length(0);
    });

    it('unsubscribing one listener leaves the others of that customer', () => {
      const store = new BlockStore();
      const a = recorder();
      const b = recorder();
      const offA = store.subscribe(PRIYA, a.fn);
      store.subscribe(PRIYA, b.fn);
      offA();
      store.set(PRIYA, true);
      expect(a.calls).to.have.length(0);
      expect(b.calls).to.have.length(1);
    });

    it('a listener that unsubscribes while being called does not stop the others', () => {
      const store = new BlockStore();
      const b = recorder();
      const off = store.subscribe(PRIYA, () => off());
      store.subscribe(PRIYA, b.fn);
      store.set(PRIYA, true);
      expect(b.calls).to.have.length(1);
    });
  });

  describe('listenerCount', () => {
    it('counts subscriptions and goes back to 0 when all unsubscribe', () => {
      const store = new BlockStore();
      expect(store.listenerCount).to.equal(0);
      const offs = [
        store.subscribe(PRIYA, () => {}),
        store.subscribe(PRIYA, () => {}),
        store.subscribe(EMILY, () => {}),
        store.subscribeAll(() => {}),
      ];
      expect(store.listenerCount).to.equal(4);
      offs[0]();
      expect(store.listenerCount).to.equal(3);
      for (const off of offs) off();
      expect(store.listenerCount).to.equal(0);
    });

    it('unsubscribing twice does not remove someone else', () => {
      const store = new BlockStore();
      const off = store.subscribe(PRIYA, () => {});
      store.subscribe(PRIYA, () => {});
      off();
      off();
      expect(store.listenerCount).to.equal(1);
    });

    it('an old unsubscribe does not remove a later subscription of the same customer', () => {
      const store = new BlockStore();
      const fn = () => {};
      const off = store.subscribe(PRIYA, fn);
      off();
      store.subscribe(PRIYA, () => {});
      off();
      expect(store.listenerCount).to.equal(1);
    });
  });

  describe('one request per customer', () => {
    it('begin() refuses a second request while one is pending', () => {
      const store = new BlockStore();
      expect(life(store).begin(PRIYA, 'block')).to.equal(true);
      expect(store.get(PRIYA).pending).to.equal('block');
      expect(life(store).begin(PRIYA, 'unblock')).to.equal(false);
      expect(life(store).begin(PRIYA, 'block')).to.equal(false);
      expect(store.get(PRIYA).pending, 'the first request is still the one running').to.equal('block');
    });

    it('another customer is not held up', () => {
      const store = new BlockStore();
      life(store).begin(PRIYA, 'block');
      expect(life(store).begin(EMILY, 'block')).to.equal(true);
    });

    for (const [how, end] of [
      ['accepted', (s: BlockStore) => life(s).settle(PRIYA, 'block', NO_META)],
      ['refused', (s: BlockStore) => life(s).fail({ id: PRIYA, name: 'Priya' }, 'block', new Error('x'), NOTHING_SENT)],
      ['cancelled', (s: BlockStore) => life(s).abandon(PRIYA)],
    ] as const) {
      it(`a new request may start once the first was ${how}`, () => {
        const store = new BlockStore();
        life(store).begin(PRIYA, 'block');
        end(store);
        expect(store.get(PRIYA).pending).to.equal(null);
        expect(life(store).begin(PRIYA, 'unblock')).to.equal(true);
      });
    }

    it('a refused request keeps the old state and remembers why; the next begin clears it', () => {
      const store = new BlockStore();
      store.set(PRIYA, false);
      life(store).begin(PRIYA, 'block');
      const error = new Error('Invalid Customer');
      life(store).fail({ id: PRIYA, name: 'Priya' }, 'block', error, NOTHING_SENT);
      const state = store.get(PRIYA);
      expect(state.blocked).to.equal(false);
      expect(state.error).to.deep.equal({ action: 'block', error, customer: { id: PRIYA, name: 'Priya' }, ...NOTHING_SENT });
      life(store).begin(PRIYA, 'block');
      expect(store.get(PRIYA).error).to.equal(null);
    });
  });

  describe('syncAcrossTabs', () => {
    let stops: (() => void)[] = [];
    afterEach(() => {
      for (const stop of stops) stop();
      stops = [];
    });

    /** Two stores, as two tabs would have, on one fresh channel name. */
    function twoTabs() {
      const name = `chat-block-test-${Math.random().toString(36).slice(2)}`;
      const a = new BlockStore();
      const b = new BlockStore();
      stops.push(a.syncAcrossTabs(name), b.syncAcrossTabs(name));
      return { a, b, name };
    }

    it('set() in one store shows in the other', async () => {
      const { a, b } = twoTabs();
      const heard = recorder();
      b.subscribe(PRIYA, heard.fn);
      a.set(PRIYA, true);
      await until(() => b.get(PRIYA).blocked, 2000, 'the other tab to hear the block');
      expect(b.get(PRIYA)).to.include({ known: true, blocked: true });
      expect(heard.calls.at(-1)?.blocked).to.equal(true);
      a.set(PRIYA, false);
      await until(() => !b.get(PRIYA).blocked, 2000, 'the other tab to hear the unblock');
    });

    it('an accepted request in one store shows in the other', async () => {
      const { a, b } = twoTabs();
      life(a).begin(EMILY, 'block');
      life(a).settle(EMILY, 'block', NO_META);
      await until(() => b.get(EMILY).blocked, 2000, 'the other tab to hear the accepted block');
    });

    it('works both ways', async () => {
      const { a, b } = twoTabs();
      b.set(EMILY, true);
      await until(() => a.get(EMILY).blocked, 2000, 'the first tab to hear the block');
    });

    it('a store on another channel name hears nothing', async () => {
      const { a, name } = twoTabs();
      const other = new BlockStore();
      stops.push(other.syncAcrossTabs(`${name}-other`));
      // A third store on the same name proves the message was delivered before we look.
      const witness = new BlockStore();
      stops.push(witness.syncAcrossTabs(name));
      a.set(PRIYA, true);
      await until(() => witness.get(PRIYA).blocked, 2000, 'the witness to hear the block');
      expect(other.get(PRIYA).known).to.equal(false);
    });

    it('the returned function stops syncing', async () => {
      const { a, b, name } = twoTabs();
      stops.pop()!(); // b stops listening
      const witness = new BlockStore();
      stops.push(witness.syncAcrossTabs(name));
      a.set(PRIYA, true);
      await until(() => witness.get(PRIYA).blocked, 2000, 'the witness to hear the block');
      expect(b.get(PRIYA).known).to.equal(false);
    });
  });

  describe('customer id', () => {
    const bad: [string, unknown][] = [
      ['an empty string', ''],
      ['blanks', '   '],
      ['undefined', undefined],
      ['null', null],
    ];
    for (const [what, id] of bad) {
      it(`set() with ${what} throws a clear TypeError`, () => {
        const store = new BlockStore();
        expect(() => store.set(id as string, true))
          .to.throw(TypeError)
          .with.property('message')
          .that.matches(/needs a customer id/);
      });

      it(`requestBlockChange() with ${what} rejects with a clear TypeError and fires nothing`, async () => {
        const store = new BlockStore();
        const heard: Event[] = [];
        const record = (e: Event) => void heard.push(e);
        document.addEventListener('chat-block-request', record);
        try {
          const error = await requestBlockChange(document.body, store, { id: id as string, name: 'X' }, 'block').then(
            () => null,
            (e: unknown) => e,
          );
          expect(error).to.be.instanceOf(TypeError);
          expect((error as Error).message).to.match(/needs a customer id/);
          expect(heard).to.have.length(0);
        } finally {
          document.removeEventListener('chat-block-request', record);
        }
      });
    }

    // seed() is public too (what an element's `blocked` attribute does): it must refuse
    // the ids set() refuses instead of silently keeping state under "" or undefined.
    it('seed() with a missing or empty id throws a clear TypeError, like set()', () => {
      const store = new BlockStore();
      const all = recorder();
      store.subscribeAll(all.fn);
      for (const [what, id] of bad) {
        expect(() => store.seed(id as string, true), what)
          .to.throw(TypeError)
          .with.property('message')
          .that.matches(/needs a customer id/);
      }
      expect(all.calls, 'no listener woke for a bad id').to.have.length(0);
    });

    it('a refused id leaves nothing behind and wakes no listener', () => {
      const store = new BlockStore();
      const all = recorder();
      store.subscribeAll(all.fn);
      expect(() => store.set('', true)).to.throw(TypeError);
      expect(all.calls).to.have.length(0);
      expect(store.get('').known).to.equal(false);
    });
  });
});
