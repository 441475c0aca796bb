import { css, isServer, nothing, type PropertyValues } from 'lit';
import { ChatElement } from '../../internal/base-element.js';
import { deepActiveElement, FOCUSABLE } from '../../internal/focus.js';
import { isTab } from '../../internal/keys.js';
import { ChatDialogEvent } from '../../events.js';
import { addStyles } from '../../internal/add-styles.js';
import { dialogView } from './dialog-view-module.js';
import { renderWhenLoaded, reportViewFailure } from '../../internal/lazy.js';
import { addEnglish } from '../../strings/registry.js';
import { enLater } from '../../strings/en-later.js';
import {
  answerOf,
  noPicks,
  type ConfirmAnswer,
  type DurationsQuestion,
  type Picks,
  type ReasonsQuestion,
} from './confirm-choices.js';

// The dialog's words, and those of every element that shows one (the menu's popup, notice,
// banner, list): all of them import this class, and a page of rows loads none of it.
addEnglish(enLater);

interface Asking {
  resolve(confirmed: boolean): void;
  running: AbortController | null;
}

export interface ConfirmOptions {
  heading: string;
  /** Plain text; rendered as text, never as HTML. Defaults to the slotted message. */
  message?: string;
  confirmLabel?: string;
  cancelLabel?: string;
  tone?: 'danger' | 'neutral';
  /** Asks why, as a radio group (optional unless `required`). */
  reasons?: ReasonsQuestion;
  /** Asks for how long, as a select. */
  durations?: DurationsQuestion;
  /**
   * Runs when the agent confirms, with their answers; the dialog stays open and busy
   * until it settles. A rejection is shown inside the dialog so the agent can retry
   * or cancel. The signal aborts when the agent cancels.
   */
  action?: (signal: AbortSignal, answer: ConfirmAnswer) => Promise<unknown>;
}

/**
 * @tag chat-confirm-dialog
 * @summary Asks the agent to confirm before a customer is blocked or unblocked.
 *
 * A native modal `<dialog>` with `role="alertdialog"`. Focus starts on Cancel (the
 * least destructive answer) and returns to whatever had it before. Use it
 * imperatively with `confirm(options)`, or declaratively with `open` and the
 * message in the default slot. Put one in the page to replace the dialog every
 * `<chat-header-menu>` would otherwise render for itself. What it shows (the native
 * dialog, the questions, the styles) loads with `import()` when it connects or is asked;
 * `confirm()` opens it once that is here, and `updateComplete` includes the load.
 *
 * @slot - The message, when `confirm()` is not given one.
 *
 * @event {ChatDialogEvent} chat-confirm - The agent confirmed (after `action` fulfilled).
 * @event {ChatDialogEvent} chat-cancel - The agent cancelled, pressed Escape, or the dialog was closed.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart heading - The heading.
 * @csspart message - The message.
 * @csspart error - Why the last `action` failed (`role="alert"`).
 * @csspart actions - The row of buttons.
 * @csspart cancel - The Cancel button.
 * @csspart confirm - The confirm button.
 * @csspart reasons - The reason question (`role="radiogroup"`), when `confirm()` is given `reasons`.
 * @csspart reasons-legend - Its legend.
 * @csspart optional - "(optional)" in the legend.
 * @csspart reason - One reason's label and radio.
 * @csspart reason-text-label - The label of the free-text field ("Other").
 * @csspart reason-text - The free-text field.
 * @csspart reason-missing - "Choose a reason to block." (`role="alert"`).
 * @csspart duration-label - The label of the duration select, when given `durations`.
 * @csspart duration - The duration select.
 *
 * @cssprop --chat-font-family - Font family of every element.
 * @cssprop --chat-color-scheme - Unset by default: the page's own `color-scheme` (inherited). Set `light`, `dark`, or `light dark` (follow the OS) to override.
 * @cssprop --chat-text - Text color of the popup and the dialog.
 * @cssprop --chat-muted - Color of secondary text (the dialog's message).
 * @cssprop --chat-surface - Background of the popup and the dialog.
 * @cssprop --chat-border - Borders and separators.
 * @cssprop --chat-radius - Corner radius of the popup and the dialog (items and buttons follow it).
 * @cssprop --chat-shadow - Shadow of the popup and the dialog.
 * @cssprop --chat-focus-ring - Focus outline color.
 * @cssprop --chat-accent - Background of a neutral confirm button.
 * @cssprop --chat-danger - Color of destructive text (Block item, dialog error).
 * @cssprop --chat-danger-strong - Background of a destructive confirm button.
 * @cssprop --chat-dialog-width - Width of the dialog (capped by the viewport).
 * @cssprop --chat-dialog-backdrop - Backdrop behind the modal dialog.
 */
