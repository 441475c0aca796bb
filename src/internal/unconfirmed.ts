import type { BlockStore, CustomerBlockState } from '../state/block-store.js';
import { requestBlockChange } from '../state/request-block-change.js';
import { unconfirmedOffer, type UnconfirmedOffer } from './unconfirmed-offer.js';

// What a view shows for an unconfirmed change is its own module (a pill imports only that);
// what its button does, here, brings the request lifecycle.
export * from './unconfirmed-offer.js';

/**
 * Checks or retries (`offer`; by default what `unconfirmedOffer` says) the customer's
 * unconfirmed change from `target`, whose request events a Retry fires. The outcome lands in
 * the store; nothing is thrown.
 */
export async function resolveUnconfirmed(
  target: EventTarget,
  store: BlockStore,
  state: CustomerBlockState,
  offer: UnconfirmedOffer = unconfirmedOffer(store),
): Promise<void> {
  const change = state.unconfirmed;
  if (!change || state.pending) return;
  if (offer === 'check') {
    if (state.checking) return;
    await store.refresh(state.id).catch(() => {});
    return;
  }
  // A timed block whose end has passed meanwhile is sent without it (it would be refused).
  const until = change.until && Date.parse(change.until) > Date.now() ? change.until : null;
  await requestBlockChange(target, store, change.customer, change.action, {
    reason: change.reason,
    until,
    idempotencyKey: until === change.until ? (change.idempotencyKey ?? undefined) : undefined,
  }).catch(() => {});
}
