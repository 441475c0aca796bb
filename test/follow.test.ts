// Issue 15: changes pushed from elsewhere (blockStore.follow), revision order between pushes,
// reads and answers, resume after a reconnect, two tabs, and what fetchBackend sends and accepts.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import {
  BlockStore,
  ChatBackendError,
  connectBackend,
  fetchBackend,
  requestBlockChange,
  type ChangeFeed,
  type ChatBlockRequestEvent,
  type ChatStatusPill,
  type CustomerRef,
} from '../src/index.js';
import { deferred, until } from './helpers.js';

const PRIYA: CustomerRef = { id: '+919876543210', name: 'Priya Sharma' };
const EMILY: CustomerRef = { id: '+14155550132', name: 'Emily Carter' };

/** A feed the test pushes into by hand. */
function feed() {
  const listeners = new Set<(change: unknown) => void>();
  const source: ChangeFeed = {
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  return { source, listeners, push: (change: unknown) => listeners.forEach((fn) => fn(change)) };
}

const post = (path: string, body: unknown) =>
  fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

// First in the file: the store's sync half (store-sync.ts, what reads pushes) is not loaded yet.
describe('blockStore.follow() before what reads its changes has loaded', () => {
  it('holds the changes delivered meanwhile and applies them in order, none lost', async () => {
    const store = new BlockStore();
    const f = feed();
    const seen: (number | null)[] = [];
    const stopWatching = store.subscribe(PRIYA.id, (s) => seen.push(s.revision));
    const stop = store.follow(f.source);
    f.push({ phone: PRIYA.id, blocked: true, reason: 'spam', revision: 5 });
    f.push({ phone: PRIYA.id, blocked: false, by: 'Ben', revision: 6 });
    f.push({ phone: EMILY.id, blocked: true, revision: 2 });
    await until(() => store.get(EMILY.id).known, 5000, 'the held changes to apply');
    expect(seen, 'each change, in the order delivered').to.deep.equal([5, 6]);
    expect(store.get(PRIYA.id)).to.include({ blocked: false, by: 'Ben', revision: 6 });
    expect(store.get(EMILY.id)).to.include({ blocked: true, revision: 2 });
    // From then on, a change applies as it is delivered.
    f.push({ phone: PRIYA.id, blocked: true, revision: 7 });
    expect(store.get(PRIYA.id)).to.include({ blocked: true, revision: 7 });
    stop();
    stopWatching();
  });
});

describe('blockStore.follow() and revisions', () => {
  let store: BlockStore;
  const cleanups: (() => void)[] = [];
  let realInfo: typeof console.info;
  before(async () => {
    // Every test below pushes by hand and looks at once: load the sync half first, as a page
    // does with its first follow().
    const warm = new BlockStore();
    const f = feed();
    const stop = warm.follow(f.source);
    f.push({ phone: PRIYA.id, blocked: true, revision: 1 });
    await until(() => warm.get(PRIYA.id).blocked, 5000, 'the sync half to load');
    stop();
  });
  beforeEach(() => {
    store = new BlockStore({ statusRetry: { attempts: 2, baseMs: 10, maxMs: 20, timeoutMs: 500 } });
    realInfo = console.info;
    console.info = () => {};
  });
  afterEach(() => {
    for (const fn of cleanups.splice(0)) fn();
    console.info = realInfo;
  });

  it('set() with an older revision than a push keeps the push (a list read that crossed it)', async () => {
    const f = feed();
    cleanups.push(store.follow(f.source));
    f.push({ phone: PRIYA.id, blocked: false, by: 'Ben', revision: 9 });
    store.set(PRIYA.id, { blocked: true, reason: 'spam', revision: 7 });
    expect(store.get(PRIYA.id)).to.include({ blocked: false, by: 'Ben', revision: 9 });
    store.set(PRIYA.id, { blocked: true, reason: 'spam', revision: 10 });
    expect(store.get(PRIYA.id)).to.include({ blocked: true, reason: 'spam', revision: 10 });
    // Without a revision the host's word is taken as it comes.
    store.set(PRIYA.id, false);
    expect(store.get(PRIYA.id)).to.include({ blocked: false, revision: 10 });
  });

  it("a refusal shown stays when the server's own rollback is pushed after it, and goes when the state moves on", async () => {
    const f = feed();
    cleanups.push(store.follow(f.source));
    store.set(PRIYA.id, { blocked: true, revision: 4 });
    const refusal = new ChatBackendError('invalid-request', 'The server rejected the request (customer cannot be changed right now).', { status: 400 });
    // The relay commits the intent (pushed while the request runs), the chat API refuses, the
    // relay rolls back (pushed just after the page has the 400).
    const answer = (event: Event) =>
      (event as ChatBlockRequestEvent).detail.waitUntil(
        Promise.resolve().then(() => {
          f.push({ phone: PRIYA.id, blocked: true, revision: 5, pending: { action: 'unblock', by: 'Dana' } });
          throw refusal;
        }),
      );
    document.body.addEventListener('chat-unblock-request', answer);
    cleanups.push(() => document.body.removeEventListener('chat-unblock-request', answer));
    await requestBlockChange(document.body, store, PRIYA, 'unblock').catch(() => {});
    expect(store.get(PRIYA.id).error?.error).to.equal(refusal);
    f.push({ phone: PRIYA.id, blocked: true, revision: 6, pending: null });
    expect(store.get(PRIYA.id).error?.error).to.equal(refusal, 'the rollback does not hide why the unblock failed');
    expect(store.get(PRIYA.id)).to.include({ blocked: true, revision: 6, unconfirmed: null });
    // Another agent unblocks: the refusal is moot.
    f.push({ phone: PRIYA.id, blocked: false, by: 'Ben', revision: 7, pending: null });
    expect(store.get(PRIYA.id)).to.include({ blocked: false, error: null });
  });

  it("applies another agent's change to every view of that customer at once", async () => {
    const f = feed();
    cleanups.push(store.follow(f.source));
    const root = await fixture<HTMLElement>(html`<div>
      <chat-status-pill customer=${PRIYA.id} .store=${store}></chat-status-pill>
      <chat-status-pill customer=${PRIYA.id} .store=${store}></chat-status-pill>
    </div>`);
    f.push({ phone: PRIYA.id, blocked: true, reason: 'spam', by: 'Asha', at: '2026-12-05T09:00:00Z', until: null, revision: 3 });
    const pills = [...root.querySelectorAll<ChatStatusPill>('chat-status-pill')];
    await Promise.all(pills.map((p) => p.updateComplete));
    expect(pills.map((p) => p.shadowRoot!.textContent!.trim())).to.deep.equal(['Blocked', 'Blocked']);
    expect(store.get(PRIYA.id)).to.include({ blocked: true, by: 'Asha', reason: 'spam', revision: 3 });
  });

  it('ignores a replayed or older change (a reconnect replay), and applies newer ones', () => {
    const f = feed();
    cleanups.push(store.follow(f.source));
    f.push({ phone: PRIYA.id, blocked: true, revision: 5 });
    f.push({ phone: PRIYA.id, blocked: false, revision: 4 });
    f.push({ phone: PRIYA.id, blocked: false, revision: 5 });
    expect(store.get(PRIYA.id)).to.include({ blocked: true, revision: 5 });
    f.push({ phone: PRIYA.id, blocked: false, revision: 6 });
    expect(store.get(PRIYA.id)).to.include({ blocked: false, revision: 6 });
  });

  it("a push that overtakes the request's own answer wins; the request still ends accepted", async () => {
    const f = feed();
    cleanups.push(store.follow(f.source));
    const answer = deferred();
    const root = await fixture<HTMLElement>(html`<div></div>`);
    cleanups.push(connectBackend(root, { block: () => answer.promise, unblock: () => answer.promise }, { store }));
    const outcome = requestBlockChange(root, store, PRIYA, 'block');
    await until(() => store.get(PRIYA.id).pending === 'block');
    // Our block landed as 7, then another agent unblocked (8), and that push came first.
    f.push({ phone: PRIYA.id, blocked: false, revision: 8, by: 'Ravi' });
    expect(store.get(PRIYA.id), 'the request still runs').to.include({ pending: 'block', blocked: false, revision: 8 });
    answer.resolve({ phone: PRIYA.id, blocked: true, revision: 7, by: 'You', pending: null });
    expect(await outcome).to.equal('applied');
    expect(store.get(PRIYA.id)).to.include({ blocked: false, revision: 8, by: 'Ravi', pending: null });
  });

  it('an answer before the push: the push of the same revision changes nothing, a later one does', async () => {
    const f = feed();
    cleanups.push(store.follow(f.source));
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const answer = { phone: PRIYA.id, blocked: true, revision: 11, by: 'Asha', at: '2026-12-05T10:00:00Z' };
    cleanups.push(connectBackend(root, { block: async () => answer, unblock: async () => answer }, { store }));
    expect(await requestBlockChange(root, store, PRIYA, 'block')).to.equal('applied');
    expect(store.get(PRIYA.id)).to.include({ blocked: true, revision: 11, by: 'Asha' });
    const seen: number[] = [];
    cleanups.push(store.subscribe(PRIYA.id, (s) => seen.push(s.revision!)));
    f.push({ ...answer, by: 'someone else' });
    expect(seen, 'no update for old news').to.deep.equal([]);
    f.push({ phone: PRIYA.id, blocked: false, revision: 12 });
    expect(seen).to.deep.equal([12]);
  });

  it('a status read that crosses a push: the older of the two never overwrites the newer', async () => {
    const f = feed();
    cleanups.push(store.follow(f.source));
    const read = deferred();
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const hang = () => new Promise(() => {});
    cleanups.push(connectBackend(root, { block: hang, unblock: hang, status: () => read.promise }, { store, timeoutMs: 30 }));
    expect(await requestBlockChange(root, store, PRIYA, 'block')).to.equal('unconfirmed');
    expect(store.get(PRIYA.id).checking).to.equal(true);
    // The read was answered at revision 20; meanwhile revision 21 is pushed.
    f.push({ phone: PRIYA.id, blocked: false, revision: 21 });
    read.resolve({ blocked: true, revision: 20 });
    await until(() => !store.get(PRIYA.id).checking);
    expect(store.get(PRIYA.id)).to.include({ blocked: false, revision: 21, unconfirmed: null });
  });

  it('a change it cannot read is ignored with one warning, never guessed', () => {
    const f = feed();
    cleanups.push(store.follow(f.source));
    const warnings: string[] = [];
    const realWarn = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      f.push({ phone: PRIYA.id, blocked: 'yes', revision: 1 });
      f.push({ blocked: true, revision: 2 });
      f.push({ phone: PRIYA.id, blocked: true, revision: -1 });
    } finally {
      console.warn = realWarn;
    }
    expect(store.get(PRIYA.id).known).to.equal(false);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/follow\(\) ignored a change it cannot read \(.*"blocked": true or false/);
  });

  it('stops on unfollow, and a source that is not one is a clear TypeError', () => {
    const f = feed();
    const unfollow = store.follow(f.source);
    expect(f.listeners.size).to.equal(1);
    unfollow();
    unfollow();
    expect(f.listeners.size).to.equal(0);
    f.push({ phone: PRIYA.id, blocked: true, revision: 1 });
    expect(store.get(PRIYA.id).known).to.equal(false);
    expect(() => store.follow({} as ChangeFeed)).to.throw(TypeError, /EventSource, the URL of one, or \{ subscribe\(fn\) \}/);
  });

  it('a reset (changes missed) re-reads every customer on screen through status()', async () => {
    const f = feed();
    cleanups.push(store.follow(f.source));
    const reads: string[] = [];
    const root = await fixture<HTMLElement>(html`<div>
      <chat-status-pill customer=${PRIYA.id} .store=${store}></chat-status-pill>
      <chat-status-pill customer=${EMILY.id} .store=${store}></chat-status-pill>
    </div>`);
    const status = async (customer: CustomerRef) => {
      reads.push(customer.id);
      return { blocked: customer.id === EMILY.id, revision: 40 };
    };
    cleanups.push(connectBackend(root, { block: async () => {}, unblock: async () => {}, status }, { store }));
    f.push({ type: 'reset' });
    await until(() => reads.length === 2 && !store.get(EMILY.id).checking && !store.get(PRIYA.id).checking);
    expect(reads.sort()).to.deep.equal([EMILY.id, PRIYA.id].sort());
    expect(store.get(EMILY.id)).to.include({ blocked: true, revision: 40 });
  });

  it('reaches another tab with its revision (syncAcrossTabs), and an older one never overwrites it there', async () => {
    const name = `follow-test-${Math.random()}`;
    const other = new BlockStore();
    cleanups.push(store.syncAcrossTabs(name), other.syncAcrossTabs(name));
    const f = feed();
    cleanups.push(store.follow(f.source));
    f.push({ phone: PRIYA.id, blocked: true, revision: 9, by: 'Asha' });
    await until(() => other.get(PRIYA.id).revision === 9, 2000, 'the other tab');
    expect(other.get(PRIYA.id)).to.include({ blocked: true, by: 'Asha' });
    // The other tab heard a newer change itself; a late broadcast of 9 must not undo it.
    const third = new BlockStore();
    cleanups.push(third.syncAcrossTabs(name));
    other.set(PRIYA.id, { blocked: false, revision: 10 });
    await until(() => store.get(PRIYA.id).revision === 10 && third.get(PRIYA.id).revision === 10, 2000, 'the set() reaching both');
    f.push({ phone: PRIYA.id, blocked: true, revision: 9 });
    await new Promise((r) => setTimeout(r, 100));
    expect(third.get(PRIYA.id)).to.include({ blocked: false, revision: 10 });
  });

  describe('over real HTTP: an EventSource URL', () => {
    beforeEach(() => post('/edge/fault/reset', { seed: 3, mode: 'relay' }));

    /** Another agent's change, straight to the server (sent again through its random faults until it commits). */
    const commit = async (phone: string, action: 'block' | 'unblock') => {
      for (;;) {
        const before = (await (await fetch('/edge/fault/state')).json()).revision as number;
        await fetch(`/edge/fault/customer/${action}`, { method: 'POST', body: JSON.stringify({ phone }), signal: AbortSignal.timeout(500) }).catch(() => {});
        const after = (await (await fetch('/edge/fault/state')).json()).revision as number;
        if (after > before) return after;
      }
    };

    it("a stream the browser gave up on is opened again from the relay's ready id: resumed, not re-read", async () => {
      const backend = fetchBackend({ baseUrl: '/edge/fault', statusPath: '/customer/status', eventsPath: '/events' });
      const first = await commit(PRIYA.id, 'block');
      const reads: string[] = [];
      cleanups.push(connectBackend(document, { ...backend, status: (c, s) => (reads.push(c.id), backend.status!(c, s)) }, { store }));
      cleanups.push(store.follow(backend.eventsUrl!));
      await new Promise((r) => setTimeout(r, 300));
      // The stream drops and the reconnect is refused: the browser gives up, the store opens it again.
      await post('/edge/fault/refuse-streams', { count: 1 });
      await post('/edge/fault/drop-streams', {});
      const second = await commit(EMILY.id, 'block');
      await until(() => store.get(EMILY.id).revision === second, 6000, 'the change made while it was down');
      const { eventRequests } = await (await fetch('/edge/fault/state')).json();
      expect(eventRequests.at(-1), 'opened again after the ready id').to.equal(`?after=${first}|`);
      expect(reads, 'nothing was re-read').to.deep.equal([]);
    });

    it('shareAcrossTabs: two tabs, one stream; the other takes over when it closes and resumes where they were', async () => {
      const opened: string[] = [];
      const Real = window.EventSource;
      window.EventSource = class extends Real {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          opened.push(String(url));
        }
      };
      cleanups.push(() => (window.EventSource = Real));
      // Two tabs of one origin: two stores joined by syncAcrossTabs, each following the same URL.
      const [tabA, tabB] = [new BlockStore(), new BlockStore()];
      const channel = `share-test-${Math.random()}`;
      cleanups.push(tabA.syncAcrossTabs(channel), tabB.syncAcrossTabs(channel));
      const url = '/edge/fault/events';
      const closeA = tabA.follow(url, { shareAcrossTabs: true });
      cleanups.push(closeA, tabB.follow(url, { shareAcrossTabs: true }));
      await until(() => opened.length === 1, 2000, 'one stream');
      await new Promise((r) => setTimeout(r, 300));
      expect(opened, 'the second tab waits').to.have.length(1);

      const first = await commit(PRIYA.id, 'block');
      await until(() => tabA.get(PRIYA.id).revision === first && tabB.get(PRIYA.id).revision === first, 3000, 'both tabs to hear it');
      // Tab A closes: tab B opens the stream from the newest revision it heard, so nothing is missed.
      closeA();
      await until(() => opened.length === 2, 3000, 'the other tab to take over');
      expect(opened[1]).to.match(new RegExp(`[?&]after=${first}$`));
      const second = await commit(EMILY.id, 'block');
      await until(() => tabB.get(EMILY.id).revision === second, 3000, 'the stream taken over');
      expect(tabB.get(EMILY.id).blocked).to.equal(true);
    });

    it('hears changes, resumes with Last-Event-ID after the stream drops: no change lost, none twice', async () => {
      const base = '/edge/fault';
      const backend = fetchBackend({ baseUrl: base, statusPath: '/customer/status', eventsPath: '/events' });
      const heard: number[] = [];
      cleanups.push(store.subscribeAll((s) => s.revision !== null && heard.at(-1) !== s.revision && heard.push(s.revision)));
      cleanups.push(store.follow(backend.eventsUrl!));
      await new Promise((r) => setTimeout(r, 300));
      const first = await commit(PRIYA.id, 'block');
      await until(() => store.get(PRIYA.id).revision === first, 3000, 'the first push');
      expect((await (await post(`${base}/drop-streams`, {})).json()).dropped).to.equal(1);
      // Committed while the stream is down: the resumed stream must replay them.
      const second = await commit(EMILY.id, 'block');
      const third = await commit(PRIYA.id, 'unblock');
      await until(() => store.get(PRIYA.id).revision === third, 5000, 'the resumed stream');
      expect(store.get(EMILY.id)).to.include({ blocked: true, revision: second });
      expect(store.get(PRIYA.id).blocked).to.equal(false);
      expect(heard, 'every revision once, in order').to.deep.equal([first, second, third]);
    });
  });

  describe('what fetchBackend sends and accepts', () => {
    it('every POST carries an Idempotency-Key (an sf-string) and X-Requested-With; a Retry of an unconfirmed one the same key', async () => {
      const backend = fetchBackend({ baseUrl: '/edge/echo' });
      const signal = new AbortController().signal;
      const a = (await backend.block(PRIYA, signal, { reason: null, until: null, idempotencyKey: 'k-1' })) as Record<string, string>;
      expect(a.idempotencyKey).to.equal('"k-1"');
      expect(a.requestedWith).to.equal('chat-block-elements');
      // Through the lifecycle: the key comes from the request event, and an unconfirmed one is reused.
      const keys: (string | null)[] = [];
      let fail = true;
      const root = await fixture<HTMLElement>(html`<div></div>`);
      cleanups.push(
        connectBackend(
          root,
          {
            block: async (c, s, request) => {
              const echo = (await backend.block(c, s, request)) as { idempotencyKey: string | null };
              keys.push(echo.idempotencyKey);
              if (fail) throw new ChatBackendError('network', 'The connection failed.', { unconfirmed: true });
              return {};
            },
            unblock: async () => ({}),
          },
          { store },
        ),
      );
      expect(await requestBlockChange(root, store, PRIYA, 'block')).to.equal('unconfirmed');
      fail = false;
      expect(await requestBlockChange(root, store, PRIYA, 'block')).to.equal('applied');
      expect(keys).to.have.length(2);
      expect(keys[0]).to.match(/^"[0-9a-f-]{32,36}"$/);
      expect(keys[1]).to.equal(keys[0]);
    });

    it('a 201 with a JSON type whose body does not parse is an answer: the change was accepted', async () => {
      const backend = fetchBackend({ baseUrl: '/edge/broken-json' });
      expect(await backend.block(PRIYA, new AbortController().signal)).to.equal(null);
    });

    it('a 202 (a relay still trying) is unconfirmed, not a refusal', async () => {
      const backend = fetchBackend({
        baseUrl: '/x',
        fetch: async () => new Response(JSON.stringify({ statusCode: 202, message: 'trying' }), { status: 202, headers: { 'Content-Type': 'application/json' } }),
      });
      const error = (await backend.block(PRIYA, new AbortController().signal).catch((e: unknown) => e)) as ChatBackendError;
      expect(error.code).to.equal('unconfirmed');
      expect(error.unconfirmed).to.equal(true);
    });

    it('status() reads the state over HTTP with the phone in the query', async () => {
      await post('/edge/fault/reset', { seed: 1, mode: 'relay' });
      const backend = fetchBackend({ baseUrl: '/edge/fault', statusPath: '/customer/status' });
      const state = await backend.status!(PRIYA, new AbortController().signal);
      expect(state).to.deep.equal({ phone: PRIYA.id, blocked: false, revision: 0, pending: null });
      expect(() => fetchBackend({ baseUrl: '/api', statusPath: 'status' })).to.throw(TypeError, /statusPath must be a path starting with "\/"/);
    });
  });
});
