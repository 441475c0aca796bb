// Hidden means free: an active pill that never showed anything renders nothing into its
// shadow root (not even Lit's part marker); once it has something to show it renders, and
// going back to active empties it as before.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { BlockStore, type ChatStatusPill } from '../src/index.js';

const PHONE = '+919999999999';

describe('lazy loading: an active pill builds nothing', () => {
  it('has an empty shadow root until it shows, then renders and hides as before', async () => {
    const store = new BlockStore();
    const pill = await fixture<ChatStatusPill>(html`<chat-status-pill customer=${PHONE} .store=${store} transient-ms="0"></chat-status-pill>`);
    await pill.updateComplete;
    expect(pill.shadowRoot!.childNodes.length, 'nodes in an active pill').to.equal(0);
    expect(getComputedStyle(pill).display).to.equal('none');
    store.set(PHONE, true);
    await pill.updateComplete;
    expect(pill.shadowRoot!.textContent!.trim()).to.equal('Blocked');
    expect(getComputedStyle(pill).display).to.not.equal('none');
    store.set(PHONE, false);
    await pill.updateComplete;
    expect(pill.shadowRoot!.textContent!.trim()).to.equal('');
    expect(getComputedStyle(pill).display).to.equal('none');
  });

  it('a pill with announce keeps its live region from the start', async () => {
    const pill = await fixture<ChatStatusPill>(html`<chat-status-pill customer=${PHONE} .store=${new BlockStore()} announce></chat-status-pill>`);
    await pill.updateComplete;
    expect(pill.shadowRoot!.querySelector('[role="status"]')).to.not.equal(null);
  });
});
