import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import {
  BlockStore,
  registerLocale,
  requestBlockChange,
  type ChatBlockBanner,
  type ChatBlockChangeEvent,
  type ChatBlockRequestEvent,
  type ChatConfirmDialog,
} from '../src/index.js';
import ar from '../src/strings/locales/ar.js';
import es from '../src/strings/locales/es.js';
import { accessible, expectSame, focused, hostBackend, part, press, until, visible } from './helpers.js';
import { clickOn, resetMouse } from './mouse.js';

const PRIYA = { id: '+919876543210', name: 'Priya Sharma' };

/** What the agent sees: nothing when the banner is not displayed, else its text (without bidi isolates). */
function shown(el: ChatBlockBanner): string {
  if (getComputedStyle(el).display === 'none') return '';
  const pieces = [...el.shadowRoot!.querySelectorAll('[part~="banner"] > *')].map((n) => n.textContent);
  return visible(pieces.join(' ')).replace(/\s+/g, ' ').trim();
}

const isHidden = (el: ChatBlockBanner) => getComputedStyle(el).display === 'none' && !el.shadowRoot!.querySelector('[part~="banner"]');
const ownDialog = (el: Element) => el.shadowRoot!.querySelector<ChatConfirmDialog>('chat-confirm-dialog');
const dialogOpen = (el: Element) => ownDialog(el)?.open === true;



