// Issue 9, item 4 (and the store side of items 1 and 3): a block may carry reason,
// until, by and at. They travel in the events and live in the store; nothing is sent
// that the agent did not ask for.
import { expect } from '@open-wc/testing';
import {
  BlockStore,
  connectBackend,
  fetchBackend,
  requestBlockChange,
  type ChatBlockChangeEvent,
  type ChatBlockExpiredEvent,
  type ChatBlockRequestEvent,
  type CustomerRef,
} from '../src/index.js';
import { until as waitFor } from './helpers.js';

const PRIYA: CustomerRef = { id: '+919876543210', name: 'Priya Sharma' };

describe('block metadata: reason, until, by, at', () => {
  let store: BlockStore;
  let cleanups: (() => void)[];
  beforeEach(() => {
    store = new BlockStore();
    cleanups = [];
  });
  afterEach(() => cleanups.forEach((c) => c()));
  const on = (type: string, fn: (e: Event) => void) => {
    document.addEventListener(type, fn);
    cleanups.push(() => document.removeEventListener(type, fn));
  };

  it('a block carries reason and until in detail; once accepted, the store and chat-block-change have them', async () => {
    const end = new Date(Date.now() + 24 * 3600_000);
    let request: ChatBlockRequestEvent | undefined;
    let change: ChatBlockChangeEvent | undefined;
    on('chat-block-request', (e) => {
      request = e as ChatBlockRequestEvent;
      request.detail.waitUntil(Promise.resolve({ by: 'Asha (agent)' }));
    });
    on('chat-block-change', (e) => (change = e as ChatBlockChangeEvent));
    const before = Date.now();
    await requestBlockChange(document.body, store, PRIYA, 'block', { reason: ' spam ', until: end });
    expect(request!.detail).to.include({ reason: 'spam', until: end.toISOString() });
    const state = store.get(PRIYA.id);
    expect(state).to.include({ blocked: true, reason: 'spam', until: end.toISOString(), by: 'Asha (agent)' });
    expect(Date.parse(state.at!)).to.be.within(before, Date.now());
    expect(change!.detail).to.include({ reason: 'spam', until: end.toISOString(), by: 'Asha (agent)', at: state.at });
  });

  it('an unblock carries no reason or end, and clears them', async () => {
    store.set(PRIYA.id, { blocked: true, reason: 'abuse', until: new Date(Date.now() + 3600_000) });
    on('chat-unblock-request', (e) => (e as ChatBlockRequestEvent).detail.waitUntil(Promise.resolve()));
    await requestBlockChange(document.body, store, PRIYA, 'unblock', { reason: 'ignored' });
    expect(store.get(PRIYA.id)).to.include({ blocked: false, reason: null, until: null });
  });

  it('the host seeds metadata with set(id, {blocked, by, at, reason, until}); set(id, bool) clears it', () => {
    store.set(PRIYA.id, { blocked: true, by: 'Rahul', at: '2026-11-24T14:02:00Z', reason: 'spam', until: null });
    expect(store.get(PRIYA.id)).to.include({
      known: true,
      blocked: true,
      by: 'Rahul',
      at: '2026-11-24T14:02:00.000Z',
      reason: 'spam',
      until: null,
    });
    store.set(PRIYA.id, true);
    expect(store.get(PRIYA.id)).to.include({ blocked: true, by: null, reason: null });
  });

  it('bad metadata gets a clear TypeError, and nothing changes', () => {
    expect(() => store.set(PRIYA.id, { blocked: true, until: 'next tuesday' })).to.throw(TypeError, /until must be a date/);
    expect(() => store.set(PRIYA.id, { blocked: true, reason: 42 as unknown as string })).to.throw(TypeError, /reason must be a string/);
    expect(store.get(PRIYA.id).known).to.equal(false);
  });

  it('a block until a time already past is refused before anything is sent', async () => {
    const heard: Event[] = [];
    on('chat-block-request', (e) => heard.push(e));
    const error = await requestBlockChange(document.body, store, PRIYA, 'block', { until: new Date(Date.now() - 1000) }).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.match(/until must be in the future/);
    expect(heard).to.have.length(0);
  });

  it('a refused block keeps what was asked, so Retry sends the same reason and end', async () => {
    const end = new Date(Date.now() + 3600_000).toISOString();
    on('chat-block-request', (e) => (e as ChatBlockRequestEvent).detail.waitUntil(Promise.reject(new Error('500'))));
    await requestBlockChange(document.body, store, PRIYA, 'block', { reason: 'spam', until: end }).catch(() => {});
    expect(store.get(PRIYA.id).error).to.include({ reason: 'spam', until: end });
  });

  it('when until passes, the store fires chat-block-expired, and sends no unblock by itself', async () => {
    const expired: ChatBlockExpiredEvent[] = [];
    const requests: Event[] = [];
    on('chat-unblock-request', (e) => requests.push(e));
    store.addEventListener('chat-block-expired', (e) => expired.push(e));
    const end = new Date(Date.now() + 150).toISOString();
    store.set(PRIYA.id, { blocked: true, until: end });
    expect(expired).to.have.length(0);
    await waitFor(() => expired.length > 0, 2000, 'chat-block-expired');
    expect(expired[0].detail).to.deep.equal({ customer: { id: PRIYA.id }, until: end });
    await new Promise((r) => setTimeout(r, 100));
    expect(expired).to.have.length(1);
    expect(requests, 'the library never unblocks by itself').to.have.length(0);
    expect(store.get(PRIYA.id).blocked, 'still blocked until the host decides').to.equal(true);
  });

  it('an unblock or a new end before until passes cancels the expiry', async () => {
    const expired: ChatBlockExpiredEvent[] = [];
    store.addEventListener('chat-block-expired', (e) => expired.push(e));
    store.set(PRIYA.id, { blocked: true, until: new Date(Date.now() + 100) });
    store.set(PRIYA.id, false);
    store.set('+14155550132', { blocked: true, until: new Date(Date.now() + 100) });
    store.set('+14155550132', { blocked: true, until: new Date(Date.now() + 3600_000) });
    await new Promise((r) => setTimeout(r, 300));
    expect(expired).to.have.length(0);
  });

  it('getBlocked() lists the customers known as blocked, with their metadata', () => {
    store.set('+14155550132', { blocked: true, reason: 'spam' });
    store.set(PRIYA.id, false);
    store.set('+919812345678', true);
    expect(store.getBlocked().map((s) => [s.id, s.reason])).to.deep.equal([
      ['+14155550132', 'spam'],
      ['+919812345678', null],
    ]);
  });

  it('connectBackend hands the backend what the block asked for; fetchBackend sends it (and the name) only with sendMetadata', async () => {
    await fetch('/api/reset', { method: 'POST' });
    cleanups.push(() => void fetch('/api/reset', { method: 'POST' }));
    const bodies: unknown[] = [];
    const spying: typeof fetch = (url, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return fetch(url, init);
    };
    const end = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const off = connectBackend(document, fetchBackend({ baseUrl: '/api', fetch: spying, sendMetadata: true }));
    await requestBlockChange(document.body, store, PRIYA, 'block', { reason: 'abusive', until: end });
    off();
    cleanups.push(connectBackend(document, fetchBackend({ baseUrl: '/api', fetch: spying })));
    await requestBlockChange(document.body, store, PRIYA, 'unblock');
    await requestBlockChange(document.body, store, PRIYA, 'block', { reason: 'spam' });
    expect(bodies).to.deep.equal([
      { phone: PRIYA.id, name: PRIYA.name, reason: 'abusive', until: end },
      { phone: PRIYA.id },
      { phone: PRIYA.id }, // the reference API's exact shape unless asked
    ]);
  });

  it("the demo's mock API stores reason and until, and lists blocked customers", async () => {
    await fetch('/api/reset', { method: 'POST' });
    cleanups.push(() => void fetch('/api/reset', { method: 'POST' }));
    const end = new Date(Date.now() + 86_400_000).toISOString();
    const backend = fetchBackend({ baseUrl: '/api', sendMetadata: true });
    await backend.block(PRIYA, new AbortController().signal, { reason: 'spam', until: end });
    const blocked = (await (await fetch('/api/customers?blocked=true')).json()) as {
      id: string;
      blocked: boolean;
      blockReason: string;
      blockedUntil: string;
    }[];
    expect(blocked.every((c) => c.blocked)).to.equal(true);
    expect(blocked.find((c) => c.id === PRIYA.id)).to.include({ blockReason: 'spam', blockedUntil: end });
    const all = (await (await fetch('/api/customers')).json()) as unknown[];
    expect(all.length).to.be.greaterThan(blocked.length);
    // A bad extension field is the reference API's kind of 400.
    const error = (await backend.block(PRIYA, new AbortController().signal, { reason: null, until: '2000-01-01T00:00:00Z' }).catch((e: unknown) => e)) as Error;
    expect(error.message).to.contain('until must be an ISO 8601 time in the future');
  });

  it('metadata reaches other tabs with the state', async () => {
    const a = new BlockStore();
    const b = new BlockStore();
    const name = `meta-${Math.random()}`;
    cleanups.push(a.syncAcrossTabs(name), b.syncAcrossTabs(name));
    a.set(PRIYA.id, { blocked: true, reason: 'spam', by: 'Asha' });
    await waitFor(() => b.get(PRIYA.id).blocked, 2000, 'the other tab');
    expect(b.get(PRIYA.id)).to.include({ reason: 'spam', by: 'Asha' });
  });
});