export class ChatConfirmDialog extends ChatElement {
  static override readonly tagName = 'chat-confirm-dialog';
  static override styles = css`
    :host {
      display: contents;
    }
  `;
  static override properties = {
    open: { type: Boolean, reflect: true },
    heading: {},
    confirmLabel: { attribute: 'confirm-label' },
    cancelLabel: { attribute: 'cancel-label' },
    tone: { reflect: true },
    _options: { state: true },
    _busy: { state: true },
    _error: { state: true },
  };

  /** Shows the dialog (modal) while set. */
  declare open: boolean;
  /** The heading, when `confirm()` is not given one. */
  declare heading: string;
  /** The confirm button's label. */
  declare confirmLabel: string;
  /** The cancel button's label. */
  declare cancelLabel: string;
  /** `danger` paints the confirm button as destructive. */
  declare tone: 'danger' | 'neutral';
  declare private _options: ConfirmOptions | null;
  declare private _busy: boolean;
  declare private _error: string;

  // The confirm() call being answered, and its action while it runs.
  #asking: Asking | null = null;
  #opener: HTMLElement | null = null;
  #returnValue = '';
  #picks: Picks = noPicks();
  #answer: ConfirmAnswer | null = null;

  constructor() {
    super();
    this.open = false;
    this.heading = '';
    this.confirmLabel = '';
    this.cancelLabel = '';
    this.tone = 'neutral';
    this._options = null;
    this._busy = false;
    this._error = '';
  }

  /** `'confirm'` or `'cancel'`: how the dialog was last answered. */
  get returnValue(): string {
    return this.#returnValue;
  }

  /** The reason and end the agent chose when they last confirmed (null before). */
  get answer(): ConfirmAnswer | null {
    return this.#answer;
  }

  /** True while the confirm `action` runs. */
  get busy(): boolean {
    return this._busy;
  }

