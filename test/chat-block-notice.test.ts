import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import {
  BlockStore,
  registerLocale,
  requestBlockChange,
  type ChatBlockChangeEvent,
  type ChatBlockNotice,
  type ChatBlockRequestEvent,
  type ChatConfirmDialog,
} from '../src/index.js';
import es from '../src/strings/locales/es.js';
import { accessible, expectSame, focused, hostBackend, part, press, until, visible } from './helpers.js';
import { clickOn, resetMouse } from './mouse.js';

const PRIYA = { id: '+919876543210', name: 'Priya Sharma' };

/** What the agent sees: nothing when the notice is not displayed, else its text (without bidi isolates). */
function shown(el: ChatBlockNotice): string {
  if (getComputedStyle(el).display === 'none') return '';
  const line = el.shadowRoot!.querySelector('[part~="notice"]');
  return visible(line?.textContent).replace(/\s+/g, ' ').trim();
}

const isHidden = (el: ChatBlockNotice) =>
  getComputedStyle(el).display === 'none' && !el.shadowRoot!.querySelector('[part~="notice"]');
const ownDialog = (el: Element) => el.shadowRoot!.querySelector<ChatConfirmDialog>('chat-confirm-dialog');
const dialogOpen = (el: Element) => ownDialog(el)?.open === true;



