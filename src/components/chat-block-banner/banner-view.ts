import { html, nothing } from 'lit';
import type { CustomerBlockState } from '../../state/block-store.js';
import { displayName, isolate } from '../../state/customer-id.js';
import { format } from '../../strings/registry.js';
import type { BlockedCustomerElement } from '../../internal/blocked-customer-element.js';
import type { ChatStrings } from '../../strings/en.js';
import { styles } from './chat-block-banner.styles.js';
import { preloadDialogView } from '../chat-confirm-dialog/dialog-view-module.js';
import { unconfirmedButton } from '../../internal/unconfirmed-button.js';

export { styles };

/** What a `<chat-block-banner>` shows while its customer is blocked, or while a change of it is unconfirmed. */
export function render(
  el: BlockedCustomerElement,
  state: CustomerBlockState,
  t: ChatStrings,
  onUnblock: () => void,
  onResolve: () => void,
) {
  const name = isolate(displayName(el.customerName, state.id));
  if (state.unconfirmed) {
    const text = format(state.unconfirmed.action === 'block' ? t.bannerBlockUnconfirmed : t.bannerUnblockUnconfirmed, { name });
    return html`<div part="banner unconfirmed"><p part="message">${text}<slot></slot></p>${unconfirmedButton(el, state, t, onResolve)}</div>`;
  }
  const message = state.by
    ? format(t.bannerBlockedBy, { by: isolate(state.by), name })
    : format(state.accepted?.action === 'block' ? t.bannerBlockedByYou : t.bannerBlocked, { name });
  const busy = state.pending === 'unblock';
  const failed = !busy && state.error?.action === 'unblock' ? state.error.error.message : '';
  return html`<div part="banner"><p part="message">${message}<slot></slot></p><button part="unblock" type="button" aria-disabled=${
    busy ? 'true' : 'false'
  } aria-busy=${busy ? 'true' : 'false'} @click=${onUnblock}>${busy ? t.unblockPending : t.unblock}</button>${
    failed ? html`<p part="error" role="alert">${format(t.unblockError, { error: failed })}</p>` : nothing
  }</div>`;
}

// The own dialog this module may render next: have its view here by then.
preloadDialogView();
