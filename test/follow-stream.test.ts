// Issue 18: blockStore.follow() reads streams (an EventSource, its URL) with the store's sync
// half, loaded on first need. What a host's EventSource fires before it is here is not lost,
// and a follow() stopped before it is here opens nothing.
import { expect } from '@open-wc/testing';
import { BlockStore } from '../src/state/block-store.js';
import { until } from './helpers.js';

const PRIYA = '+919876543210';
const change = (data: object, lastEventId = '') => new MessageEvent('change', { data: JSON.stringify(data), lastEventId });

/** Records every EventSource the page constructs while `fn` runs. */
async function watchingStreams(fn: (opened: EventSource[]) => Promise<void>): Promise<void> {
  const opened: EventSource[] = [];
  const Real = window.EventSource;
  window.EventSource = new Proxy(Real, {
    construct: (target, args: [string | URL, EventSourceInit?]) => {
      const events = Reflect.construct(target, args) as EventSource;
      opened.push(events);
      return events;
    },
  });
  try {
    await fn(opened);
  } finally {
    window.EventSource = Real;
    for (const events of opened) events.close();
  }
}

describe('blockStore.follow() of a stream, read by the sync half', () => {
  // First in the file: the sync half is not loaded yet.
  it("before it loads: the host's EventSource's events are held and applied in order; a follow(url) stopped opens nothing", async () => {
    const realWarn = console.warn;
    console.warn = () => {};
    const host = new EventSource('/follow-stream-test-missing');
    try {
      await watchingStreams(async (opened) => {
        const store = new BlockStore();
        store.follow('/follow-stream-test-missing')();
        store.follow('/follow-stream-test-missing', { shareAcrossTabs: true })();
        const stop = store.follow(host);
        // Fired at once, while the sync half is still loading.
        host.dispatchEvent(change({ phone: PRIYA, blocked: true, revision: 1 }, '1'));
        host.dispatchEvent(change({ phone: PRIYA, blocked: false, by: 'Ben', revision: 2 }, '2'));
        await until(() => store.get(PRIYA).revision === 2, 2000, 'both changes');
        expect(store.get(PRIYA)).to.include({ blocked: false, by: 'Ben', revision: 2 });
        await new Promise((r) => setTimeout(r, 100));
        expect(opened, 'no stream opened for the follows stopped at once').to.deep.equal([]);
        stop();
        host.dispatchEvent(change({ phone: PRIYA, blocked: true, revision: 3 }));
        expect(store.get(PRIYA).revision, 'nothing after stop').to.equal(2);
      });
    } finally {
      host.close();
      console.warn = realWarn;
    }
  });

  it('once it is here: a follow(url) opens its stream at once, and its stop closes it', async () => {
    await import('../src/state/store-sync.js');
    await watchingStreams(async (opened) => {
      const store = new BlockStore();
      store.follow('/follow-stream-test-missing')();
      expect(opened.map((events) => events.readyState)).to.deep.equal([EventSource.CLOSED]);
      const stop = store.follow('/follow-stream-test-missing');
      expect(opened).to.have.length(2);
      expect(opened[1].readyState, 'open while followed').to.not.equal(EventSource.CLOSED);
      stop();
      expect(opened[1].readyState).to.equal(EventSource.CLOSED);
    });
  });

  it('a follow(url) where there is no EventSource is a TypeError at the call, shared across tabs or not', () => {
    const Real = window.EventSource;
    // A page with the Web Locks API but no EventSource (the tab that takes the lock opens one).
    delete (window as { EventSource?: unknown }).EventSource;
    try {
      const store = new BlockStore();
      expect(() => store.follow('/follow-stream-test-missing')).to.throw(TypeError, /needs EventSource/);
      expect(() => store.follow('/follow-stream-test-missing', { shareAcrossTabs: true })).to.throw(TypeError, /needs EventSource/);
    } finally {
      window.EventSource = Real;
    }
  });
});
