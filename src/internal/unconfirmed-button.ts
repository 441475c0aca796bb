import { html } from 'lit';
import type { CustomerBlockState } from '../state/block-store.js';
import type { ChatStrings } from '../strings/en.js';
import type { BlockedCustomerElement } from './blocked-customer-element.js';
import { unconfirmedOffer } from './unconfirmed-offer.js';

/**
 * The notice's and banner's button for an unconfirmed change: Check (`::part(check)`) or
 * Retry (`::part(retry)`), busy while the state is read back or the retry runs.
 */
export function unconfirmedButton(el: BlockedCustomerElement, state: CustomerBlockState, t: ChatStrings, onResolve: () => void) {
  const offer = unconfirmedOffer(el.store);
  const busy = state.checking || !!state.pending;
  const label = state.checking ? t.statusChecking : state.pending ? (state.pending === 'block' ? t.blockPending : t.unblockPending) : offer === 'check' ? t.check : t.retry;
  return html`<button part=${offer} type="button" aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'} @click=${onResolve}>${label}</button>`;
}
