import type { CustomerBlockState, BlockStore } from '../../state/block-store.js';
import { requestBlockChange } from '../../state/request-block-change.js';
import { resolveUnconfirmed } from '../../internal/unconfirmed.js';

/**
 * What the pill's Retry and Check buttons do, loaded with `import()` when a pill first shows
 * a failure or an unconfirmed change: a list of active or blocked pills never loads the
 * request lifecycle. The outcome lands in the store (and a `chat-block-error` event).
 */
export function retryFromPill(pill: EventTarget, store: BlockStore, state: CustomerBlockState): void {
  if (state.unconfirmed) return void resolveUnconfirmed(pill, store, state);
  const failed = state.error;
  if (!failed) return;
  const again = { reason: failed.reason, until: failed.until && Date.parse(failed.until) > Date.now() ? failed.until : null };
  requestBlockChange(pill, store, failed.customer, failed.action, again).catch(() => {});
}
