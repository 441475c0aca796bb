// Hidden means free: a notice or banner of an active customer loads nothing of what it would
// show; the first time its customer shows blocked, its view (words, parts, styles) is fetched
// with import() and it renders, styled, within updateComplete.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { BlockStore, type ChatBlockBanner, type ChatBlockNotice } from '../src/index.js';
import { fetched, PHONE } from './lazy-helpers.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('lazy loading: the notice and the banner', () => {
  it('load their views only when a customer first shows blocked', async () => {
    const store = new BlockStore();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <chat-block-notice customer=${PHONE} .store=${store}></chat-block-notice>
      <chat-block-banner customer=${PHONE} customer-name="Priya Sharma" .store=${store}></chat-block-banner>
    </div>`);
    const notice = wrapper.querySelector<ChatBlockNotice>('chat-block-notice')!;
    const banner = wrapper.querySelector<ChatBlockBanner>('chat-block-banner')!;
    await Promise.all([notice.updateComplete, banner.updateComplete]);
    expect(fetched('/chat-block-notice/chat-block-notice'), 'the notice element itself').to.equal(true);
    expect(fetched('/chat-block-notice/notice-view'), 'notice view before any block').to.equal(false);
    expect(fetched('/chat-block-banner/banner-view'), 'banner view before any block').to.equal(false);
    expect(getComputedStyle(notice).display).to.equal('none');
    expect(getComputedStyle(banner).display).to.equal('none');

    store.set(PHONE, true);
    await Promise.all([notice.updateComplete, banner.updateComplete]);
    expect(fetched('/chat-block-notice/notice-view')).to.equal(true);
    expect(fetched('/chat-block-banner/banner-view')).to.equal(true);
    expect(part(notice, 'text')!.textContent).to.equal('This customer is blocked');
    expect(part(banner, 'message')!.textContent).to.contain('Priya Sharma');
    // Styled by the sheet that came with the view.
    expect(getComputedStyle(part(notice, 'notice')!).display).to.equal('inline-flex');
    expect(getComputedStyle(part(banner, 'banner')!).display).to.equal('flex');
    expect(getComputedStyle(notice).display).to.equal('block');
  });
});
