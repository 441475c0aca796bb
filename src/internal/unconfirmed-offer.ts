import { LIFECYCLE, type BlockStore, type CustomerBlockState } from '../state/block-store.js';
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
