import { BlockedCustomerElement, type BlockedView } from '../../internal/blocked-customer-element.js';
import { lazyModule } from '../../internal/lazy.js';

// What a shown banner renders, and its styles: loaded when a customer first shows blocked.
const view = lazyModule<BlockedView>(() => import('./banner-view.js'));

/**
 * @tag chat-block-banner
 * @summary Takes the composer's place while a customer is blocked: "You blocked Priya Sharma. Unblock to send messages."
 *
 * Shown only while the customer is blocked, with an Unblock button that runs the normal
 * flow: it asks in the page's `<chat-confirm-dialog>` (or one the banner renders for
 * itself on first use; `confirm-unblock="false"` skips it), then fires
 * `chat-unblock-request`. While the request runs the button is busy; a failure shows in
 * the banner (`role="alert"`) and Unblock tries again. Once the unblock is accepted the
 * banner hides, and if focus was in it, focus moves to the next focusable element after
 * it: put the banner right before the composer and the agent can type at once.
 *
 * The banner says who blocked when the host said so (`by` in the store), "You blocked …"
 * after a block made from this page, else "… is blocked". It exposes `:state(blocked)`,
 * so the host hides its composer with CSS alone:
 *
 * ```css
 * chat-block-banner:state(blocked) + .composer { display: none; }
 * ```
 *
 * @slot - More of the host's own content after the message (a link to the customer's record, say).
 *
 * @event {ChatBlockRequestEvent} chat-unblock-request - The agent confirmed Unblock; same contract as on `<chat-header-menu>`.
 * @event {ChatBlockChangeEvent} chat-block-change - The backend accepted the unblock.
 * @event {ChatBlockErrorEvent} chat-block-error - The backend refused (the customer stays blocked) or the outcome is unconfirmed (`detail.outcome`).
 *
 * While a block or unblock of the customer is unconfirmed (no answer said what the server
 * did), the banner says so ("Unblocking Priya Sharma isn't confirmed yet.") with **Check**
 * or **Retry**, and has `:state(unconfirmed)` instead of `:state(blocked)`: a composer hidden
 * by `:state(blocked)` shows again, since nobody knows the customer is blocked.
 *
 * @cssstate blocked - The customer is blocked: the banner shows (hide the composer with it).
 * @cssstate unblocking - An unblock request is running.
 * @cssstate error - The last unblock failed; the error shows.
 * @cssstate unconfirmed - A change of the customer is not confirmed: the banner shows, without `blocked`.
 *
 * @csspart banner - The banner's box.
 * @csspart message - "You blocked Priya Sharma. Unblock to send messages."
 * @csspart unblock - The Unblock button.
 * @csspart error - Why the last unblock failed (`role="alert"`).
 * @csspart check - Check, for an unconfirmed change (a backend with `status()` is connected).
 * @csspart retry - Retry, for an unconfirmed change that can't be read back.
 * @csspart load-failed - Shown instead of the banner when what it shows could not be loaded (`role="status"`).
 * @csspart dialog - The banner's own dialog (rendered on first use when the page has no `<chat-confirm-dialog>`): its native `<dialog>`.
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
 * @cssprop --chat-radius - Corner radius of the banner (the button follows it).
 * @cssprop --chat-accent - Background of the Unblock button.
 * @cssprop --chat-banner-color - Text color of the banner.
 * @cssprop --chat-banner-background - Background of the banner.
 * @cssprop --chat-danger - Color of the error text.
 */
export class ChatBlockBanner extends BlockedCustomerElement {
  static override readonly tagName = 'chat-block-banner';
  protected override get view() {
    return view;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-block-banner': ChatBlockBanner;
  }
}
