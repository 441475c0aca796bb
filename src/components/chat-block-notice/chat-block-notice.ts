import { BlockedCustomerElement, type BlockedView } from '../../internal/blocked-customer-element.js';
import { lazyModule } from '../../internal/lazy.js';

// What a shown notice renders, and its styles: loaded when a customer first shows blocked.
const view = lazyModule<BlockedView>(() => import('./notice-view.js'));

/**
 * @tag chat-block-notice
 * @summary The audit line in a conversation: who blocked this customer, when, why, with Unblock.
 *
 * "You blocked this customer · 14:02 · Spam · Unblock". Shown only while the customer
 * is blocked (in a list of messages it costs nothing otherwise: no content, no state).
 * Who, when, why and until when come from the store (`by`, `at`, `reason`, `until`):
 * "{by} blocked this customer" when the host said who, "You blocked this customer"
 * after a block made from this page, else "This customer is blocked". Times are
 * formatted with `Intl.DateTimeFormat` in the element's language: the time alone if it
 * is today, else the date and the time. A preset reason (`spam`, `abusive`, `other`) is
 * shown in the element's words, any other reason as the text itself.
 *
 * Unblock runs the normal flow: it asks in the page's `<chat-confirm-dialog>` (or one the
 * notice renders for itself on first use; `confirm-unblock="false"` skips it), then fires
 * `chat-unblock-request`. While the request runs the button is busy; a failure shows
 * below the line (`role="alert"`) and Unblock tries again. Once the unblock is accepted
 * the notice hides, and if focus was in it, focus moves to the next focusable element
 * after it (the composer, typically).
 *
 * @event {ChatBlockRequestEvent} chat-unblock-request - The agent confirmed Unblock; same contract as on `<chat-header-menu>`.
 * @event {ChatBlockChangeEvent} chat-block-change - The backend accepted the unblock.
 * @event {ChatBlockErrorEvent} chat-block-error - The backend refused (the customer stays blocked) or the outcome is unconfirmed (`detail.outcome`).
 *
 * While a block or unblock of the customer is unconfirmed (no answer said what the server
 * did), the notice says so ("Unblocking this customer isn't confirmed") with **Check**
 * (reads the state back, when the backend has `status()`) or **Retry** (the same request).
 *
 * @cssstate blocked - The customer is blocked: the notice shows.
 * @cssstate unconfirmed - A change of the customer is not confirmed: the notice shows, without `blocked`.
 * @cssstate unblocking - An unblock request is running.
 * @cssstate error - The last unblock failed; the error shows.
 *
 * @csspart notice - The line itself (`role="note"`).
 * @csspart text - Who blocked: "You blocked this customer".
 * @csspart time - When (a `<time>` element).
 * @csspart reason - Why.
 * @csspart until - When a timed block ends.
 * @csspart separator - Each " · " between the pieces.
 * @csspart unblock - The Unblock button, styled as a link.
 * @csspart error - Why the last unblock failed (`role="alert"`).
 * @csspart check - Check, for an unconfirmed change (a backend with `status()` is connected).
 * @csspart retry - Retry, for an unconfirmed change that can't be read back.
 * @csspart load-failed - Shown instead of the line when what it shows could not be loaded (`role="status"`).
 * @csspart dialog - The notice's own dialog (rendered on first use when the page has no `<chat-confirm-dialog>`): its native `<dialog>`.
 * @csspart dialog-heading - Its heading.
 * @csspart dialog-message - Its message.
 * @csspart dialog-error - Why the unblock failed, in the dialog.
 * @csspart dialog-actions - Its row of buttons.
 * @csspart dialog-cancel - Its Cancel button.
 * @csspart dialog-confirm - Its Unblock button.
 *
 * @cssprop --chat-font-family - Font family of every element.
 * @cssprop --chat-color-scheme - Unset by default: the page's own `color-scheme` (inherited). Set `light`, `dark`, or `light dark` (follow the OS) to override.
 * @cssprop --chat-focus-ring - Focus outline color.
 * @cssprop --chat-radius - Corner radius of the line's background.
 * @cssprop --chat-notice-color - Text color of the line.
 * @cssprop --chat-notice-background - Background of the line.
 * @cssprop --chat-danger - Color of the error text.
 */
export class ChatBlockNotice extends BlockedCustomerElement {
  static override readonly tagName = 'chat-block-notice';
  protected override get view() {
    return view;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-block-notice': ChatBlockNotice;
  }
}
