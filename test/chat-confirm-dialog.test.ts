import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import type { ChatConfirmDialog } from '../src/index.js';
import { clickOn } from './mouse.js';
import { accessibleRoleAndName, animationsDone, deferred, expectSame, focused, nodeLabel, part, press, until } from './helpers.js';

/** Visible text of a part, spaces collapsed. */
const textOf = (el: ChatConfirmDialog, name: string) => part(el, name).textContent!.replace(/\s+/g, ' ').trim();

const isOpen = (el: ChatConfirmDialog) => part<HTMLDialogElement>(el, 'dialog').open;

const BLOCK = {
  heading: 'Block Priya Sharma?',
  message: 'Priya Sharma will not be able to send you messages until you unblock them.',
  confirmLabel: 'Block',
  cancelLabel: 'Cancel',
  tone: 'danger' as const,
};

describe('<chat-confirm-dialog>', () => {
  let el: ChatConfirmDialog;
  let opener: HTMLButtonElement;

  /** A page with the dialog and the button the agent clicked to open it (focused). */
  async function setUp(template = html`<chat-confirm-dialog></chat-confirm-dialog>`) {
    const page = await fixture<HTMLElement>(html`<div><button id="opener">More options</button>${template}</div>`);
    opener = page.querySelector('#opener')!;
    el = page.querySelector('chat-confirm-dialog')!;
    opener.focus();
    return el;
  }

  /** Opens the dialog with confirm() and waits until it is shown; `answer` is confirm()'s promise. */
  async function ask(options: Parameters<ChatConfirmDialog['confirm']>[0] = BLOCK) {
    const answer = el.confirm(options);
    await el.updateComplete;
    return { answer };
  }

  describe('confirm()', () => {
    beforeEach(() => setUp());

    it('shows a modal dialog with the heading, message and labels', async () => {
      await ask();
      expect(isOpen(el)).to.equal(true);
      expect(part(el, 'dialog').matches(':modal')).to.equal(true);
      expect(el.open).to.equal(true);
      expect(textOf(el, 'heading')).to.equal(BLOCK.heading);
      expect(textOf(el, 'message')).to.equal(BLOCK.message);
      expect(textOf(el, 'confirm')).to.equal('Block');
      expect(textOf(el, 'cancel')).to.equal('Cancel');
      expect(el.getAttribute('tone')).to.equal('danger');
      el.cancel();
    });

    it('resolves true when the agent clicks the confirm button', async () => {
      const { answer } = await ask();
      await clickOn(part(el, 'confirm'));
      expect(await answer).to.equal(true);
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
      expect(el.open).to.equal(false);
      expect(el.returnValue).to.equal('confirm');
    });

    it('resolves false when the agent clicks Cancel', async () => {
      const { answer } = await ask();
      await clickOn(part(el, 'cancel'));
      expect(await answer).to.equal(false);
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
      expect(el.returnValue).to.equal('cancel');
    });

    it('resolves false when the agent presses Escape', async () => {
      const { answer } = await ask();
      await press('Escape');
      expect(await answer).to.equal(false);
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
    });

    it('puts focus on Cancel, the least destructive answer', async () => {
      await ask();
      expectSame(focused(), part(el, 'cancel'), 'focused on open');
      el.cancel();
    });

    for (const [how, answer] of [
      ['confirm', (d: ChatConfirmDialog) => clickOn(part(d, 'confirm'))],
      ['Cancel', (d: ChatConfirmDialog) => clickOn(part(d, 'cancel'))],
      ['Escape', () => press('Escape')],
    ] as const) {
      it(`returns focus to the opener after ${how}`, async () => {
        const { answer: answered } = await ask();
        await answer(el);
        await answered;
        await el.updateComplete;
        expectSame(focused(), opener, `focused after ${how}`);
      });
    }

    it('is an alertdialog, modal, named by its heading and described by its message', async () => {
      await ask();
      const dialog = part(el, 'dialog');
      expect(dialog.getAttribute('role')).to.equal('alertdialog');
      expect(dialog.getAttribute('aria-modal')).to.equal('true');
      const labelledBy = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!);
      expectSame(labelledBy, part(el, 'heading'), 'aria-labelledby');
      const describedBy = el.shadowRoot!.getElementById(dialog.getAttribute('aria-describedby')!);
      expectSame(describedBy, part(el, 'message'), 'aria-describedby');
      // What a screen reader gets, from each engine's own accessibility tree (the a11ySnapshot
      // command needs CDP, so Chromium only: accessibleRoleAndName asks each engine its own way).
      const node = await accessibleRoleAndName(dialog, { role: 'alertdialog', name: BLOCK.heading });
      expect(node.role, `role (${node.via})`).to.equal('alertdialog');
      expect(node.name, `accessible name (${node.via})`).to.equal(BLOCK.heading);
      el.cancel();
    });

    it('is accessible while open', async () => {
      await ask();
      await animationsDone(el);
      await expect(el).to.be.accessible();
      el.cancel();
    });

    it('renders a message and heading containing HTML as text', async () => {
      await ask({
        heading: 'Block <img src=x onerror=alert(1)> Mallory?',
        message: '<b>bold?</b> <script>alert("hi")</script>',
      });
      expect(textOf(el, 'heading')).to.equal('Block <img src=x onerror=alert(1)> Mallory?');
      expect(textOf(el, 'message')).to.equal('<b>bold?</b> <script>alert("hi")</script>');
      expect(nodeLabel(el.shadowRoot!.querySelector('img, b, script'))).to.equal('null');
      el.cancel();
    });

    it('a second confirm() while open answers the first with false and shows the second', async () => {
      const { answer: first } = await ask();
      const { answer: second } = await ask({ heading: 'Unblock Rahul Verma?' });
      expect(await first).to.equal(false);
      expect(isOpen(el)).to.equal(true);
      expect(textOf(el, 'heading')).to.equal('Unblock Rahul Verma?');
      await clickOn(part(el, 'confirm'));
      expect(await second).to.equal(true);
    });

    it('rejects with a TypeError without a heading', async () => {
      let thrown: unknown;
      await el.confirm({} as never).catch((e) => (thrown = e));
      expect(thrown).to.be.instanceOf(TypeError);
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
    });

    it('answers false when the host closes it by setting open = false', async () => {
      const { answer } = await ask();
      el.open = false;
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
      let settled: boolean | 'pending' = 'pending';
      void answer.then((v) => (settled = v));
      await until(() => settled !== 'pending', 1000, 'confirm() to settle after open = false').catch(() => {});
      expect(settled, 'the confirm() promise settles').to.equal(false);
    });

    it('answers false when removed from the page while open', async () => {
      const { answer } = await ask();
      el.remove();
      expect(await answer).to.equal(false);
    });
  });

  describe('confirm() with an action', () => {
    beforeEach(() => setUp());

    it('shows busy while the action runs, and a second press does not run it again', async () => {
      const work = deferred();
      let runs = 0;
      const { answer } = await ask({
        ...BLOCK,
        action: () => {
          runs++;
          return work.promise;
        },
      });
      await clickOn(part(el, 'confirm'));
      await el.updateComplete;
      const confirmButton = part(el, 'confirm');
      expect(confirmButton.getAttribute('aria-disabled')).to.equal('true');
      expect(confirmButton.getAttribute('aria-busy')).to.equal('true');
      expect(textOf(el, 'confirm')).to.equal('Working…');
      expect(el.busy).to.equal(true);
      expect(isOpen(el), 'stays open while working').to.equal(true);
      await clickOn(confirmButton);
      confirmButton.click();
      expect(runs).to.equal(1);
      work.resolve(undefined);
      expect(await answer).to.equal(true);
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
      expect(runs).to.equal(1);
    });

    it('a failed action shows the error in an alert inside the dialog, stays open, and a retry can succeed', async () => {
      let runs = 0;
      const { answer } = await ask({
        ...BLOCK,
        action: async () => {
          runs++;
          if (runs === 1) throw new Error('The server does not know this customer (Invalid Customer).');
        },
      });
      await clickOn(part(el, 'confirm'));
      await until(() => !!el.shadowRoot!.querySelector('[role="alert"]'), 2000, 'the error to show');
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent!.trim()).to.equal('The server does not know this customer (Invalid Customer).');
      expect(part(el, 'dialog').contains(alert), 'the alert is inside the dialog').to.equal(true);
      expect(isOpen(el)).to.equal(true);
      expect(part(el, 'confirm').getAttribute('aria-disabled')).to.equal('false');
      expect(textOf(el, 'confirm')).to.equal('Block');
      await animationsDone(el);
      await expect(el).to.be.accessible();
      await clickOn(part(el, 'confirm'));
      expect(await answer).to.equal(true);
      expect(runs).to.equal(2);
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
    });

    it('a failed action then Cancel answers false and clears the error for next time', async () => {
      const { answer } = await ask({ ...BLOCK, action: () => Promise.reject(new Error('Network down')) });
      await clickOn(part(el, 'confirm'));
      await until(() => !!el.shadowRoot!.querySelector('[role="alert"]'), 2000, 'the error to show');
      await clickOn(part(el, 'cancel'));
      expect(await answer).to.equal(false);
      await ask(BLOCK);
      expect(nodeLabel(el.shadowRoot!.querySelector('[role="alert"]'))).to.equal('null');
      el.cancel();
    });

    it('Escape while busy does nothing: the confirmed action runs on (only Cancel aborts it)', async () => {
      const work = deferred();
      let signal: AbortSignal | undefined;
      const { answer } = await ask({
        ...BLOCK,
        action: (s) => {
          signal = s;
          return work.promise;
        },
      });
      await clickOn(part(el, 'confirm'));
      await el.updateComplete;
      await press('Escape');
      await el.updateComplete;
      expect(isOpen(el), 'still open').to.equal(true);
      expect(signal!.aborted).to.equal(false);
      work.resolve(undefined);
      expect(await answer).to.equal(true);
    });

    for (const [how, cancel] of [['clicking Cancel', (d: ChatConfirmDialog) => clickOn(part(d, 'cancel'))]] as const) {
      it(`${how} while busy aborts the action's signal and answers false`, async () => {
        let signal: AbortSignal | undefined;
        const { answer } = await ask({
          ...BLOCK,
          action: (s) => {
            signal = s;
            return new Promise((_, reject) => s.addEventListener('abort', () => reject(s.reason)));
          },
        });
        await clickOn(part(el, 'confirm'));
        await el.updateComplete;
        expect(el.busy).to.equal(true);
        await cancel(el);
        expect(await answer).to.equal(false);
        expect(signal!.aborted).to.equal(true);
        await el.updateComplete;
        expect(isOpen(el)).to.equal(false);
        expect(nodeLabel(el.shadowRoot!.querySelector('[role="alert"]')), 'no error for a cancel').to.equal('null');
        expectSame(focused(), opener, 'focus after cancelling');
      });
    }
  });

  describe('declarative', () => {
    const template = () => html`<chat-confirm-dialog
      open
      heading="Block Priya Sharma?"
      confirm-label="Block"
      cancel-label="Keep"
      tone="danger"
      ><p id="msg">Priya will not be able to <em>send you messages</em>.</p></chat-confirm-dialog
    >`;

    it('opens with the heading, labels and the slotted message', async () => {
      await setUp(template());
      await el.updateComplete;
      expect(isOpen(el)).to.equal(true);
      expect(textOf(el, 'heading')).to.equal('Block Priya Sharma?');
      expect(textOf(el, 'confirm')).to.equal('Block');
      expect(textOf(el, 'cancel')).to.equal('Keep');
      const message = el.querySelector('#msg')!;
      expect(message.checkVisibility(), 'the slotted message is shown').to.equal(true);
      const slot = part(el, 'message').querySelector('slot')!;
      expect(slot.assignedElements()).to.have.length(1);
      expectSame(slot.assignedElements()[0], message, 'slotted message');
      expectSame(focused(), part(el, 'cancel'), 'focused on open');
      await animationsDone(el);
      await expect(el).to.be.accessible();
    });

    it('defaults the button labels', async () => {
      await setUp(html`<chat-confirm-dialog open heading="Sure?">Really?</chat-confirm-dialog>`);
      await el.updateComplete;
      expect(textOf(el, 'confirm')).to.equal('Confirm');
      expect(textOf(el, 'cancel')).to.equal('Cancel');
    });

    for (const [how, act, type] of [
      ['the confirm button', (d: ChatConfirmDialog) => clickOn(part(d, 'confirm')), 'chat-confirm'],
      ['Cancel', (d: ChatConfirmDialog) => clickOn(part(d, 'cancel')), 'chat-cancel'],
      ['Escape', () => press('Escape'), 'chat-cancel'],
    ] as const) {
      it(`${how} closes it and fires ${type}`, async () => {
        await setUp(template());
        await el.updateComplete;
        const heard: Event[] = [];
        const record = (e: Event) => heard.push(e);
        document.addEventListener('chat-confirm', record);
        document.addEventListener('chat-cancel', record);
        try {
          await act(el);
          await el.updateComplete;
        } finally {
          document.removeEventListener('chat-confirm', record);
          document.removeEventListener('chat-cancel', record);
        }
        expect(heard.map((e) => e.type)).to.deep.equal([type]);
        expect(heard[0].bubbles && heard[0].composed).to.equal(true);
        expect(el.open).to.equal(false);
        expect(el.hasAttribute('open')).to.equal(false);
        expect(isOpen(el)).to.equal(false);
        expect(el.returnValue).to.equal(type === 'chat-confirm' ? 'confirm' : 'cancel');
      });
    }

    it('opens again when open is set again', async () => {
      await setUp(template());
      await el.updateComplete;
      await clickOn(part(el, 'cancel'));
      await el.updateComplete;
      opener.focus();
      el.open = true;
      await el.updateComplete;
      expect(isOpen(el)).to.equal(true);
      expectSame(focused(), part(el, 'cancel'), 'focused on reopen');
      await clickOn(part(el, 'confirm'));
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
      expectSame(focused(), opener, 'focus back on the opener');
    });

    it('slotted text containing HTML stays text', async () => {
      await setUp(html`<chat-confirm-dialog open heading=${'<b>x</b>'}>${'<img src=x onerror=alert(1)>'}</chat-confirm-dialog>`);
      await el.updateComplete;
      expect(textOf(el, 'heading')).to.equal('<b>x</b>');
      expect(el.textContent).to.equal('<img src=x onerror=alert(1)>');
      expect(nodeLabel(el.querySelector('img'))).to.equal('null');
      expect(nodeLabel(el.shadowRoot!.querySelector('b, img'))).to.equal('null');
    });
  });
});
