import { html, nothing } from 'lit';
import type { ChatStrings } from '../../strings/en.js';
import type { ConfirmOptions } from './chat-confirm-dialog.js';
import type { Picks } from './confirm-choices.js';
import { renderChoices } from './choices-view.js';
import { styles } from './chat-confirm-dialog.styles.js';

export { styles };

/** What the dialog shows now, and its handlers (Lit calls them on the element). */
export interface DialogContent {
  heading: string;
  options: ConfirmOptions | null;
  cancelLabel: string;
  confirmLabel: string;
  busy: boolean;
  error: string;
  picks: Picks;
  changed: () => void;
  onCancelEvent: (event: Event) => void;
  onClose: () => void;
  onKeydown: (event: KeyboardEvent) => void;
  onCancel: () => void;
  onConfirm: () => void;
}

/** The native modal <dialog> of a `<chat-confirm-dialog>`. */
export function render(t: ChatStrings, c: DialogContent) {
  const o = c.options;
  const busy = c.busy;
  // Written without whitespace between tags: Lit keeps template text as is.
  return html`<dialog part="dialog" role="alertdialog" aria-modal="true" aria-labelledby="heading" aria-describedby="message" @cancel=${c.onCancelEvent} @close=${c.onClose} @keydown=${c.onKeydown}><h2 id="heading" part="heading">${
    c.heading
  }</h2><div id="message" part="message">${o?.message ?? html`<slot></slot>`}</div>${
    o?.reasons || o?.durations ? renderChoices(t, c.picks, o.reasons, o.durations, c.changed) : nothing
  }${
    c.error ? html`<p part="error" role="alert">${c.error}</p>` : nothing
  }<div part="actions"><button part="cancel" type="button" autofocus @click=${c.onCancel}>${
    o?.cancelLabel || c.cancelLabel || t.cancel
  }</button><button part="confirm" type="button" aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'} @click=${c.onConfirm}>${
    busy ? t.confirmBusy : o?.confirmLabel || c.confirmLabel || t.confirm
  }</button></div></dialog>`;
}
