import { expect, fixture, html } from '@open-wc/testing';
// Only the side-effect-free entry: nothing may be registered by importing it.
import { ChatConfirmDialog, ChatHeaderMenu, ChatMenuItem, ChatStatusPill } from '../src/index.js';

const TAGS = [
  'chat-header-menu',
  'chat-menu-item',
  'chat-confirm-dialog',
  'chat-status-pill',
  'chat-block-notice',
  'chat-block-banner',
  'chat-blocked-list',
];

describe('entry points and define()', () => {
  it('importing the package entry registers no tag', () => {
    for (const tag of TAGS) expect(customElements.get(tag) === undefined, tag).to.equal(true);
  });

  it('define() registers the element and the elements it renders; the menu registers its dialog with its popup', async () => {
    ChatHeaderMenu.define();
    // Compared as booleans: chai would print the whole class on a failure.
    expect(customElements.get('chat-header-menu') === ChatHeaderMenu).to.equal(true);
    expect(customElements.get('chat-menu-item') === ChatMenuItem).to.equal(true);
    // A closed menu needs no dialog: it comes with the popup's module, on the first open.
    expect(customElements.get('chat-confirm-dialog') === undefined).to.equal(true);
    const menu = await fixture<ChatHeaderMenu>(html`<chat-header-menu customer="+919999999999"></chat-header-menu>`);
    menu.show();
    await menu.updateComplete;
    expect(customElements.get('chat-confirm-dialog') === ChatConfirmDialog).to.equal(true);
    menu.hide();
    expect(() => ChatHeaderMenu.define()).not.to.throw();
  });

  it('define(tag) registers under another tag; a second tag gets a subclass (one class per registry)', () => {
    ChatStatusPill.define('acme-status-pill');
    expect(customElements.get('acme-status-pill') === ChatStatusPill).to.equal(true);
    ChatStatusPill.define();
    const Default = customElements.get('chat-status-pill')!;
    expect(Default === ChatStatusPill).to.equal(false);
    expect(new Default()).to.be.instanceOf(ChatStatusPill);
  });

  // Engine difference: scoped registries (`new CustomElementRegistry()`) exist in Chromium and
  // Safari 26, not in Firefox ESR 153 ("Illegal constructor"), where a host has no registry to
  // pass and the test is skipped. WebKitGTK 2.50 has them off by default: its launcher turns
  // them on (test/browsers.js) to match Safari.
  const scopedRegistries = (() => {
    try {
      return !!new CustomElementRegistry();
    } catch {
      return false;
    }
  })();
  it('define(tag, registry) registers into a scoped registry, leaving the global one alone (skipped where the engine has no scoped registries: Firefox)', function () {
    if (!scopedRegistries) this.skip();
    const registry = new CustomElementRegistry();
    ChatStatusPill.define('scoped-pill', registry);
    expect(registry.get('scoped-pill') !== undefined).to.equal(true);
    expect(customElements.get('scoped-pill') === undefined).to.equal(true);
  });
});
