// Words and language: the nearest `lang` across shadow roots, live re-render when it (or
// the global strings, or the registered locales) change, and the five shipped locales.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import {
  BlockStore,
  en,
  format,
  registerLocale,
  setStrings,
  type ChatBlockRequestEvent,
  type ChatHeaderMenu,
  type ChatStatusPill,
  type ChatStrings,
} from '../src/index.js';
import ar from '../src/strings/locales/ar.js';
import es from '../src/strings/locales/es.js';
import hi from '../src/strings/locales/hi.js';
import ptBR from '../src/strings/locales/pt-BR.js';
import { part, until, deferred, frame } from './helpers.js';
import { clickOn } from './mouse.js';

const PHONE = '+919999999999';

/** Text without the bidi isolates (U+2066…U+2069) the elements put around names. */
const plain = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/g, '');

/** The words a pill shows now (its shadow root's text). */
const pillText = (pill: Element) => pill.shadowRoot!.textContent!.trim();

/** Waits until the pill shows `text` (a re-render is asynchronous). */
async function pillSays(pill: ChatStatusPill, text: string) {
  await until(() => pillText(pill) === text, 2000, `pill to say "${text}" (says "${pillText(pill)}")`);
}

/** A host page's own component: an element with an open (or closed) shadow root. */
function hostWithShadow(mode: ShadowRootMode, inner: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode });
  root.innerHTML = inner;
  return { host, root };
}

