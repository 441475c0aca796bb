import { html, nothing } from 'lit';
import type { BlockAction, CustomerRef } from '../../events.js';
import type { ChatStrings } from '../../strings/en.js';
import { format } from '../../strings/registry.js';
import { isolate } from '../../state/customer-id.js';

/** The change that can be undone: the opposite request goes through the normal lifecycle. */
export interface UndoOffer {
  customer: CustomerRef;
  /** What was done (the undo sends the other one). */
  done: BlockAction;
}

/**
 * "Priya Sharma blocked · Undo" after an accepted change, for `undo-ms`. A polite live
 * region in the top layer; its timer pauses while it has focus or the pointer, and
 * Escape dismisses it. The element it lives in renders `template()` and calls `sync()`.
 */
export class UndoToast {
  offer: UndoOffer | null = null;
  // Shown first, filled a frame later: a live region that appears with its text is often not read.
  #text = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #ms = 0;
  #paused = false;

  constructor(
    private readonly changed: () => void,
    private readonly undo: (offer: UndoOffer) => void,
  ) {}

  show(offer: UndoOffer, ms: number): void {
    this.offer = offer;
    this.#text = '';
    this.#ms = ms;
    this.#restart();
    this.changed();
  }

  dismiss(): void {
    clearTimeout(this.#timer);
    this.offer = null;
    this.#text = '';
    this.changed();
  }

  template(t: ChatStrings) {
    const offer = this.offer;
    return html`<div part="undo" popover="manual" role="status" @keydown=${this.#onKeydown} @focusin=${this.#pause} @focusout=${this.#resume} @pointerenter=${this.#pause} @pointerleave=${this.#resume}>${
      offer && this.#text
        ? html`<span part="undo-text">${this.#text}</span><button part="undo-button" type="button" @click=${this.#onUndo}>${t.undo}</button><button part="undo-dismiss" type="button" aria-label=${t.dismiss} @click=${() => this.dismiss()}>×</button>`
        : nothing
    }</div>`;
  }

  /** Opens or closes the popover to match the offer; fills the text once it shows. */
  sync(toast: HTMLElement | null, t: ChatStrings): void {
    if (!toast) return;
    const open = toast.matches(':popover-open');
    if (this.offer && !open) {
      toast.showPopover();
      requestAnimationFrame(() => {
        if (!this.offer) return;
        const name = isolate(this.offer.customer.name);
        this.#text = format(this.offer.done === 'block' ? t.undoBlocked : t.undoUnblocked, { name });
        this.changed();
      });
    } else if (!this.offer && open) {
      toast.hidePopover();
    }
  }

  #restart(): void {
    clearTimeout(this.#timer);
    if (!this.#paused) this.#timer = setTimeout(() => this.dismiss(), this.#ms);
  }

  #pause = () => {
    this.#paused = true;
    clearTimeout(this.#timer);
  };

  #resume = (event: Event) => {
    // Still inside (focus moved between its buttons): stay paused.
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (next && (event.currentTarget as Node).contains(next)) return;
    this.#paused = false;
    if (this.offer) this.#restart();
  };

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.dismiss();
  };

  #onUndo = () => {
    const offer = this.offer;
    this.dismiss();
    if (offer) this.undo(offer);
  };
}
