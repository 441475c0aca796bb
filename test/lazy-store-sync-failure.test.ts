// The store's sync half (store-sync.ts: status reads, pushes, other tabs) cannot be loaded (the
// test server refuses it: test/fail-lazy-middleware.js). Nothing waits forever and nothing
// claims a state: refresh() rejects, an unconfirmed outcome stops "checking", the console
// says why. This file's page has never loaded it.
import { expect, fixture, html } from '@open-wc/testing';
import { BlockStore, connectBackend, requestBlockChange, type ChangeFeed } from '../src/index.js';
import { reported, whileRefused } from './lazy-helpers.js';
import { until } from './helpers.js';

const PRIYA = { id: '+919876543210', name: 'Priya Sharma' };
const WHY = 'chat-block-elements: the block store could not load what reads the server and other tabs.';

describe('lazy loading: the block store cannot load what reads the server', () => {
  const { errors } = whileRefused('store-sync');

  it('refresh() rejects with the load error instead of waiting forever', async () => {
    const store = new BlockStore();
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const stop = connectBackend(root, { block: async () => {}, unblock: async () => {}, status: async () => ({ blocked: true }) }, { store });
    try {
      const outcome = await store.refresh(PRIYA.id).then(
        () => 'fulfilled',
        (error: Error) => error,
      );
      expect(outcome, 'refresh() rejected').to.be.instanceOf(Error);
      expect(store.get(PRIYA.id)).to.include({ known: false, checking: false });
      expect(reported(errors, WHY), 'the console says why').to.equal(true);
    } finally {
      stop();
    }
  });

  it('an unconfirmed outcome is shown as such, and stops "checking" when no read can start', async () => {
    const store = new BlockStore();
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const hang = () => new Promise<never>(() => {});
    const stop = connectBackend(root, { block: hang, unblock: hang, status: async () => ({ blocked: true }) }, { store, timeoutMs: 30 });
    try {
      expect(await requestBlockChange(root, store, PRIYA, 'block')).to.equal('unconfirmed');
      await until(() => !store.get(PRIYA.id).checking, 4000, 'checking to stop');
      expect(store.get(PRIYA.id)).to.include({ blocked: false, known: false });
      expect(store.get(PRIYA.id).unconfirmed).to.include({ action: 'block' });
    } finally {
      stop();
    }
  });

  it("a followed feed's changes are not applied, and follow() still returns its stop", async () => {
    const store = new BlockStore();
    let deliver: (change: unknown) => void = () => {};
    let unsubscribed = false;
    const feed: ChangeFeed = {
      subscribe(fn) {
        deliver = fn;
        return () => (unsubscribed = true);
      },
    };
    const stopFollowing = store.follow(feed);
    deliver({ phone: PRIYA.id, blocked: true, revision: 3 });
    await until(() => reported(errors, WHY), 4000, 'the console to say why');
    expect(store.get(PRIYA.id).known, 'nothing guessed').to.equal(false);
    stopFollowing();
    expect(unsubscribed).to.equal(true);
  });
});