describe('strings and language', () => {
  describe('locales', () => {
    const shipped: Record<string, ChatStrings> = { en, es, hi, ar, 'pt-BR': ptBR };

    it('five locales ship, each with every key of English (triggerLabel included) and {name} kept', () => {
      const keys = Object.keys(en).sort();
      expect(keys).to.include('triggerLabel');
      expect(en.triggerLabel).to.equal('More actions for {name}');
      for (const [code, strings] of Object.entries(shipped)) {
        expect(strings.$code, code).to.equal(code);
        expect(Object.keys(strings).sort(), code).to.deep.equal(keys);
        for (const key of keys) expect((strings as unknown as Record<string, string>)[key], `${code}.${key}`).to.be.a('string').and.not.equal('');
        expect(strings.triggerLabel, `${code}.triggerLabel`).to.include('{name}');
        expect(format(strings.triggerLabel, { name: 'Priya' }), code).to.include('Priya');
        // The popup's name stays its own key.
        expect(strings.menuLabel, `${code}.menuLabel`).to.be.a('string');
      }
      // Translations, not copies of English.
      for (const code of ['es', 'hi', 'ar', 'pt-BR']) expect(shipped[code].triggerLabel, code).to.not.equal(en.triggerLabel);
    });

    it('registerLocale() re-renders elements already on screen; lang="pt-BR" (and "pt") choose pt-BR', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <p lang="pt-BR"><chat-status-pill id="br" status="blocked"></chat-status-pill></p>
        <p lang="pt"><chat-status-pill id="pt" status="blocked"></chat-status-pill></p>
        <p lang="pt-PT"><chat-status-pill id="pt-pt" status="blocked"></chat-status-pill></p>
      </div>`);
      const pills = [...wrapper.querySelectorAll<ChatStatusPill>('chat-status-pill')];
      await Promise.all(pills.map((p) => p.updateComplete));
      // Not registered yet: English.
      for (const pill of pills) expect(pillText(pill), pill.id).to.equal('Blocked');
      registerLocale(es); // another locale must not be picked for Portuguese
      registerLocale(ptBR);
      for (const pill of pills) await pillSays(pill, 'Bloqueado');
    });
  });

  describe("a host's own locale", () => {
    it('shows its strings, and English for those it lacks (a locale written before a string was added)', async () => {
      registerLocale({ $code: 'fr', statusBlocked: 'Bloqué', block: 'Bloquer' });
      const wrapper = await fixture<HTMLElement>(html`<div lang="fr">
        <chat-status-pill status="blocked"></chat-status-pill>
        <chat-header-menu customer=${PHONE} customer-name="Priya Sharma" .store=${new BlockStore()}></chat-header-menu>
      </div>`);
      const pill = wrapper.querySelector<ChatStatusPill>('chat-status-pill')!;
      const menu = wrapper.querySelector<ChatHeaderMenu>('chat-header-menu')!;
      await Promise.all([pill.updateComplete, menu.updateComplete]);
      expect(pillText(pill)).to.equal('Bloqué');
      expect(plain(part(menu, 'trigger').getAttribute('aria-label'))).to.equal('More actions for Priya Sharma');
      menu.show();
      await menu.updateComplete;
      expect(part(menu, 'block-item').textContent!.trim()).to.equal('Bloquer');
      menu.hide();
    });
  });

  describe('lang across shadow roots', () => {
    it("the menu's own dialog inside <section lang=\"ar\"> says Cancel and the busy label in Arabic", async () => {
      registerLocale(ar);
      const store = new BlockStore();
      const section = await fixture<HTMLElement>(html`<section lang="ar" dir="rtl" style="padding: 20px 200px">
        <chat-header-menu customer=${PHONE} customer-name="Priya Sharma" .store=${store}></chat-header-menu>
      </section>`);
      const menu = section.querySelector<ChatHeaderMenu>('chat-header-menu')!;
      await menu.updateComplete;
      // Issue 8: every trigger is named after its customer, in the page's language.
      expect(plain(part(menu, 'trigger').getAttribute('aria-label'))).to.equal(format(ar.triggerLabel, { name: 'Priya Sharma' }));
      const backend = deferred();
      const answer = (e: Event) => (e as ChatBlockRequestEvent).detail.waitUntil(backend.promise);
      section.addEventListener('chat-block-request', answer);
      try {
        await clickOn(part(menu, 'trigger'));
        await until(() => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open'), 2000, 'menu open');
        await frame();
        const item = part(menu, 'block-item');
        expect(item.textContent!.trim()).to.equal(ar.block);
        await clickOn(item);
        const dialog = await (async () => {
          await until(() => menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open === true, 2000, 'dialog open');
          return menu.shadowRoot!.querySelector('chat-confirm-dialog')!;
        })();
        await dialog.updateComplete;
        expect(plain(part(dialog, 'heading').textContent)).to.equal(format(ar.blockHeading, { name: 'Priya Sharma' }));
        expect(part(dialog, 'cancel').textContent).to.equal(ar.cancel);
        const confirm = part(dialog, 'confirm');
        expect(confirm.textContent).to.equal(ar.block);
        await clickOn(confirm);
        await until(() => confirm.getAttribute('aria-busy') === 'true', 2000, 'confirm busy');
        expect(confirm.textContent).to.equal(ar.confirmBusy);
        backend.resolve(undefined);
        await until(() => !dialog.open, 2000, 'dialog closed');
        expect(store.get(PHONE).blocked).to.equal(true);
      } finally {
        section.removeEventListener('chat-block-request', answer);
      }
    });

    it("a pill in a host's open shadow root follows the lang outside it", async () => {
      registerLocale(es);
      const outer = await fixture<HTMLElement>(html`<div lang="es"></div>`);
      const { host, root } = hostWithShadow('open', '<span><chat-status-pill status="blocked"></chat-status-pill></span>');
      outer.append(host);
      const pill = root.querySelector<ChatStatusPill>('chat-status-pill')!;
      await pill.updateComplete;
      expect(pillText(pill)).to.equal(es.statusBlocked);
    });

    it('crosses closed and nested shadow roots too, and the nearest lang wins', async () => {
      registerLocale(es);
      registerLocale(hi);
      const outer = await fixture<HTMLElement>(html`<div lang="es"></div>`);
      const a = hostWithShadow('closed', '<div id="mid"></div>');
      const b = hostWithShadow('open', '<chat-status-pill status="blocked"></chat-status-pill>');
      a.root.getElementById('mid')!.append(b.host);
      outer.append(a.host);
      const pill = b.root.querySelector<ChatStatusPill>('chat-status-pill')!;
      await pill.updateComplete;
      expect(pillText(pill)).to.equal(es.statusBlocked);
      // A nearer lang inside the closed root wins over the outer one.
      a.root.getElementById('mid')!.setAttribute('lang', 'hi');
      await pillSays(pill, hi.statusBlocked);
    });

    it("an element's own lang wins, and lang=\"\" (unknown) means English", async () => {
      registerLocale(es);
      const wrapper = await fixture<HTMLElement>(html`<div lang="es">
        <chat-status-pill id="own" lang="hi" status="blocked"></chat-status-pill>
        <p lang=""><chat-status-pill id="unknown" status="blocked"></chat-status-pill></p>
      </div>`);
      registerLocale(hi);
      const own = wrapper.querySelector<ChatStatusPill>('#own')!;
      const unknown = wrapper.querySelector<ChatStatusPill>('#unknown')!;
      await pillSays(own, hi.statusBlocked);
      await unknown.updateComplete;
      expect(pillText(unknown)).to.equal(en.statusBlocked);
    });
  });

  describe('live re-render', () => {
    it('changing the governing lang at run time re-renders (document and a host shadow root)', async () => {
      registerLocale(es);
      registerLocale(ar);
      const outer = await fixture<HTMLElement>(html`<div lang="en">
        <chat-status-pill id="light" status="blocked"></chat-status-pill>
      </div>`);
      const light = outer.querySelector<ChatStatusPill>('#light')!;
      const { host, root } = hostWithShadow('open', '<div id="inner"><chat-status-pill status="blocked"></chat-status-pill></div>');
      outer.append(host);
      const shadowed = root.querySelector<ChatStatusPill>('chat-status-pill')!;
      await Promise.all([light.updateComplete, shadowed.updateComplete]);
      expect(pillText(light)).to.equal('Blocked');
      expect(pillText(shadowed)).to.equal('Blocked');

      outer.setAttribute('lang', 'es');
      await pillSays(light, es.statusBlocked);
      await pillSays(shadowed, es.statusBlocked);

      // A lang that appears inside the host's shadow root (the document's observer cannot see it).
      root.getElementById('inner')!.setAttribute('lang', 'ar');
      await pillSays(shadowed, ar.statusBlocked);
      expect(pillText(light)).to.equal(es.statusBlocked);

      // Removing the nearest lang falls back to the next one out.
      root.getElementById('inner')!.removeAttribute('lang');
      await pillSays(shadowed, es.statusBlocked);
    });

    it('the menu and its open dialog follow a lang change', async () => {
      registerLocale(es);
      const store = new BlockStore();
      const section = await fixture<HTMLElement>(html`<section lang="en" style="padding: 20px 200px">
        <chat-header-menu customer=${PHONE} customer-name="Priya Sharma" .store=${store}></chat-header-menu>
      </section>`);
      const menu = section.querySelector<ChatHeaderMenu>('chat-header-menu')!;
      await menu.updateComplete;
      expect(plain(part(menu, 'trigger').getAttribute('aria-label'))).to.equal('More actions for Priya Sharma');
      await clickOn(part(menu, 'trigger'));
      await until(() => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open'), 2000, 'menu open');
      await frame();
      await clickOn(part(menu, 'block-item'));
      await until(() => menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open === true, 2000, 'dialog open');
      const dialog = menu.shadowRoot!.querySelector('chat-confirm-dialog')!;
      expect(part(dialog, 'cancel').textContent).to.equal(en.cancel);

      section.lang = 'es';
      await until(() => part(dialog, 'cancel').textContent === es.cancel, 2000, 'Cancel in Spanish');
      await until(
        () => plain(part(menu, 'trigger').getAttribute('aria-label')) === 'Más acciones para Priya Sharma',
        2000,
        'trigger named in Spanish',
      );
      await clickOn(part(dialog, 'cancel'));
      await until(() => !dialog.open, 2000, 'dialog closed');
    });

    it('setStrings() re-renders elements already on screen, and undefined drops an override', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en"><chat-status-pill status="blocked"></chat-status-pill></div>`);
      const pill = wrapper.querySelector<ChatStatusPill>('chat-status-pill')!;
      await pill.updateComplete;
      expect(pillText(pill)).to.equal('Blocked');
      try {
        setStrings({ statusBlocked: 'Banned' });
        await pillSays(pill, 'Banned');
      } finally {
        setStrings({ statusBlocked: undefined });
      }
      await pillSays(pill, 'Blocked');
    });

    it('an element taken out of the page is no longer re-rendered (no leak in the shared registry)', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en"><chat-status-pill status="blocked"></chat-status-pill></div>`);
      const pill = wrapper.querySelector<ChatStatusPill>('chat-status-pill')!;
      await pill.updateComplete;
      pill.remove();
      try {
        setStrings({ statusBlocked: 'Banned' });
        await frame();
        await pill.updateComplete;
        expect(pill.isUpdatePending).to.equal(false);
        expect(pillText(pill)).to.equal('Blocked');
        // Back in the page, it catches up.
        wrapper.append(pill);
        await pillSays(pill, 'Banned');
      } finally {
        setStrings({ statusBlocked: undefined });
      }
    });

    it('one shared MutationObserver: 200 more elements create none', async () => {
      const Original = window.MutationObserver;
      let created = 0;
      window.MutationObserver = class extends Original {
        constructor(callback: MutationCallback) {
          super(callback);
          created++;
        }
      };
      try {
        const wrapper = await fixture<HTMLElement>(html`<div lang="en"></div>`);
        for (let i = 0; i < 100; i++) {
          wrapper.insertAdjacentHTML('beforeend', `<chat-status-pill customer="+1555000${i}"></chat-status-pill><chat-header-menu customer="+1555000${i}"></chat-header-menu>`);
        }
        await frame();
        // At most the shared one, if no element had been connected before this test.
        expect(created).to.be.at.most(1);
      } finally {
        window.MutationObserver = Original;
      }
    });
  });
});
