import { LIFECYCLE, type BlockStore, type CustomerBlockState } from '../state/block-store.js';
import { requestBlockChange } from '../state/request-block-change.js';
import type { ChatStrings } from '../strings/en.js';

/**
 * What every view offers for a change nobody has confirmed (`state.unconfirmed`): **Check**
 * reads the truth back when a backend with `status()` is connected; **Retry** otherwise sends
 * the same request again, with the same `Idempotency-Key`.
 */
export type UnconfirmedOffer = 'check' | 'retry';

export function unconfirmedOffer(store: BlockStore): UnconfirmedOffer {
  return store[LIFECYCLE].canRead?.() ? 'check' : 'retry';
}

/** "Block not confirmed" / "Unblock not confirmed". */
export function unconfirmedLabel(state: CustomerBlockState, t: ChatStrings): string {
  return state.unconfirmed?.action === 'unblock' ? t.statusUnblockUnconfirmed : t.statusBlockUnconfirmed;
}

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
