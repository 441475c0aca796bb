import { expect, fixture, html } from '@open-wc/testing';
import {
  BlockStore,
  ChatBackendError,
  connectBackend,
  fetchBackend,
  requestBlockChange,
  type Backend,
  type BackendCall,
  type BlockAction,
  type ChatBlockErrorEvent,
  type CustomerRef,
} from '../src/index.js';
import { deferred } from './helpers.js';

// Customers of the demo's mock API (demo/server/customers.ts).
const PRIYA: CustomerRef = { id: '+919876543210', name: 'Priya Sharma' };
const RAHUL: CustomerRef = { id: '+919812345678', name: 'Rahul Verma' }; // seeded blocked
const NOBODY: CustomerRef = { id: '+919999999999', name: 'Nobody' }; // valid phone, unknown to the API

/** A backend whose calls the test records and answers. */
function fakeBackend(answer: (action: BlockAction) => Promise<unknown> = () => Promise.resolve()) {
  const calls: { action: BlockAction; customer: CustomerRef; signal: AbortSignal }[] = [];
  const call =
    (action: BlockAction): BackendCall =>
    (customer, signal) => {
      calls.push({ action, customer, signal });
      return answer(action);
    };
  return { backend: { block: call('block'), unblock: call('unblock') } satisfies Backend, calls };
}

/** What a rejected promise rejected with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it fulfilled');
}

/** Asserts a ChatBackendError with this code and returns it. */
function backendError(error: unknown, code: ChatBackendError['code']): ChatBackendError {
  expect(error, `expected a ChatBackendError, got ${String(error)}`).to.be.instanceOf(ChatBackendError);
  expect((error as ChatBackendError).code, (error as Error).message).to.equal(code);
  expect((error as Error).name).to.equal('ChatBackendError');
  return error as ChatBackendError;
}

// ---- the mock reference API, served by the test runner (test/mock-api-middleware.js) ----

