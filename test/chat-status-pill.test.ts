import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import {
  BlockStore,
  registerLocale,
  requestBlockChange,
  type BlockAction,
  type ChatBlockRequestEvent,
  type ChatStatusPill,
  type CustomerRef,
} from '../src/index.js';
import es from '../src/strings/locales/es.js';
import { deferred, nodeLabel, until } from './helpers.js';

const PRIYA: CustomerRef = { id: '+919876543210', name: 'Priya Sharma' };

/** What the agent sees: nothing when the pill is not displayed, else its text. */
function shown(el: ChatStatusPill): string {
  if (getComputedStyle(el).display === 'none') return '';
  return (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function isHidden(el: ChatStatusPill): boolean {
  return getComputedStyle(el).display === 'none' && (el.shadowRoot!.textContent ?? '').trim() === '';
}

const retryButton = (el: ChatStatusPill) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]');

describe('<chat-status-pill>', () => {
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
    for (const c of cleanups) c();
    console.info = realInfo;
  });

  const pill = (customer = PRIYA.id, extra?: { transientMs?: number; announce?: boolean }) =>
    fixture<ChatStatusPill>(
      html`<chat-status-pill
        customer=${customer}
        transient-ms=${extra?.transientMs ?? 4000}
        ?announce=${extra?.announce ?? false}
        .store=${store}
      ></chat-status-pill>`,
    );

  /** Starts a request that the test's backend answers by hand; resolves once it is pending. */
  async function pendingRequest(action: BlockAction) {
    const backend = deferred();
    const type = action === 'block' ? 'chat-block-request' : 'chat-unblock-request';
    const answer = (e: ChatBlockRequestEvent) => e.detail.waitUntil(backend.promise);
    document.addEventListener(type, answer);
    const source = document.createElement('div');
    document.body.append(source);
    const outcome = requestBlockChange(source, store, PRIYA, action);
    // This backend answers this one request only.
    document.removeEventListener(type, answer);
    source.remove();
    outcome.catch(() => {});
    return { outcome, backend };
  }

  /** An unblock the backend accepts at once. */
  async function acceptedUnblock() {
    const { outcome, backend } = await pendingRequest('unblock');
    backend.resolve(undefined);
    await outcome;
  }

  /** Runs a request the backend refuses; the pill then shows the error. */
  async function failedRequest(action: BlockAction) {
    const { outcome, backend } = await pendingRequest(action);
    backend.reject(new Error('Invalid Customer'));
    await outcome.catch(() => {});
  }

  describe('states', () => {
    it('is hidden while the customer is active', async () => {
      const el = await pill();
      expect(el.currentStatus).to.equal('active');
      expect(getComputedStyle(el).display).to.equal('none');
      expect(el.shadowRoot!.textContent!.trim()).to.equal('');
      expect(isHidden(el)).to.equal(true);
    });

    it('shows "Blocked" for a blocked customer, and it stays', async () => {
      store.set(PRIYA.id, true);
      const el = await pill(PRIYA.id, { transientMs: 50 });
      expect(shown(el)).to.equal('Blocked');
      await new Promise((r) => setTimeout(r, 150));
      expect(shown(el)).to.equal('Blocked');
    });

    it('the blocked attribute seeds the state', async () => {
      const el = await fixture<ChatStatusPill>(
        html`<chat-status-pill customer=${PRIYA.id} blocked .store=${store}></chat-status-pill>`,
      );
      expect(shown(el)).to.equal('Blocked');
      expect(store.get(PRIYA.id).blocked).to.equal(true);
    });

    it('follows the store: "Blocked" appears when the customer is blocked elsewhere', async () => {
      const el = await pill();
      store.set(PRIYA.id, true);
      await el.updateComplete;
      expect(shown(el)).to.equal('Blocked');
    });

    it('shows "Blocking…" while a block request runs, then "Blocked"', async () => {
      const el = await pill();
      const { outcome, backend } = await pendingRequest('block');
      await el.updateComplete;
      expect(shown(el)).to.equal('Blocking…');
      backend.resolve(undefined);
      await outcome;
      await el.updateComplete;
      expect(shown(el)).to.equal('Blocked');
    });

    it('shows "Unblocking…" while an unblock runs, then "Unblocked", then hides after transient-ms', async () => {
      store.set(PRIYA.id, true);
      const el = await pill(PRIYA.id, { transientMs: 50 });
      const { outcome, backend } = await pendingRequest('unblock');
      await el.updateComplete;
      expect(shown(el)).to.equal('Unblocking…');
      backend.resolve(undefined);
      await outcome;
      await el.updateComplete;
      expect(shown(el)).to.equal('Unblocked');
      expect(el.matches(':state(unblocked)')).to.equal(true);
      await until(() => isHidden(el), 2000, 'the Unblocked pill to hide');
      expect(el.currentStatus).to.equal('active');
    });

    it('hides "Unblocked" even when its window ends between its render and updated()', async () => {
      // Under load (seen once in Firefox) the clock can pass the window's end after render()
      // showed "Unblocked" and before updated() arms the timer that hides it.
      store.set(PRIYA.id, true);
      const el = await pill(PRIYA.id, { transientMs: 1000 });
      const realNow = Date.now;
      let skew = 0;
      Date.now = () => realNow.call(Date) + skew;
      el.addController({ hostUpdated: () => void (shown(el) === 'Unblocked' && (skew = 5000)) });
      try {
        await acceptedUnblock();
        await el.updateComplete;
        expect(skew, 'the pill rendered "Unblocked"').to.equal(5000);
        await until(() => isHidden(el), 500, 'the Unblocked pill to hide');
      } finally {
        Date.now = realNow;
      }
    });

    it('a timed block whose end passes between its render and updated() still renders plain "Blocked"', async () => {
      store.set(PRIYA.id, { blocked: true, until: new Date(Date.now() + 60_000).toISOString() });
      const el = await pill(PRIYA.id);
      expect(shown(el)).to.match(/^Blocked · ends in/);
      const realNow = Date.now;
      let skew = 0;
      Date.now = () => realNow.call(Date) + skew;
      el.addController({ hostUpdated: () => void (/ends in/.test(shown(el)) && (skew = 120_000)) });
      try {
        el.requestUpdate();
        await el.updateComplete;
        expect(skew, 'the pill rendered "ends in"').to.equal(120_000);
        await until(() => shown(el) === 'Blocked', 500, 'plain "Blocked"');
      } finally {
        Date.now = realNow;
      }
    });

    it('transient-ms="0" keeps "Unblocked" until the next change', async () => {
      store.set(PRIYA.id, true);
      const el = await pill(PRIYA.id, { transientMs: 0 });
      await acceptedUnblock();
      await el.updateComplete;
      expect(shown(el)).to.equal('Unblocked');
      await new Promise((r) => setTimeout(r, 200));
      expect(shown(el)).to.equal('Unblocked');
      store.set(PRIYA.id, true);
      await el.updateComplete;
      expect(shown(el)).to.equal('Blocked');
    });

    it('the host correcting its data with store.set(id, false) shows no "Unblocked"', async () => {
      store.set(PRIYA.id, true);
      const el = await pill(PRIYA.id);
      expect(shown(el)).to.equal('Blocked');
      store.set(PRIYA.id, false);
      await el.updateComplete;
      expect(shown(el)).to.equal('');
      expect(isHidden(el)).to.equal(true);
    });

    it('an unknown customer that becomes known as active shows nothing (no "Unblocked")', async () => {
      const el = await pill();
      store.set(PRIYA.id, false);
      await el.updateComplete;
      expect(isHidden(el)).to.equal(true);
    });

    it('on a refused block shows "Couldn\'t block" with a Retry button', async () => {
      const el = await pill();
      await failedRequest('block');
      await el.updateComplete;
      expect(shown(el)).to.equal("Couldn't block Retry");
      expect(retryButton(el)?.textContent?.trim()).to.equal('Retry');
      expect(el.matches(':state(error)')).to.equal(true);
    });

    it('on a refused unblock shows "Couldn\'t unblock" (and the customer is still blocked)', async () => {
      store.set(PRIYA.id, true);
      const el = await pill();
      await failedRequest('unblock');
      await el.updateComplete;
      expect(shown(el)).to.equal("Couldn't unblock Retry");
      expect(store.get(PRIYA.id).blocked).to.equal(true);
    });

    it('Retry re-runs the request through the host and then shows "Blocked"', async () => {
      const el = await pill();
      await failedRequest('block');
      await el.updateComplete;
      const retried: ChatBlockRequestEvent[] = [];
      const backend = deferred();
      const answer = (e: ChatBlockRequestEvent) => {
        retried.push(e);
        e.detail.waitUntil(backend.promise);
      };
      document.addEventListener('chat-block-request', answer);
      cleanups.push(() => document.removeEventListener('chat-block-request', answer));
      retryButton(el)!.click();
      await el.updateComplete;
      expect(retried).to.have.length(1);
      expect(retried[0].detail.customer).to.deep.equal(PRIYA);
      expect(retried[0].detail.action).to.equal('block');
      expect(shown(el)).to.equal('Blocking…');
      backend.resolve(undefined);
      await until(() => shown(el) === 'Blocked', 2000, '"Blocked" after the retry');
      expect(store.get(PRIYA.id)).to.include({ blocked: true, error: null });
    });

    it('Retry of an unblock re-runs the unblock', async () => {
      store.set(PRIYA.id, true);
      const el = await pill(PRIYA.id, { transientMs: 0 });
      await failedRequest('unblock');
      await el.updateComplete;
      const actions: string[] = [];
      const answer = (e: ChatBlockRequestEvent) => {
        actions.push(e.detail.action);
        e.detail.waitUntil(Promise.resolve());
      };
      document.addEventListener('chat-unblock-request', answer);
      cleanups.push(() => document.removeEventListener('chat-unblock-request', answer));
      retryButton(el)!.click();
      await until(() => shown(el) === 'Unblocked', 2000, '"Unblocked" after the retry');
      expect(actions).to.deep.equal(['unblock']);
    });
  });

  describe('explicit status', () => {
    const cases: [string, string][] = [
      ['blocked', 'Blocked'],
      ['blocking', 'Blocking…'],
      ['unblocking', 'Unblocking…'],
      ['unblocked', 'Unblocked'],
    ];
    for (const [status, text] of cases) {
      it(`status="${status}" shows "${text}" whatever the store says`, async () => {
        const el = await fixture<ChatStatusPill>(
          html`<chat-status-pill customer=${PRIYA.id} status=${status} .store=${store}></chat-status-pill>`,
        );
        expect(shown(el)).to.equal(text);
        expect(el.matches(`:state(${status})`)).to.equal(true);
      });
    }

    it('status="active" hides a pill whose customer is blocked', async () => {
      store.set(PRIYA.id, true);
      const el = await fixture<ChatStatusPill>(
        html`<chat-status-pill customer=${PRIYA.id} status="active" .store=${store}></chat-status-pill>`,
      );
      expect(isHidden(el)).to.equal(true);
    });

    it('removing status goes back to following the customer', async () => {
      store.set(PRIYA.id, true);
      const el = await fixture<ChatStatusPill>(
        html`<chat-status-pill customer=${PRIYA.id} status="unblocking" .store=${store}></chat-status-pill>`,
      );
      expect(shown(el)).to.equal('Unblocking…');
      el.removeAttribute('status');
      await el.updateComplete;
      expect(shown(el)).to.equal('Blocked');
    });

    it('works without a customer, and does not warn', async () => {
      const warnings: unknown[] = [];
      const realWarn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args);
      try {
        const el = await fixture<ChatStatusPill>(html`<chat-status-pill status="blocked"></chat-status-pill>`);
        expect(shown(el)).to.equal('Blocked');
      } finally {
        console.warn = realWarn;
      }
      expect(warnings).to.have.length(0);
    });
  });

  describe('shared state', () => {
    it('two pills of one customer stay in sync', async () => {
      const page = await fixture<HTMLElement>(html`<div>
        <chat-status-pill id="header" customer=${PRIYA.id} transient-ms="0" .store=${store}></chat-status-pill>
        <chat-status-pill id="row" customer=${PRIYA.id} transient-ms="0" .store=${store}></chat-status-pill>
      </div>`);
      const [a, b] = page.querySelectorAll('chat-status-pill');
      const both = async () => {
        await a.updateComplete;
        await b.updateComplete;
        return [shown(a), shown(b)];
      };
      expect(await both()).to.deep.equal(['', '']);
      const { outcome, backend } = await pendingRequest('block');
      expect(await both()).to.deep.equal(['Blocking…', 'Blocking…']);
      backend.resolve(undefined);
      await outcome;
      expect(await both()).to.deep.equal(['Blocked', 'Blocked']);
      await acceptedUnblock();
      expect(await both()).to.deep.equal(['Unblocked', 'Unblocked']);
    });

    it('a pill moved to another customer does not carry over "Unblocked"', async () => {
      // A chat header reuses its pill when the agent opens another conversation.
      store.set(PRIYA.id, true);
      const el = await pill(PRIYA.id, { transientMs: 4000 });
      await acceptedUnblock();
      await el.updateComplete;
      expect(shown(el)).to.equal('Unblocked');
      el.customer = '+14155550132'; // Emily: never blocked, nothing happened to her
      await el.updateComplete;
      expect(shown(el), "Emily's pill").to.equal('');
      expect(el.currentStatus).to.equal('active');
    });

    it('a later blocked = true from the host updates the customer everywhere', async () => {
      const el = await pill();
      const other = await pill();
      el.blocked = true;
      await el.updateComplete;
      await other.updateComplete;
      expect(store.get(PRIYA.id).blocked).to.equal(true);
      expect([shown(el), shown(other)]).to.deep.equal(['Blocked', 'Blocked']);
    });

    it('the blocked attribute does not override what the store already knows', async () => {
      store.set(PRIYA.id, false);
      const el = await fixture<ChatStatusPill>(
        html`<chat-status-pill customer=${PRIYA.id} blocked .store=${store}></chat-status-pill>`,
      );
      expect(isHidden(el)).to.equal(true);
      expect(store.get(PRIYA.id).blocked).to.equal(false);
    });

    it('stops listening when removed and listens again when put back', async () => {
      const el = await pill();
      expect(store.listenerCount).to.equal(1);
      const parent = el.parentElement!;
      el.remove();
      expect(store.listenerCount, 'no listener left behind').to.equal(0);
      store.set(PRIYA.id, true);
      parent.append(el);
      await el.updateComplete;
      expect(store.listenerCount).to.equal(1);
      expect(shown(el), 'caught up with the change it missed').to.equal('Blocked');
    });

    it("another customer's change leaves the pill alone", async () => {
      const el = await pill();
      store.set('+14155550132', true);
      await el.updateComplete;
      expect(isHidden(el)).to.equal(true);
    });
  });

  describe('accessibility', () => {
    it('announce makes a polite live region (role=status) that holds the status text', async () => {
      const el = await pill(PRIYA.id, { announce: true });
      expect(el.shadowRoot!.querySelectorAll('[role="status"]')).to.have.length(1);
      const before = el.shadowRoot!.querySelector('[role="status"]');
      store.set(PRIYA.id, true);
      await el.updateComplete;
      const region = el.shadowRoot!.querySelector('[role="status"]');
      expect(region?.textContent?.trim()).to.equal('Blocked');
      // The same region, its text changed: a region inserted along with its text is often not read.
      expect(region === before, 'the live region is kept, not replaced').to.equal(true);
    });

    it('with announce, the live region is rendered while active, so the first change is announced', async () => {
      // A live region must be in the accessibility tree before its content changes;
      // one inside a display:none host is not, and appears only together with its text.
      const el = await pill(PRIYA.id, { announce: true });
      const region = el.shadowRoot!.querySelector('[role="status"]')!;
      expect(region.textContent!.trim()).to.equal('');
      expect(region.checkVisibility(), 'the empty live region is rendered').to.equal(true);
    });

    it('without announce there is no live region', async () => {
      store.set(PRIYA.id, true);
      const el = await pill();
      expect(shown(el)).to.equal('Blocked');
      expect(nodeLabel(el.shadowRoot!.querySelector('[role="status"], [role="alert"], [aria-live]'))).to.equal('null');
      expect(el.getAttribute('role')).to.equal(null);
      expect(el.hasAttribute('aria-live')).to.equal(false);
    });

    it('is accessible in every visible state', async () => {
      const el = await pill(PRIYA.id, { transientMs: 0, announce: true });
      const check = async (expected: string) => {
        await el.updateComplete;
        expect(shown(el)).to.equal(expected);
        await expect(el).to.be.accessible();
      };
      const block = await pendingRequest('block');
      await check('Blocking…');
      block.backend.resolve(undefined);
      await block.outcome;
      await check('Blocked');
      const unblock = await pendingRequest('unblock');
      await check('Unblocking…');
      unblock.backend.resolve(undefined);
      await unblock.outcome;
      await check('Unblocked');
      await failedRequest('block');
      await check("Couldn't block Retry");
      el.announce = false;
      await check("Couldn't block Retry");
    });

    it('exposes the status as a custom state: :state(blocked), :state(visible)', async () => {
      const el = await pill();
      store.set(PRIYA.id, true);
      await el.updateComplete;
      expect(el.matches(':state(blocked)')).to.equal(true);
      expect(el.matches(':state(visible)')).to.equal(true);
      expect(el.matches(':state(active)')).to.equal(false);
      expect(document.querySelector('chat-status-pill:state(blocked)') === el).to.equal(true);
      await acceptedUnblock();
      await el.updateComplete;
      expect(el.matches(':state(blocked)')).to.equal(false);
      expect(el.matches(':state(unblocked)')).to.equal(true);
    });

    it('an active pill has no status state, whether it never showed or went back to active', async () => {
      store.set(PRIYA.id, true);
      const wentBack = await pill(PRIYA.id, { transientMs: 0 });
      expect(wentBack.matches(':state(blocked):state(visible)')).to.equal(true);
      store.set(PRIYA.id, false);
      await wentBack.updateComplete;
      wentBack.status = 'active';
      await wentBack.updateComplete;
      expect(wentBack.matches(':state(visible)'), 'a pill that went back to active').to.equal(false);
      expect(wentBack.matches(':state(blocked)')).to.equal(false);
      expect(wentBack.matches(':state(unblocked)')).to.equal(false);
      const fresh = await pill('+14155550132');
      expect(fresh.currentStatus).to.equal('active');
      expect(fresh.matches(':state(visible)'), 'a pill that never showed anything').to.equal(false);
    });
  });

  describe('missing customer', () => {
    it('warns once, stays hidden', async () => {
      const warnings: unknown[][] = [];
      const realWarn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args);
      try {
        const el = await fixture<ChatStatusPill>(html`<chat-status-pill .store=${store}></chat-status-pill>`);
        el.transientMs = 10;
        await el.updateComplete;
        el.requestUpdate();
        await el.updateComplete;
        expect(isHidden(el)).to.equal(true);
      } finally {
        console.warn = realWarn;
      }
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.match(/customer/);
    });
  });

  describe('words', () => {
    it('.strings overrides the words of one pill', async () => {
      store.set(PRIYA.id, true);
      const el = await fixture<ChatStatusPill>(
        html`<chat-status-pill customer=${PRIYA.id} .store=${store} .strings=${{ statusBlocked: 'Spam' }}></chat-status-pill>`,
      );
      expect(shown(el)).to.equal('Spam');
      const other = await pill();
      expect(shown(other), 'other pills keep the default').to.equal('Blocked');
    });

    it('.strings overrides the error and Retry words', async () => {
      const el = await fixture<ChatStatusPill>(
        html`<chat-status-pill
          customer=${PRIYA.id}
          .store=${store}
          .strings=${{ statusBlockFailed: 'Block failed', retry: 'Try again' }}
        ></chat-status-pill>`,
      );
      await failedRequest('block');
      await el.updateComplete;
      expect(shown(el)).to.equal('Block failed Try again');
    });

    it('speaks Spanish under lang="es" once the locale is registered', async () => {
      registerLocale(es);
      store.set(PRIYA.id, true);
      const page = await fixture<HTMLElement>(
        html`<div lang="es"><chat-status-pill customer=${PRIYA.id} .store=${store}></chat-status-pill></div>`,
      );
      const el = page.querySelector('chat-status-pill')!;
      expect(shown(el)).to.equal('Bloqueado');
      await failedRequest('unblock');
      await el.updateComplete;
      expect(shown(el)).to.equal('No se pudo desbloquear Reintentar');
    });
  });
});