describe('<chat-block-banner>', () => {
  let store: BlockStore;
  let realInfo: typeof console.info;
  beforeEach(() => {
    store = new BlockStore();
    realInfo = console.info;
    console.info = () => {};
  });
  afterEach(async () => {
    console.info = realInfo;
    await resetMouse();
  });

  /**
   * The banner where a host puts it: right before its composer, which it hides with CSS alone
   * (`chat-block-banner:state(blocked) + .composer`), with a control before both.
   */
  async function banner(attrs = '', { name = PRIYA.name, lang = '' } = {}) {
    const wrapper = await fixture<HTMLElement>(html`<div style="padding: 20px">
      <style>
        chat-block-banner:state(blocked) + .composer {
          display: none;
        }
      </style>
      <button id="before">before</button>
      <div id="slot"></div>
      <form class="composer"><textarea aria-label="Message"></textarea><button type="submit">Send</button></form>
    </div>`);
    if (lang) wrapper.lang = lang;
    const slot = wrapper.querySelector('#slot')!;
    // Attributes as a host would write them in HTML (the name set as an attribute value, not parsed).
    slot.outerHTML = `<chat-block-banner customer="${PRIYA.id}" ${attrs}></chat-block-banner>`;
    const el = wrapper.querySelector<ChatBlockBanner>('chat-block-banner')!;
    el.setAttribute('customer-name', name);
    el.store = store;
    await el.updateComplete;
    return el;
  }
  const composer = () => document.querySelector<HTMLFormElement>('.composer')!;

  async function blockedHere(answer: unknown = {}) {
    const listener = (e: ChatBlockRequestEvent) => e.detail.waitUntil(Promise.resolve(answer));
    document.addEventListener('chat-block-request', listener);
    try {
      await requestBlockChange(document.body, store, PRIYA, 'block');
    } finally {
      document.removeEventListener('chat-block-request', listener);
    }
  }

  describe('showing', () => {
    it('is hidden while the customer is active, with no content, state or dialog; the composer shows', async () => {
      const el = await banner();
      expect(isHidden(el)).to.equal(true);
      expect(el.shadowRoot!.textContent!.trim()).to.equal('');
      expect(el.matches(':state(blocked)')).to.equal(false);
      expect(ownDialog(el)).to.equal(null);
      expect(getComputedStyle(composer()).display).to.equal('block');
    });

    it('shows and hides with the store, and :state(blocked) hides the composer with CSS alone', async () => {
      const el = await banner();
      store.set(PRIYA.id, true);
      await el.updateComplete;
      expect(shown(el)).to.equal('Priya Sharma is blocked. Unblock to send messages. Unblock');
      expect(el.matches(':state(blocked)')).to.equal(true);
      expect(getComputedStyle(composer()).display).to.equal('none');
      store.set(PRIYA.id, false);
      await el.updateComplete;
      expect(isHidden(el)).to.equal(true);
      expect(getComputedStyle(composer()).display).to.equal('block');
    });

    it('the blocked attribute seeds the state', async () => {
      const el = await banner('blocked');
      expect(store.get(PRIYA.id).blocked).to.equal(true);
      expect(el.matches(':state(blocked)')).to.equal(true);
    });

    it('is accessible on a dark page, in the error state too (light-dark follows the page)', async () => {
      store.set(PRIYA.id, true);
      const el = await banner('confirm-unblock="false"');
      el.parentElement!.style.cssText = 'color-scheme: dark; background: #0b0d10; color: #e8eaed; padding: 20px';
      await accessible(el);
      const fail = (e: ChatBlockRequestEvent) => e.detail.waitUntil(Promise.reject(new Error('Server down')));
      document.addEventListener('chat-unblock-request', fail);
      try {
        await clickOn(part(el, 'unblock'));
        await until(() => el.shadowRoot!.querySelector('[part~="error"]') !== null, 2000, 'the error');
      } finally {
        document.removeEventListener('chat-unblock-request', fail);
      }
      await accessible(el);
    });

    it('is accessible while blocked', async () => {
      store.set(PRIYA.id, true);
      const el = await banner();
      await accessible(el);
    });
  });

  describe('words', () => {
    it('"You blocked {name}." after a block made from this page', async () => {
      const el = await banner();
      await blockedHere();
      await el.updateComplete;
      expect(shown(el)).to.equal('You blocked Priya Sharma. Unblock to send messages. Unblock');
    });

    it('"{by} blocked {name}." when the host said who', async () => {
      store.set(PRIYA.id, { blocked: true, by: 'Asha Rao' });
      const el = await banner();
      expect(visible(part(el, 'message').textContent)).to.equal('Asha Rao blocked Priya Sharma. Unblock to send messages.');
    });

    it('names are text inside bidi isolates; a blank name falls back to the id', async () => {
      store.set(PRIYA.id, true);
      const evil = await banner('', { name: 'Eve\u202Eevil <img src=x>' });
      expect(part(evil, 'message').textContent).to.equal('\u2068Eve\u202Eevil <img src=x>\u2069 is blocked. Unblock to send messages.');
      expect(evil.shadowRoot!.querySelector('img')).to.equal(null);
      const blank = await banner('', { name: ' \u200B ' });
      expect(visible(part(blank, 'message').textContent)).to.equal(`${PRIYA.id} is blocked. Unblock to send messages.`);
    });

    it('speaks Spanish and Arabic', async () => {
      registerLocale(es);
      registerLocale(ar);
      store.set(PRIYA.id, true);
      const spanish = await banner('', { lang: 'es' });
      expect(shown(spanish)).to.equal('Priya Sharma está bloqueado. Desbloquea para enviar mensajes. Desbloquear');
      const arabic = await banner('', { lang: 'ar' });
      expect(visible(part(arabic, 'message').textContent)).to.equal('Priya Sharma محظور. ألغِ الحظر لإرسال الرسائل.');
      expect(part(arabic, 'unblock').textContent).to.equal('إلغاء الحظر');
    });
  });

  describe('Unblock', () => {
    it('with the mouse: its own dialog, the request, then hidden and the composer back', async () => {
      store.set(PRIYA.id, true);
      const el = await banner();
      const backend = hostBackend();
      const changes: boolean[] = [];
      const onChange = (e: ChatBlockChangeEvent) => changes.push(e.detail.blocked);
      document.addEventListener('chat-block-change', onChange);
      try {
        await clickOn(part(el, 'unblock'));
        await until(() => dialogOpen(el), 2000, 'dialog open');
        const dialog = ownDialog(el)!;
        await dialog.updateComplete;
        expect(visible(part(dialog, 'heading').textContent)).to.equal('Unblock Priya Sharma?');
        await accessible(dialog);
        await clickOn(part(dialog, 'confirm'));
        await until(() => backend.calls.length === 1, 2000, 'the request');
        expect(backend.calls[0].event.detail.customer).to.deep.equal(PRIYA);
        backend.calls[0].settle.resolve(undefined);
        await until(() => !dialogOpen(el) && isHidden(el), 2000, 'closed and hidden');
        expect(changes).to.deep.equal([false]);
        expect(getComputedStyle(composer()).display).to.equal('block');
      } finally {
        backend.stop();
        document.removeEventListener('chat-block-change', onChange);
      }
    });

    it('with the keyboard alone: Tab to it, Enter, the dialog, confirm; then focus is in the composer', async () => {
      store.set(PRIYA.id, true);
      const el = await banner();
      const backend = hostBackend();
      try {
        document.querySelector<HTMLButtonElement>('#before')!.focus();
        await press('Tab');
        // The composer is hidden, so the banner's button is the next stop.
        expectSame(focused(), part(el, 'unblock'), 'Tab reaches Unblock');
        await press('Enter');
        await until(() => dialogOpen(el), 2000, 'dialog open');
        const dialog = ownDialog(el)!;
        await until(() => focused() === part(dialog, 'cancel'), 2000, 'focus on Cancel');
        await press('Tab');
        expectSame(focused(), part(dialog, 'confirm'), 'Tab reaches the confirm button');
        await press('Enter');
        await until(() => backend.calls.length === 1, 2000, 'the request');
        backend.calls[0].settle.resolve(undefined);
        await until(() => isHidden(el) && !dialogOpen(el), 2000, 'hidden');
        await until(() => focused() === composer().querySelector('textarea'), 2000, 'focus in the composer');
      } finally {
        backend.stop();
      }
    });

    it('a host that enables its composer a moment after the change still gets the focus there', async () => {
      store.set(PRIYA.id, true);
      const el = await banner('confirm-unblock="false"');
      const textarea = composer().querySelector('textarea')!;
      textarea.disabled = true;
      // Like a framework: the host's state changes on the event, its DOM a little later.
      const onChange = () => void Promise.resolve().then(() => (textarea.disabled = false));
      document.addEventListener('chat-block-change', onChange);
      try {
        part(el, 'unblock').focus();
        await press('Enter');
        await until(() => isHidden(el), 2000, 'hidden');
        await until(() => focused() === textarea, 2000, 'focus in the composer');
      } finally {
        document.removeEventListener('chat-block-change', onChange);
      }
    });

    it('busy while it runs, the failure shows (role="alert"), Unblock retries; axe in each state', async () => {
      store.set(PRIYA.id, true);
      const el = await banner('confirm-unblock="false"');
      const backend = hostBackend();
      try {
        await clickOn(part(el, 'unblock'));
        await until(() => backend.calls.length === 1, 2000, 'the request, without a dialog');
        expect(ownDialog(el)).to.equal(null);
        await el.updateComplete;
        const button = part(el, 'unblock');
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        expect(button.getAttribute('aria-busy')).to.equal('true');
        expect(button.textContent).to.equal('Unblocking…');
        expect(el.matches(':state(unblocking)')).to.equal(true);
        await accessible(el);
        await clickOn(button);
        expect(backend.calls).to.have.length(1, 'a second press while it runs sends nothing');
        // Focus stays on the busy button (aria-disabled, not disabled).
        expectSame(focused(), button, 'focus on the busy button');

        backend.calls[0].settle.reject(new Error("Couldn't reach the server. Check the connection and try again."));
        await until(() => el.shadowRoot!.querySelector('[role="alert"]') !== null, 2000, 'the error');
        expect(part(el, 'error').textContent).to.equal("Couldn't unblock: Couldn't reach the server. Check the connection and try again.");
        expect(el.matches(':state(error)')).to.equal(true);
        expect(getComputedStyle(composer()).display).to.equal('none', 'still blocked: the composer stays hidden');
        await accessible(el);

        await press('Enter');
        await until(() => backend.calls.length === 2, 2000, 'the retry, from the keyboard');
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
        backend.calls[1].settle.resolve(undefined);
        await until(() => isHidden(el), 2000, 'hidden after the retry');
        await until(() => focused() === composer().querySelector('textarea'), 2000, 'focus in the composer');
      } finally {
        backend.stop();
      }
    });

    it('a host that cancels the request changes nothing', async () => {
      store.set(PRIYA.id, true);
      const el = await banner('confirm-unblock="false"');
      const veto = (e: Event) => e.preventDefault();
      document.addEventListener('chat-unblock-request', veto);
      try {
        await clickOn(part(el, 'unblock'));
        await el.updateComplete;
        expect(store.get(PRIYA.id)).to.include({ blocked: true, pending: null, error: null });
        expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      } finally {
        document.removeEventListener('chat-unblock-request', veto);
      }
    });

    it('its dialog is cancelled if the customer is unblocked elsewhere meanwhile', async () => {
      store.set(PRIYA.id, true);
      const el = await banner();
      await clickOn(part(el, 'unblock'));
      await until(() => dialogOpen(el));
      store.set(PRIYA.id, false);
      await until(() => !dialogOpen(el), 2000, 'the dialog closes');
      expect(document.querySelector('dialog:modal')).to.equal(null);
    });
  });
});