async function api(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`/api${path}`, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} /api${path}: ${response.status}`);
  return response.json();
}
const resetServer = () => api('/reset', { method: 'POST' });
const setControl = (control: { failure?: string; latencyMs?: number }) =>
  api('/control', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(control) });
async function blockedOnServer(id: string): Promise<boolean> {
  const customers = (await api('/customers')) as { id: string; blocked: boolean }[];
  const customer = customers.find((c) => c.id === id);
  if (!customer) throw new Error(`the mock API has no customer ${id}`);
  return customer.blocked;
}

describe('backend helpers', () => {
  let realInfo: typeof console.info;
  before(() => {
    // Requests nobody answers are applied locally with a console hint; keep the log quiet.
    realInfo = console.info;
    console.info = () => {};
  });
  after(() => {
    console.info = realInfo;
  });

  describe('connectBackend', () => {
    let root: HTMLElement;
    let inside: HTMLElement;
    let outside: HTMLElement;
    let store: BlockStore;
    let disconnects: (() => void)[];

    beforeEach(async () => {
      const page = await fixture<HTMLElement>(html`<div><section><button>in</button></section><button>out</button></div>`);
      root = page.querySelector('section')!;
      inside = root.querySelector('button')!;
      outside = page.querySelector(':scope > button')!;
      store = new BlockStore();
      disconnects = [];
    });
    afterEach(() => {
      for (const d of disconnects) d();
    });

    const connect = (backend: Backend, options?: { timeoutMs?: number }) => {
      const disconnect = connectBackend(root, backend, options);
      disconnects.push(disconnect);
      return disconnect;
    };

    it('answers a block request under root through backend.block, with the customer and an AbortSignal', async () => {
      const { backend, calls } = fakeBackend();
      connect(backend);
      expect(await requestBlockChange(inside, store, PRIYA, 'block')).to.equal('applied');
      expect(calls).to.have.length(1);
      expect(calls[0].action).to.equal('block');
      expect(calls[0].customer).to.deep.equal(PRIYA);
      expect(calls[0].signal).to.be.instanceOf(AbortSignal);
      expect(calls[0].signal.aborted).to.equal(false);
      expect(store.get(PRIYA.id).blocked).to.equal(true);
    });

    it('answers an unblock request through backend.unblock', async () => {
      store.set(RAHUL.id, true);
      const { backend, calls } = fakeBackend();
      connect(backend);
      expect(await requestBlockChange(inside, store, RAHUL, 'unblock')).to.equal('applied');
      expect(calls.map((c) => c.action)).to.deep.equal(['unblock']);
      expect(store.get(RAHUL.id).blocked).to.equal(false);
    });

    it('keeps the request pending until the backend answers', async () => {
      const answer = deferred();
      const { backend } = fakeBackend(() => answer.promise);
      connect(backend);
      const outcome = requestBlockChange(inside, store, PRIYA, 'block');
      await new Promise((r) => setTimeout(r, 20));
      expect(store.get(PRIYA.id)).to.include({ pending: 'block', blocked: false });
      answer.resolve(undefined);
      expect(await outcome).to.equal('applied');
      expect(store.get(PRIYA.id).blocked).to.equal(true);
    });

    it('does not answer requests fired outside root', async () => {
      const { backend, calls } = fakeBackend();
      connect(backend);
      await requestBlockChange(outside, store, PRIYA, 'block');
      expect(calls).to.have.length(0);
    });

    it("a backend's refusal rolls the change back with that very error", async () => {
      const refusal = new ChatBackendError('invalid-customer', 'The server does not know this customer.');
      const { backend } = fakeBackend(() => Promise.reject(refusal));
      connect(backend);
      const errors: ChatBlockErrorEvent[] = [];
      root.addEventListener('chat-block-error', (e) => errors.push(e));
      expect(await rejection(requestBlockChange(inside, store, PRIYA, 'block'))).to.equal(refusal);
      expect(store.get(PRIYA.id)).to.include({ blocked: false, pending: null });
      expect(store.get(PRIYA.id).error?.error).to.equal(refusal);
      expect(errors.map((e) => e.detail.error)).to.deep.equal([refusal]);
    });

    it("times out: a backend that never answers leaves the block unconfirmed (code 'timeout'), not refused", async () => {
      const { backend, calls } = fakeBackend(() => new Promise(() => {}));
      connect(backend, { timeoutMs: 50 });
      const errors: ChatBlockErrorEvent[] = [];
      root.addEventListener('chat-block-error', (e) => errors.push(e));
      expect(await requestBlockChange(inside, store, PRIYA, 'block')).to.equal('unconfirmed');
      expect(calls[0].signal.aborted, 'the backend was told to stop').to.equal(true);
      const state = store.get(PRIYA.id);
      expect(state).to.include({ blocked: false, pending: null, error: null });
      expect(state.unconfirmed).to.include({ action: 'block' });
      const error = state.unconfirmed!.error as ChatBackendError;
      expect(error.code).to.equal('timeout');
      expect(error.unconfirmed).to.equal(true);
      expect(error.message).to.match(/did not answer within 0\.1 s, so the change is not confirmed/);
      expect(errors.map((e) => [e.detail.action, e.detail.outcome, e.detail.error])).to.deep.equal([['block', 'unconfirmed', error]]);
    });

    it("the agent cancelling once the backend was called leaves the block unconfirmed: the request had left", async () => {
      const { backend, calls } = fakeBackend(() => new Promise(() => {}));
      connect(backend);
      const agent = new AbortController();
      const outcome = requestBlockChange(inside, store, PRIYA, 'block', agent.signal);
      await new Promise((r) => setTimeout(r, 0));
      expect(calls, 'the backend was called').to.have.length(1);
      agent.abort();
      expect(await outcome).to.equal('unconfirmed');
      expect(calls[0].signal.aborted).to.equal(true);
      const state = store.get(PRIYA.id);
      expect(state).to.include({ blocked: false, pending: null, error: null });
      expect(state.unconfirmed?.error?.message).to.equal('Cancelled after the block was sent, so it may have been made.');
    });

    it('the agent cancelling before the backend was called cancels quietly: nothing was sent', async () => {
      const { backend, calls } = fakeBackend(() => new Promise(() => {}));
      connect(backend);
      const errors: ChatBlockErrorEvent[] = [];
      root.addEventListener('chat-block-error', (e) => errors.push(e));
      const agent = new AbortController();
      const outcome = requestBlockChange(inside, store, PRIYA, 'block', agent.signal);
      // connectBackend calls the backend a microtask after the dispatch: this is before it.
      agent.abort();
      backendError(await rejection(outcome), 'aborted');
      expect(calls).to.have.length(0);
      expect(store.get(PRIYA.id)).to.include({ blocked: false, pending: null, error: null, unconfirmed: null });
      expect(errors).to.have.length(0);
    });

    it('leaves a request alone when a listener before it cancelled it', async () => {
      const { backend, calls } = fakeBackend();
      connect(backend);
      inside.addEventListener('chat-block-request', (e) => e.preventDefault(), { once: true });
      expect(await requestBlockChange(inside, store, PRIYA, 'block')).to.equal('cancelled');
      expect(calls).to.have.length(0);
      expect(store.get(PRIYA.id).blocked).to.equal(false);
    });

    it('disconnect() stops answering', async () => {
      const { backend, calls } = fakeBackend(() => Promise.reject(new Error('the backend must not be called')));
      const disconnect = connect(backend);
      disconnect();
      // Nobody answers now, so the request is applied locally: the backend was not asked.
      expect(await requestBlockChange(inside, store, PRIYA, 'block')).to.equal('applied');
      expect(await requestBlockChange(inside, store, PRIYA, 'unblock')).to.equal('applied');
      expect(calls).to.have.length(0);
    });

    it('defaults root to document', async () => {
      const { backend, calls } = fakeBackend();
      const disconnect = connectBackend(undefined, backend);
      disconnects.push(disconnect);
      await requestBlockChange(outside, store, PRIYA, 'block');
      expect(calls).to.have.length(1);
    });

    const badBackends: [string, unknown][] = [
      ['undefined', undefined],
      ['null', null],
      ['an empty object', {}],
      ['no unblock', { block: () => Promise.resolve() }],
      ['a block that is not a function', { block: 'POST /block', unblock: () => Promise.resolve() }],
    ];
    for (const [what, bad] of badBackends) {
      it(`refuses a bad backend (${what}) with a TypeError`, () => {
        expect(() => connectBackend(root, bad as Backend))
          .to.throw(TypeError)
          .with.property('message')
          .that.matches(/block\(customer, signal\)/);
      });
    }
  });

  describe('fetchBackend (over real HTTP, against the mock reference API)', () => {
    beforeEach(resetServer);
    afterEach(resetServer);

    it('201: block resolves and the server has the customer blocked', async () => {
      expect(await blockedOnServer(PRIYA.id)).to.equal(false);
      const backend = fetchBackend({ baseUrl: '/api' });
      // The reference API's answer, `201 {}`, is what the promise fulfils.
      expect(await backend.block(PRIYA, new AbortController().signal)).to.deep.equal({});
      expect(await blockedOnServer(PRIYA.id)).to.equal(true);
    });

    it('201: unblock resolves and the server has the customer unblocked', async () => {
      expect(await blockedOnServer(RAHUL.id)).to.equal(true);
      await fetchBackend({ baseUrl: '/api' }).unblock(RAHUL, new AbortController().signal);
      expect(await blockedOnServer(RAHUL.id)).to.equal(false);
    });

    it('works end to end with connectBackend: the request is applied and the server agrees', async () => {
      const el = await fixture<HTMLElement>(html`<div><button></button></div>`);
      const disconnect = connectBackend(el, fetchBackend({ baseUrl: '/api/' }));
      try {
        const store = new BlockStore();
        expect(await requestBlockChange(el.firstElementChild!, store, PRIYA, 'block')).to.equal('applied');
        expect(store.get(PRIYA.id).blocked).to.equal(true);
        expect(await blockedOnServer(PRIYA.id)).to.equal(true);
      } finally {
        disconnect();
      }
    });

    it('takes custom paths', async () => {
      const backend = fetchBackend({ baseUrl: '/api/customer', blockPath: '/block', unblockPath: '/unblock' });
      await backend.block(PRIYA, new AbortController().signal);
      expect(await blockedOnServer(PRIYA.id)).to.equal(true);
      await backend.unblock(PRIYA, new AbortController().signal);
      expect(await blockedOnServer(PRIYA.id)).to.equal(false);
    });

    it("400: the server's validation message becomes a readable 'invalid-phone' error", async () => {
      // The client's own check never sends a bad phone, so play a proxy that mangles the
      // body on its way: the request still goes over HTTP and the 400 is the server's.
      const mangling: typeof fetch = (url, init) => fetch(url, { ...init, body: JSON.stringify({ phone: 919876543210 }) });
      const backend = fetchBackend({ baseUrl: '/api', fetch: mangling });
      const error = backendError(await rejection(backend.block(PRIYA, new AbortController().signal)), 'invalid-phone');
      expect(error.status).to.equal(400);
      expect(error.message).to.contain('phone must be a string');
      expect(await blockedOnServer(PRIYA.id)).to.equal(false);
    });

    it("401 (wrong API key): 'unauthorized' with the server's message, nothing changed", async () => {
      const backend = fetchBackend({ baseUrl: '/api', headers: { Authorization: 'not-the-key' } });
      const error = backendError(await rejection(backend.block(PRIYA, new AbortController().signal)), 'unauthorized');
      expect(error.status).to.equal(401);
      expect(error.message).to.contain('Unauthorized');
      expect(error.message).to.match(/not authorized/i);
      expect(await blockedOnServer(PRIYA.id)).to.equal(false);
    });

    it("401 (the proxy's key was revoked): 'unauthorized'", async () => {
      await setControl({ failure: 'unauthorized' });
      const backend = fetchBackend({ baseUrl: '/api' });
      const error = backendError(await rejection(backend.unblock(RAHUL, new AbortController().signal)), 'unauthorized');
      expect(error.message).to.contain('Unauthorized');
      expect(await blockedOnServer(RAHUL.id)).to.equal(true);
    });

    it("404 (a phone the API does not know): 'invalid-customer' with the server's message", async () => {
      const backend = fetchBackend({ baseUrl: '/api' });
      const error = backendError(await rejection(backend.block(NOBODY, new AbortController().signal)), 'invalid-customer');
      expect(error.status).to.equal(404);
      expect(error.message).to.contain('Invalid Customer');
    });

    it("500: 'server' with the status in the message", async () => {
      await setControl({ failure: 'next' });
      const backend = fetchBackend({ baseUrl: '/api' });
      const error = backendError(await rejection(backend.block(PRIYA, new AbortController().signal)), 'server');
      expect(error.status).to.equal(500);
      expect(error.message).to.contain('500').and.contain('Internal server error');
      expect(await blockedOnServer(PRIYA.id)).to.equal(false);
      // 'next' fails one request only: the retry goes through.
      await backend.block(PRIYA, new AbortController().signal);
      expect(await blockedOnServer(PRIYA.id)).to.equal(true);
    });

    it("times out against a server that never answers: 'timeout', and the block is unconfirmed, not refused", async () => {
      await setControl({ failure: 'hang' });
      const el = await fixture<HTMLElement>(html`<div><button></button></div>`);
      const disconnect = connectBackend(el, fetchBackend({ baseUrl: '/api' }), { timeoutMs: 200 });
      try {
        const store = new BlockStore();
        expect(await requestBlockChange(el.firstElementChild!, store, PRIYA, 'block')).to.equal('unconfirmed');
        expect(store.get(PRIYA.id)).to.include({ blocked: false, pending: null, error: null });
        expect((store.get(PRIYA.id).unconfirmed?.error as ChatBackendError).code).to.equal('timeout');
      } finally {
        disconnect();
        await setControl({ failure: 'none' });
      }
    });

    // (' +919876543210' was here: it is normalised and sent now, see "phone numbers as agents write them".)
    const malformed = ['12345', 'abc', '<b>x</b>', '', '+0123456789', '919876543210', '+1234567890123456', '+91 98765 4321x'];
    for (const phone of malformed) {
      it(`a malformed phone ${JSON.stringify(phone)} is refused as 'invalid-phone' without a network call`, async () => {
        let calls = 0;
        const counting: typeof fetch = (url, init) => {
          calls++;
          return fetch(url, init);
        };
        const backend = fetchBackend({ baseUrl: '/api', fetch: counting });
        const error = backendError(
          await rejection(backend.block({ id: phone, name: 'X' }, new AbortController().signal)),
          'invalid-phone',
        );
        expect(error.message).to.contain(`"${phone}"`);
        expect(error.message).to.match(/international format/);
        expect(calls).to.equal(0);
      });
    }

    it("network failure (fetch rejects with a TypeError): 'network', unconfirmed (the POST may have arrived)", async () => {
      const failure = new TypeError('Failed to fetch');
      const backend = fetchBackend({ baseUrl: '/api', fetch: () => Promise.reject(failure) });
      const error = backendError(await rejection(backend.block(PRIYA, new AbortController().signal)), 'network');
      expect(error.message).to.equal('The connection failed before the server answered, so the change is not confirmed.');
      expect(error.unconfirmed).to.equal(true);
      expect(error.cause).to.equal(failure);
      expect(error.status).to.equal(undefined);
    });

    it("a 403 from the host's proxy is 'unauthorized'", async () => {
      const backend = fetchBackend({
        baseUrl: '/api',
        fetch: async () => Response.json({ statusCode: 403, message: 'Forbidden' }, { status: 403 }),
      });
      const error = backendError(await rejection(backend.block(PRIYA, new AbortController().signal)), 'unauthorized');
      expect(error.message).to.contain('Forbidden');
    });

    it("an error page that is not JSON still gives a readable 'server' error", async () => {
      const backend = fetchBackend({
        baseUrl: '/api',
        fetch: async () => new Response('<html><body>502 Bad Gateway</body></html>', { status: 502 }),
      });
      const error = backendError(await rejection(backend.block(PRIYA, new AbortController().signal)), 'server');
      expect(error.status).to.equal(502);
      expect(error.message).to.contain('502');
      expect(error.message, 'no markup in a message meant for the agent').to.not.contain('<');
    });

    it("network failure (nothing listens at baseUrl): 'network'", async () => {
      const backend = fetchBackend({ baseUrl: 'http://127.0.0.1:9/api' });
      backendError(await rejection(backend.block(PRIYA, new AbortController().signal)), 'network');
    });

    it('an aborted request is not reported as a network failure', async () => {
      await setControl({ latencyMs: 5000 });
      const backend = fetchBackend({ baseUrl: '/api' });
      const controller = new AbortController();
      const call = backend.block(PRIYA, controller.signal);
      setTimeout(() => controller.abort(), 30);
      const error = (await rejection(call)) as Error;
      expect(error.name).to.equal('AbortError');
    });

    it('sends custom headers (given as an object or as Headers) with the JSON body', async () => {
      const seen: Headers[] = [];
      const spying: typeof fetch = (url, init) => {
        seen.push(new Headers(init?.headers));
        return fetch(url, init);
      };
      // With the proxy's key "revoked", only a request that carries the right header gets through.
      await setControl({ failure: 'unauthorized' });
      const asObject = fetchBackend({
        baseUrl: '/api',
        headers: { Authorization: 'demo-api-key', 'X-CSRF-Token': 'tok-1' },
        fetch: spying,
      });
      await asObject.block(PRIYA, new AbortController().signal);
      expect(await blockedOnServer(PRIYA.id), 'the Authorization header reached the server').to.equal(true);
      const asHeaders = fetchBackend({
        baseUrl: '/api',
        headers: new Headers([['Authorization', 'demo-api-key'], ['X-CSRF-Token', 'tok-2']]),
        fetch: spying,
      });
      await asHeaders.unblock(PRIYA, new AbortController().signal);
      expect(await blockedOnServer(PRIYA.id)).to.equal(false);
      expect(seen.map((h) => h.get('x-csrf-token'))).to.deep.equal(['tok-1', 'tok-2']);
      expect(seen[0].get('content-type')).to.equal('application/json');
    });

    const noBaseUrl: [string, unknown][] = [
      ['no options', undefined],
      ['no baseUrl', {}],
      ['an empty baseUrl', { baseUrl: '' }],
    ];
    for (const [what, options] of noBaseUrl) {
      it(`refuses ${what} with a TypeError`, () => {
        expect(() => fetchBackend(options as { baseUrl: string }))
          .to.throw(TypeError)
          .with.property('message')
          .that.matches(/baseUrl is required/);
      });
    }
  });
});
