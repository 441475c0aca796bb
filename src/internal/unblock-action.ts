import { html, type ReactiveElement } from 'lit';
import { pageDialog, runBlockFlow } from './block-flow.js';
import { deepActiveElement } from './focus.js';
import type { CustomerRef } from '../events.js';
import type { BlockStore, CustomerBlockState } from '../state/block-store.js';
import type { ChatStrings } from '../strings/en.js';
import type { ChatConfirmDialog } from '../components/chat-confirm-dialog/chat-confirm-dialog.js';

/**
 * What `<chat-block-notice>` and `<chat-block-banner>` share: their Unblock (the
 * normal flow, through the page's dialog or their own), and how they write a time
 * and a reason.
 */

/** Boolean attributes that default to true: only the value "false" turns them off. */
export const defaultTrue = { fromAttribute: (value: string | null) => value !== 'false', toAttribute: String };

/** The element's own dialog, rendered on first use, its parts exported under `dialog-…` names for `::part()`. */
export const ownDialog = html`<chat-confirm-dialog exportparts="dialog:dialog, heading:dialog-heading, message:dialog-message, error:dialog-error, actions:dialog-actions, cancel:dialog-cancel, confirm:dialog-confirm"></chat-confirm-dialog>`;

/** The reason values the dialog's presets send, and the strings that name them. */
const PRESET_REASONS = new Map<string, 'reasonSpam' | 'reasonAbusive' | 'reasonOther'>([
  ['spam', 'reasonSpam'],
  ['abusive', 'reasonAbusive'],
  ['other', 'reasonOther'],
]);

/** A reason as the agent reads it: a preset's label in the element's language, else the text as given. */
export function reasonText(reason: string, t: ChatStrings): string {
  const key = PRESET_REASONS.get(reason);
  return key ? t[key] : reason;
}

/** A time in `lang`: the time alone if it is today (in the page's time zone), else the date and the time. */
export function formatWhen(iso: string, lang: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const today = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(lang, today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The custom states of a blocked customer's notice or banner: `blocked`, plus `unblocking` or `error`. */
export function stateNames(state: CustomerBlockState): string[] {
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
  await u.el.updateComplete;
  // One frame for the host to re-render what the unblock enables (a framework's composer).
  await new Promise((resolve) => requestAnimationFrame(resolve));
  // Lost: on <body>, or still on something of ours that is gone or hidden (its dialog's button included).
  const active = deepActiveElement();
  if (!active || active === document.body || (within(active, u.el) && !(active.checkVisibility?.() ?? active.isConnected))) {
    focusAfter(u.el);
  }
}

/** Whether `node` is `el` or inside it, across shadow roots. */
function within(node: Node, el: Element): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === el) return true;
  return false;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

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
