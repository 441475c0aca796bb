// Issue 18: blockStore.follow() reads streams (an EventSource, its URL) with a module loaded on
// the first follow() of one. What a host's EventSource fires before it is here is not lost, and
// a follow() stopped before it is here opens nothing.
import { expect } from '@open-wc/testing';
import { BlockStore } from '../src/state/block-store.js';
import { until } from './helpers.js';

const PRIYA = '+919876543210';

describe('blockStore.follow() of a stream, loaded on first use', () => {
  it("applies what the host's EventSource fired before the stream reader loaded, in order", async () => {
    const store = new BlockStore();
    const events = new EventSource('/follow-stream-test-missing');
    const realWarn = console.warn;
    console.warn = () => {};
    try {
      const stop = store.follow(events);
      // Fired at once, while the stream reader is (on a fresh page) still loading.
      events.dispatchEvent(new MessageEvent('change', { data: JSON.stringify({ phone: PRIYA, blocked: true, revision: 1 }), lastEventId: '1' }));
      events.dispatchEvent(new MessageEvent('change', { data: JSON.stringify({ phone: PRIYA, blocked: false, by: 'Ben', revision: 2 }), lastEventId: '2' }));
      await until(() => store.get(PRIYA).revision === 2, 2000, 'both changes');
      expect(store.get(PRIYA)).to.include({ blocked: false, by: 'Ben', revision: 2 });
      stop();
      events.dispatchEvent(new MessageEvent('change', { data: JSON.stringify({ phone: PRIYA, blocked: true, revision: 3 }) }));
      expect(store.get(PRIYA).revision, 'nothing after stop').to.equal(2);
    } finally {
      events.close();
      console.warn = realWarn;
    }
  });

  it('a follow(url) stopped at once opens no stream, before or after the reader loads', async () => {
    const opened: string[] = [];
    const Real = window.EventSource;
    window.EventSource = new Proxy(Real, {
      construct: (target, args: [string | URL, EventSourceInit?]) => (opened.push(String(args[0])), Reflect.construct(target, args)),
    });
    try {
      const store = new BlockStore();
      store.follow('/follow-stream-test-missing')();
      store.follow('/follow-stream-test-missing', { shareAcrossTabs: true })();
      await import('../src/state/follow-stream.js');
      await new Promise((r) => setTimeout(r, 100));
      expect(opened).to.deep.equal([]);
      // Not stopped: it opens once the reader is here.
      const stop = store.follow('/follow-stream-test-missing');
      await until(() => opened.length === 1, 2000, 'the stream');
      stop();
    } finally {
      window.EventSource = Real;
    }
  });
});
