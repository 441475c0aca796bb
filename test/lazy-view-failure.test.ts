// A notice's and a blocked list's views, and fetchBackend's request code, cannot be loaded
// (the test server refuses them: test/fail-lazy-middleware.js). The elements say so in their
// box, announced, instead of staying empty, which would read as "nothing to show"; a request
// fails as a network error. This file's page has never loaded them.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { BlockStore, connectBackend, fetchBackend, requestBlockChange, type ChatBackendError, type ChatBlockedList, type ChatBlockNotice, type ChatStatusPill } from '../src/index.js';
import { accessible, part, until } from './helpers.js';
import { LOAD_FAILED, reported, whileRefused } from './lazy-helpers.js';


describe("lazy loading: a notice's and a list's view fail to load", () => {
  const { errors } = whileRefused('notice-view,blocked-list-view,fetch-request');

  it('each shows the reason in a status line and reports the module', async () => {
    const store = new BlockStore();
    store.set('+919800000001', true);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <chat-block-notice customer="+919800000001" customer-name="Priya Sharma" .store=${store}></chat-block-notice>
      <chat-blocked-list .store=${store} .items=${[{ id: '+919800000001', name: 'Priya Sharma' }]}></chat-blocked-list>
    </div>`);
    const notice = wrapper.querySelector<ChatBlockNotice>('chat-block-notice')!;
    const list = wrapper.querySelector<ChatBlockedList>('chat-blocked-list')!;
    const line = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="load-failed"]');
    await until(() => !!line(notice) && !!line(list), 4000, 'both to say they could not load');
    for (const el of [notice, list]) {
      expect(line(el)!.textContent).to.equal(LOAD_FAILED);
      expect(line(el)!.getAttribute('role')).to.equal('status');
      expect(line(el)!.checkVisibility(), `${el.localName}: the line shows`).to.equal(true);
      expect(reported(errors, `${el.localName}: its view could not be loaded.`), el.localName).to.equal(true);
    }
    // Their updateComplete does not wait on a load that failed, nor start one on every await.
    await Promise.all([notice.updateComplete, list.updateComplete]);
    expect(list.rowCount).to.deep.equal({ total: 0, shown: 0 });
    expect(part(notice, 'load-failed')).to.equal(line(notice));
    await accessible(wrapper);
  });

  it("fetchBackend's request code: the block fails as a network error, shown with Retry, nothing applied", async () => {
    const store = new BlockStore();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <chat-status-pill customer="+919999999999" .store=${store}></chat-status-pill><button>source</button>
    </div>`);
    const disconnect = connectBackend(wrapper, fetchBackend({ baseUrl: '/api' }));
    const failures: ChatBackendError[] = [];
    wrapper.addEventListener('chat-block-error', (e) => failures.push(e.detail.error as ChatBackendError));
    try {
      const outcome = requestBlockChange(wrapper.querySelector('button')!, store, { id: '+919999999999', name: 'Nobody' }, 'block');
      await outcome.catch(() => {});
      expect(failures.map((error) => error.code)).to.deep.equal(['network']);
      expect(store.get('+919999999999').blocked).to.equal(false);
      const pill = wrapper.querySelector<ChatStatusPill>('chat-status-pill')!;
      await pill.updateComplete;
      expect(part(pill, 'pill').textContent).to.include("Couldn't block");
      expect(part(pill, 'retry')).to.not.equal(null);
    } finally {
      disconnect();
    }
  });
});
