// The store's sync half (store-sync.ts: status reads, pushes, other tabs) is loaded on first
// need. A page of rows that reads nothing back never fetches it; a request started while a
// backend with status() is connected fetches it before the request ends, so an unconfirmed
// outcome can read back at once. This file's page has never loaded it.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { BlockStore, connectBackend, requestBlockChange } from '../src/index.js';
import { fetched } from './lazy-helpers.js';
import { deferred, until } from './helpers.js';

const PRIYA = { id: '+919876543210', name: 'Priya Sharma' };

describe("lazy loading: the store's sync half", () => {
  it('a page of pills and menus, blocked and not, with a reader connected, does not fetch it', async () => {
    const store = new BlockStore();
    store.set('+919800000001', true);
    const root = await fixture<HTMLElement>(html`<div>
      <chat-status-pill customer="+919800000001" .store=${store}></chat-status-pill>
      <chat-header-menu customer="+919800000001" .store=${store}></chat-header-menu>
      <chat-status-pill customer="+919800000002" .store=${store}></chat-status-pill>
      <chat-header-menu customer="+919800000002" .store=${store}></chat-header-menu>
    </div>`);
    const stop = connectBackend(root, { block: async () => {}, unblock: async () => {}, status: async () => ({ blocked: true }) }, { store });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(root.querySelector('chat-status-pill')!.shadowRoot!.textContent!.trim()).to.equal('Blocked');
      expect(fetched('/state/store-sync'), 'store-sync fetched by a page that reads nothing back').to.equal(false);
    } finally {
      stop();
    }
  });

  it('a request started with a status reader connected fetches it while the request runs', async () => {
    const store = new BlockStore();
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const answer = deferred();
    const stop = connectBackend(root, { block: () => answer.promise, unblock: async () => {}, status: async () => ({ blocked: true }) }, { store });
    try {
      const outcome = requestBlockChange(root, store, PRIYA, 'block');
      await until(() => fetched('/state/store-sync'), 3000, 'store-sync to be fetched');
      expect(store.get(PRIYA.id).pending, 'the request still runs').to.equal('block');
      answer.resolve(undefined);
      expect(await outcome).to.equal('applied');
    } finally {
      stop();
    }
  });
});