describe('<chat-block-notice>', () => {
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

  /** A notice between two buttons, as in a conversation with something focusable on each side. */
  async function notice(attrs = '', lang = '') {
    const wrapper = await fixture<HTMLElement>(html`<div style="padding: 20px">
      <button id="before">before</button>
      <div id="slot"></div>
      <button id="after">after</button>
    </div>`);
    if (lang) wrapper.lang = lang;
    // Attributes as a host would write them in HTML.
    wrapper.querySelector('#slot')!.outerHTML = `<chat-block-notice customer="${PRIYA.id}" customer-name="${PRIYA.name}" ${attrs}></chat-block-notice>`;
    const el = wrapper.querySelector<ChatBlockNotice>('chat-block-notice')!;
    el.store = store;
    await el.updateComplete;
    return el;
  }

  /** A block this page made and the backend accepted (no `by` in its answer). */
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
    it('is hidden while the customer is active, with no content, state or dialog', async () => {
      const el = await notice();
      expect(isHidden(el)).to.equal(true);
      expect(el.shadowRoot!.textContent!.trim()).to.equal('');
      expect(el.matches(':state(blocked)')).to.equal(false);
      expect(ownDialog(el)).to.equal(null);
    });

    it('shows and hides with the store', async () => {
      const el = await notice();
      store.set(PRIYA.id, true);
      await el.updateComplete;
      expect(shown(el)).to.equal('This customer is blocked · Unblock');
      expect(el.matches(':state(blocked)')).to.equal(true);
      expect(document.querySelector('chat-block-notice:state(blocked)') === el).to.equal(true);
      store.set(PRIYA.id, false);
      await el.updateComplete;
      expect(isHidden(el)).to.equal(true);
      expect(el.matches(':state(blocked)')).to.equal(false);
    });

    it('the blocked attribute seeds the state', async () => {
      const el = await notice('blocked');
      expect(store.get(PRIYA.id).blocked).to.equal(true);
      expect(shown(el)).to.equal('This customer is blocked · Unblock');
    });

    it('is accessible on a dark page, in the error state too (light-dark follows the page)', async () => {
      store.set(PRIYA.id, { blocked: true, by: 'Asha', at: new Date(), reason: 'spam' });
      const el = await notice('confirm-unblock="false"');
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

    it('is a note in the message list', async () => {
      store.set(PRIYA.id, true);
      const el = await notice();
      expect(part(el, 'notice').getAttribute('role')).to.equal('note');
      await accessible(el);
    });
  });

  describe('words', () => {
    it('"{by} blocked this customer" when the host said who', async () => {
      store.set(PRIYA.id, { blocked: true, by: 'Asha Rao' });
      const el = await notice();
      expect(shown(el)).to.equal('Asha Rao blocked this customer · Unblock');
      // The name is isolated: a right-to-left name cannot reorder the sentence.
      expect(part(el, 'text').textContent).to.equal('\u2068Asha Rao\u2069 blocked this customer');
    });

    it('"You blocked this customer" after a block made from this page', async () => {
      const el = await notice();
      await blockedHere();
      await el.updateComplete;
      expect(shown(el).startsWith('You blocked this customer · ')).to.equal(true, shown(el));
    });

    it('the backend\'s "by" wins over "You"', async () => {
      const el = await notice();
      await blockedHere({ by: 'Ravi' });
      await el.updateComplete;
      expect(shown(el).startsWith('Ravi blocked this customer · ')).to.equal(true, shown(el));
    });

    it('"This customer is blocked" when nobody said who', async () => {
      store.set(PRIYA.id, { blocked: true, at: new Date() });
      const el = await notice();
      expect(visible(part(el, 'text').textContent)).to.equal('This customer is blocked');
    });

    it('speaks Spanish under lang="es"', async () => {
      registerLocale(es);
      store.set(PRIYA.id, { blocked: true, by: 'Asha', reason: 'abusive' });
      const el = await notice('', 'es');
      expect(shown(el)).to.equal('Asha bloqueó a este cliente · Abusivo · Desbloquear');
    });
  });

  describe('time', () => {
    it('today: the time alone, formatted by Intl in English and in Spanish', async () => {
      registerLocale(es);
      const at = new Date();
      at.setHours(14, 2, 0, 0);
      store.set(PRIYA.id, { blocked: true, at });
      const en = await notice();
      const time = part(en, 'time');
      expect(time.localName).to.equal('time');
      expect(time.getAttribute('datetime')).to.equal(at.toISOString());
      expect(time.textContent).to.equal(new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(at));
      expect(time.textContent).to.match(/^2:02\sPM$/);
      const spanish = await notice('', 'es');
      expect(part(spanish, 'time').textContent).to.equal(new Intl.DateTimeFormat('es', { timeStyle: 'short' }).format(at));
      expect(part(spanish, 'time').textContent).to.equal('14:02');
    });

    it('another day: the date and the time', async () => {
      registerLocale(es);
      const at = new Date(2026, 2, 5, 9, 30);
      store.set(PRIYA.id, { blocked: true, at });
      const en = await notice();
      expect(part(en, 'time').textContent).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(at));
      expect(part(en, 'time').textContent).to.contain('Mar 5, 2026');
      const spanish = await notice('', 'es');
      expect(part(spanish, 'time').textContent).to.equal(
        new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeStyle: 'short' }).format(at),
      );
      expect(part(spanish, 'time').textContent).to.contain('9:30');
    });

    it('a timed block says until when', async () => {
      const until = new Date(2099, 0, 2, 8, 0);
      store.set(PRIYA.id, { blocked: true, until });
      const el = await notice();
      const end = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(until);
      expect(visible(part(el, 'until').textContent)).to.equal(`until ${end}`);
      expect(shown(el)).to.equal(`This customer is blocked · until ${end} · Unblock`);
    });

    it('the whole line: who · when · why · until · Unblock', async () => {
      const at = new Date();
      const until = new Date(Date.now() + 864e5 * 3);
      store.set(PRIYA.id, { blocked: true, by: 'Asha', at, reason: 'spam', until });
      const el = await notice();
      const time = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(at);
      const end = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(until);
      expect(shown(el)).to.equal(`Asha blocked this customer · ${time} · Spam · until ${end} · Unblock`);
      await accessible(el);
    });
  });

  describe('reason', () => {
    it('a preset shows in the element\'s words', async () => {
      const el = await notice();
      for (const [value, label] of [
        ['spam', 'Spam'],
        ['abusive', 'Abusive'],
        ['other', 'Other'],
      ]) {
        store.set(PRIYA.id, { blocked: true, reason: value });
        await el.updateComplete;
        expect(visible(part(el, 'reason').textContent)).to.equal(label);
      }
    });

    it('free text shows as given', async () => {
      store.set(PRIYA.id, { blocked: true, reason: 'Sent 40 links in a minute' });
      const el = await notice();
      expect(visible(part(el, 'reason').textContent)).to.equal('Sent 40 links in a minute');
    });

    it('HTML in a reason is text, never markup', async () => {
      const reason = '<img src=x onerror="window.__pwned = 1"><b>bold</b>';
      store.set(PRIYA.id, { blocked: true, reason, by: '<i>Mallory</i>' });
      const el = await notice();
      expect(visible(part(el, 'reason').textContent)).to.equal(reason);
      expect(el.shadowRoot!.querySelector('img, b, i')).to.equal(null);
      expect(shown(el)).to.equal(`<i>Mallory</i> blocked this customer · ${reason} · Unblock`);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('an inherited property name is no preset', async () => {
      store.set(PRIYA.id, { blocked: true, reason: 'constructor' });
      const el = await notice();
      expect(visible(part(el, 'reason').textContent)).to.equal('constructor');
    });
  });

  describe('Unblock', () => {
    it('with the mouse: its own dialog (rendered on first use), the request, then hidden', async () => {
      store.set(PRIYA.id, true);
      const el = await notice();
      const backend = hostBackend();
      const changes: ChatBlockChangeEvent[] = [];
      const onChange = (e: ChatBlockChangeEvent) => changes.push(e);
      document.addEventListener('chat-block-change', onChange);
      try {
        await clickOn(part(el, 'unblock'));
        await until(() => dialogOpen(el), 2000, 'dialog open');
        const dialog = ownDialog(el)!;
        await dialog.updateComplete;
        expect(visible(part(dialog, 'heading').textContent)).to.equal('Unblock Priya Sharma?');
        expect(part(dialog, 'confirm').textContent!.trim()).to.equal('Unblock');
        await accessible(dialog);
        await clickOn(part(dialog, 'confirm'));
        await until(() => backend.calls.length === 1, 2000, 'the request');
        expect(backend.calls[0].event.detail.customer).to.deep.equal(PRIYA);
        await el.updateComplete;
        expect(el.matches(':state(unblocking)')).to.equal(true);
        backend.calls[0].settle.resolve(undefined);
        await until(() => !dialogOpen(el) && isHidden(el), 2000, 'closed and hidden');
        expect(store.get(PRIYA.id).blocked).to.equal(false);
        expect(changes.map((e) => e.detail.blocked)).to.deep.equal([false]);
        expect(el.matches(':state(blocked)')).to.equal(false);
      } finally {
        backend.stop();
        document.removeEventListener('chat-block-change', onChange);
      }
    });

    it('with the keyboard alone: Tab to it, Enter, the dialog, confirm; focus moves on', async () => {
      store.set(PRIYA.id, { blocked: true, reason: 'spam' });
      const el = await notice();
      const backend = hostBackend();
      try {
        document.querySelector<HTMLButtonElement>('#before')!.focus();
        await press('Tab');
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
        // The notice and its button are gone: focus lands on what follows, not <body>.
        await until(() => focused() === document.querySelector('#after'), 2000, 'focus on the next control');
      } finally {
        backend.stop();
      }
    });

    it('uses the page\'s own dialog when there is one, and renders none of its own', async () => {
      store.set(PRIYA.id, true);
      const el = await notice();
      const shared = document.createElement('chat-confirm-dialog');
      el.parentElement!.append(shared);
      const backend = hostBackend();
      try {
        await clickOn(part(el, 'unblock'));
        await until(() => shared.open, 2000, 'the page dialog opens');
        expect(ownDialog(el)).to.equal(null);
        await clickOn(part(shared, 'confirm'));
        await until(() => backend.calls.length === 1);
        backend.calls[0].settle.resolve(undefined);
        await until(() => isHidden(el) && !shared.open);
      } finally {
        backend.stop();
        shared.remove();
      }
    });

    it('Cancel changes nothing and sends nothing; focus returns to Unblock', async () => {
      store.set(PRIYA.id, true);
      const el = await notice();
      const backend = hostBackend();
      try {
        part(el, 'unblock').focus();
        await press('Enter');
        await until(() => dialogOpen(el));
        await until(() => focused() === part(ownDialog(el)!, 'cancel'));
        await press('Enter');
        await until(() => !dialogOpen(el));
        expect(backend.calls).to.have.length(0);
        expect(store.get(PRIYA.id).blocked).to.equal(true);
        expectSame(focused(), part(el, 'unblock'), 'focus back on Unblock');
      } finally {
        backend.stop();
      }
    });

    it('confirm-unblock="false": busy while it runs, the failure shows, Unblock retries', async () => {
      store.set(PRIYA.id, { blocked: true, reason: 'spam' });
      const el = await notice('confirm-unblock="false"');
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
        expect(el.matches(':state(blocked):state(unblocking)')).to.equal(true);
        await accessible(el);
        // A second press while it runs sends nothing.
        await clickOn(button);
        expect(backend.calls).to.have.length(1);

        backend.calls[0].settle.reject(new Error('The server answered 500 (boom). Try again.'));
        await until(() => el.shadowRoot!.querySelector('[role="alert"]') !== null, 2000, 'the error');
        const error = part(el, 'error');
        expect(error.getAttribute('role')).to.equal('alert');
        expect(error.textContent).to.equal("Couldn't unblock: The server answered 500 (boom). Try again.");
        expect(el.matches(':state(error)')).to.equal(true);
        expect(el.matches(':state(unblocking)')).to.equal(false);
        expect(part(el, 'unblock').getAttribute('aria-disabled')).to.equal('false');
        expect(store.get(PRIYA.id).blocked).to.equal(true);
        await accessible(el);

        await clickOn(part(el, 'unblock'));
        await until(() => backend.calls.length === 2, 2000, 'the retry');
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
        backend.calls[1].settle.resolve(undefined);
        await until(() => isHidden(el), 2000, 'hidden after the retry');
        expect(store.get(PRIYA.id).blocked).to.equal(false);
      } finally {
        backend.stop();
      }
    });

    it('the failure with the dialog: shown in the dialog and, once it closes, on the line', async () => {
      store.set(PRIYA.id, true);
      const el = await notice();
      const backend = hostBackend();
      try {
        await clickOn(part(el, 'unblock'));
        await until(() => dialogOpen(el));
        const dialog = ownDialog(el)!;
        await clickOn(part(dialog, 'confirm'));
        await until(() => backend.calls.length === 1);
        backend.calls[0].settle.reject(new Error('Invalid Customer'));
        await until(() => dialog.shadowRoot!.querySelector('[role="alert"]') !== null, 2000, 'error in the dialog');
        await clickOn(part(dialog, 'cancel'));
        await until(() => !dialogOpen(el));
        await el.updateComplete;
        expect(part(el, 'error').textContent).to.equal("Couldn't unblock: Invalid Customer");
        expectSame(focused(), part(el, 'unblock'), 'focus back on Unblock, which retries');
        await accessible(el);
      } finally {
        backend.stop();
      }
    });

    it('its dialog is cancelled if the customer is unblocked elsewhere meanwhile', async () => {
      store.set(PRIYA.id, true);
      const el = await notice();
      await clickOn(part(el, 'unblock'));
      await until(() => dialogOpen(el));
      store.set(PRIYA.id, false);
      await until(() => !dialogOpen(el), 2000, 'the dialog closes');
      expect(isHidden(el)).to.equal(true);
      // Nothing modal is left behind: the page takes clicks again.
      expect(document.querySelector('dialog:modal')).to.equal(null);
    });
  });
});
