import type { BlockAction, CustomerRef } from '../events.js';
import type { BlockStore } from '../state/block-store.js';
import { requestBlockChange, type RequestOutcome } from '../state/request-block-change.js';
import { isolate } from '../state/customer-id.js';
import { format } from '../strings/registry.js';
import type { ChatStrings } from '../strings/en.js';
import type { ChatConfirmDialog, ConfirmOptions } from '../components/chat-confirm-dialog/chat-confirm-dialog.js';

/** What starts a block or unblock from the UI: a menu, a banner, a notice, a list row. */
export interface BlockFlow {
  /** Fires the request events (and hears the outcome while it is in the page). */
  target: EventTarget;
  store: BlockStore;
  customer: CustomerRef;
  action: BlockAction;
  /** The words of the element that starts it. */
  text: ChatStrings;
  /** Where to ask; null goes ahead without asking (e.g. `confirm-unblock="false"`). */
  dialog: ChatConfirmDialog | null;
  /** Extra questions for a block: reason and duration (see ConfirmOptions). */
  extras?: Pick<ConfirmOptions, 'reasons' | 'durations'>;
}

/**
 * The one way the elements change a customer: ask in the dialog (unless told not
 * to), then run the request through the store's lifecycle. Resolves the request's
 * outcome, or `false` when the agent cancelled the dialog. Failures land in the store
 * (the pills show them) and fire `chat-block-error`; without a dialog they are not thrown.
 */
export async function runBlockFlow(flow: BlockFlow): Promise<RequestOutcome | false> {
  const { target, store, customer, action, text: t, dialog } = flow;
  let outcome: RequestOutcome | false = false;
  const run = async (signal?: AbortSignal, answer?: { reason: string | null; until: string | null }) =>
    (outcome = await requestBlockChange(target, store, customer, action, { signal, ...answer }));
  if (!dialog) return run().catch(() => false);
  const values = { name: isolate(customer.name) };
  const block = action === 'block';
  const confirmed = await dialog.confirm({
    heading: format(block ? t.blockHeading : t.unblockHeading, values),
    message: format(block ? t.blockMessage : t.unblockMessage, values),
    confirmLabel: block ? t.block : t.unblock,
    tone: block ? 'danger' : 'neutral',
    ...(block ? flow.extras : {}),
    action: run,
  });
  return confirmed ? outcome : false;
}

/** The page's own `<chat-confirm-dialog>` (in the element's tree), if the host put one there. */
export function pageDialog(el: Element): ChatConfirmDialog | null {
  const root = el.getRootNode() as ParentNode;
  const found = root.querySelector?.('chat-confirm-dialog') ?? null;
  return found && typeof (found as ChatConfirmDialog).confirm === 'function' ? (found as ChatConfirmDialog) : null;
}
