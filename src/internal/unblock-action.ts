import type { ReactiveElement } from 'lit';
import { pageDialog, runBlockFlow } from './block-flow.js';
import { deepActiveElement, FOCUSABLE } from './focus.js';
import type { CustomerRef } from '../events.js';
import type { BlockStore, CustomerBlockState } from '../state/block-store.js';
import type { ChatStrings } from '../strings/en.js';
import type { ChatConfirmDialog } from '../components/chat-confirm-dialog/chat-confirm-dialog.js';

/**
 * What `<chat-block-notice>` and `<chat-block-banner>` share: their Unblock (the
 * normal flow, through the page's dialog or their own) and their custom states.
 */

/**
 * The custom states of a shown notice or banner: `blocked`, plus `unblocking` or `error`; or
 * `unconfirmed` alone while nobody knows whether the last change was made.
 */
export function stateNames(state: CustomerBlockState): string[] {
  if (state.unconfirmed) return ['unconfirmed'];
  const names = ['blocked'];
  if (state.pending === 'unblock') names.push('unblocking');
  else if (state.error?.action === 'unblock') names.push('error');
  return names;
}

export interface Unblock {
  /** The element that starts it: fires the request events, and hides once it is accepted. */
  el: ReactiveElement;
  store: BlockStore;
  customer: CustomerRef;
  text: ChatStrings;
  /** False for `confirm-unblock="false"`: unblock without asking. */
  confirm: boolean;
  /** The element's own dialog, rendered on first use (when the page has none). */
  ownDialog(): Promise<ChatConfirmDialog>;
}

/**
 * Asks (in the page's dialog, else the element's own), then unblocks through the
 * store's lifecycle. Once accepted, the element hides: if focus was lost with it,
 * it moves on to the next focusable element after it (the composer, typically).
 */
export async function unblock(u: Unblock): Promise<void> {
  const dialog = u.confirm ? (pageDialog(u.el) ?? (await u.ownDialog())) : null;
  const outcome = await runBlockFlow({ target: u.el, store: u.store, customer: u.customer, action: 'unblock', text: u.text, dialog });
  if (outcome !== 'applied') return;
  await keepFocus(u.el);
}

/**
 * After `el` may have hidden (an accepted unblock, a check that found the customer active):
 * if focus was lost with it, it moves on to the next focusable element after it.
 */
export async function keepFocus(el: ReactiveElement): Promise<void> {
  await el.updateComplete;
  // One frame for the host to re-render what the unblock enables (a framework's composer).
  await new Promise((resolve) => requestAnimationFrame(resolve));
  // Lost: on <body>, or still on something of ours that is gone or hidden (its dialog's button included).
  const active = deepActiveElement();
  if (!active || active === document.body || (within(active, el) && !(active.checkVisibility?.() ?? active.isConnected))) {
    // Still shown (a check found the customer blocked): its own next button, else what follows it.
    const inside = el.checkVisibility?.() ? el.shadowRoot?.querySelector<HTMLElement>('button') : null;
    if (inside) inside.focus();
    else focusAfter(el);
  }
}

/** Whether `node` is `el` or inside it, across shadow roots. */
function within(node: Node, el: Element): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === el) return true;
  return false;
}


/** Focuses the first visible, focusable element after `el` in its tree (not inside it). */
function focusAfter(el: Element): void {
  const root = el.getRootNode() as Document | ShadowRoot;
  for (const candidate of root.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (!(el.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING) || el.contains(candidate)) continue;
    if (candidate.closest('[inert]') || (candidate.checkVisibility && !candidate.checkVisibility())) continue;
    candidate.focus();
    if (deepActiveElement() === candidate) return;
  }
}