  /**
   * Opens the dialog and resolves `true` when the agent confirms (and `action`
   * fulfilled), `false` when they cancel, or when its view could not be loaded (then
   * reported with `console.error`). A call while open cancels the previous one.
   */
  confirm(options: ConfirmOptions): Promise<boolean> {
    if (!options || typeof options.heading !== 'string') {
      return Promise.reject(new TypeError('chat-confirm-dialog: confirm() needs at least { heading }.'));
    }
    this.#settle(false);
    this._options = options;
    this.#picks = noPicks();
    this.tone = options.tone ?? 'neutral';
    this._error = '';
    const answered = new Promise<boolean>((resolve) => (this.#asking = { resolve, running: null }));
    const asking = this.#asking;
    // Opens once its view is here (at once after the first time), so `open` means shown.
    const show = () => {
      if (this.#asking === asking) this.open = true;
    };
    if (dialogView.now || isServer) show();
    else {
      dialogView.load().then(show, (error) => {
        reportViewFailure(this, error);
        this.#settle(false);
      });
    }
    return answered;
  }

  /** Closes the dialog as if the agent cancelled. */
  cancel(): void {
    this.#close('cancel');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A dialog in the page is about to be asked: have its view ready by then (and show it
    // at once if `open` was set declaratively).
    if (!isServer && !dialogView.now) void this.#loadView();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moved or removed (a list re-sorted): close cleanly, so a re-inserted dialog is never a
    // non-modal leftover. A running action is not cancelled (only Cancel does that): it
    // finishes in the store, and confirm() answers once it settles.
    const asking = this.#asking;
    this.#asking = null;
    if (!asking?.running) asking?.resolve(false);
    this._busy = false;
    this._error = '';
    this.open = false;
    this.#dialog?.close();
    this.#opener = null;
    this._options = null;
  }

  protected override render() {
    // Its view loads when it connects (see connectedCallback); on the server nothing loads.
    const view = dialogView.now;
    if (!view) return nothing;
    addStyles(this.renderRoot as ShadowRoot, view.styles);
    return view.render(this.text, {
      heading: this._options ? this._options.heading : this.heading,
      options: this._options,
      cancelLabel: this.cancelLabel,
      confirmLabel: this.confirmLabel,
      busy: this._busy,
      error: this._error,
      picks: this.#picks,
      changed: () => this.requestUpdate(),
      onCancelEvent: this.#onCancelEvent,
      onClose: this.#onClose,
      onKeydown: this.#onKeydown,
      onCancel: this.cancel,
      onConfirm: this.#onConfirm,
    });
  }

  #loadView(): Promise<void> {
    // As a change of `open`: updated() then shows the dialog rendered at last.
    return renderWhenLoaded(dialogView, this, () => this.requestUpdate('open', false));
  }

  /** An open (or asked) dialog's updateComplete includes loading its view and showing it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    if ((this.open || this.#asking) && !dialogView.now && !isServer) await this.#loadView();
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The host closed it (open = false): that answers a pending confirm() with false.
    if (changed.has('open') && !this.open && this.#dialog?.open) this.#close('cancel');
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Before its view has loaded there is no <dialog> yet; the load asks again (see #loadView).
    const dialog = this.#dialog;
    if (!changed.has('open') || !dialog) return;
    if (this.open && !dialog.open) {
      this.#opener = deepActiveElement();
      this.#returnValue = '';
      dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>('[part~="cancel"]')?.focus();
    }
  }

  /** The native <dialog>; null before the first render. */
  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  async #onConfirm(): Promise<void> {
    const asking = this.#asking;
    if (this._busy || asking?.running) return;
    const options = this._options;
    const answer = answerOf(this.#picks, options?.reasons, options?.durations);
    if (!answer) {
      // A required reason is missing: say so, and take the agent to the question.
      this.#picks.missing = true;
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[part~="reason"] input')?.focus();
      return;
    }
    this.#answer = answer;
    const action = options?.action;
    if (!action || !asking) return this.#close('confirm');
    const controller = (asking.running = new AbortController());
    this._busy = true;
    this._error = '';
    try {
      await action(controller.signal, answer);
      // Still on screen: close as confirmed. Removed meanwhile: just answer.
      if (this.#asking === asking) this.#close('confirm');
      else asking.resolve(true);
    } catch (error) {
      if (this.#asking !== asking) return asking.resolve(false);
      if (controller.signal.aborted) return;
      this._error = error instanceof Error ? error.message : String(error);
    } finally {
      if (this.#asking === asking) {
        asking.running = null;
        this._busy = false;
      }
    }
  }

  /** Keeps Tab inside the dialog in every engine (Firefox lets it leave a modal dialog in a shadow root). */
  #onKeydown(event: KeyboardEvent): void {
    if (!isTab(event)) return;
    const slotted = this.renderRoot
      .querySelector('slot')
      ?.assignedElements({ flatten: true })
      .flatMap((el) => [el, ...el.querySelectorAll(FOCUSABLE)].filter((n) => n.matches(FOCUSABLE)));
    // The reason radios take one Tab stop (the checked one, else the first).
    const radios = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const radio = radios.find((r) => r.checked) ?? radios[0];
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="actions"] button')];
    const first = (slotted?.[0] as HTMLElement | undefined) ?? radio ?? this.renderRoot.querySelector<HTMLElement>('select') ?? buttons[0];
    const last = buttons[buttons.length - 1];
    const active = deepActiveElement();
    const wrapTo = event.shiftKey ? (active === first ? last : null) : active === last ? first : null;
    if (!wrapTo) return;
    event.preventDefault();
    wrapTo.focus();
  }

  #onCancelEvent(event: Event): void {
    // Escape: close through our own path so the answer and focus are handled once. Not while
    // the confirmed action runs: a stray Escape must not abort what the agent confirmed
    // (the Cancel button still does).
    event.preventDefault();
    if (!this._busy) this.cancel();
  }

  #onClose(): void {
    // Closed by something else (e.g. `dialog.close()` from outside): treat as cancel.
    // The event arrives a task late, so a dialog reopened meanwhile is still open: leave it.
    if (this.open && !this.#dialog?.open) this.#close('cancel');
  }

  #close(value: 'confirm' | 'cancel'): void {
    const asking = this.#asking;
    if (!this.open && !asking && !this.#dialog?.open) return;
    this.#returnValue = value;
    if (value === 'cancel') asking?.running?.abort(new DOMException('The agent cancelled.', 'AbortError'));
    this.#asking = null;
    this._busy = false;
    this._error = '';
    this.open = false;
    const dialog = this.#dialog;
    if (dialog?.open) dialog.close(value);
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    asking?.resolve(value === 'confirm');
    if (!this.open) this._options = null;
    this.dispatchEvent(new ChatDialogEvent(value === 'confirm' ? 'chat-confirm' : 'chat-cancel'));
  }

  /** Answers a pending confirm() without closing (a new confirm() replaces it; its action runs on). */
  #settle(confirmed: boolean): void {
    const asking = this.#asking;
    this.#asking = null;
    asking?.resolve(confirmed);
    if (!this.open) this._options = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-confirm-dialog': ChatConfirmDialog;
  }
}
