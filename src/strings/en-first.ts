import type { ChatStrings } from './en.js';

/**
 * The English words a page of conversation rows shows before anything is opened: the pill,
 * the menu's trigger, its popup and items. The registry starts from these (see registry.ts);
 * the rest come with the dialog (en-later.ts). A new word the pill or the menu shows goes here.
 */
export const enFirst = {
  $code: 'en',
  $dir: 'ltr',
  menuLabel: 'More options',
  triggerLabel: 'More actions for {name}',
  block: 'Block',
  unblock: 'Unblock',
  blockPending: 'Blocking…',
  unblockPending: 'Unblocking…',
  blockNotAllowed: 'You are not allowed to block customers',
  missingCustomer: 'No customer selected',
  loadFailed: "Couldn't load. Reload the page to try again",
  statusBlockedUntil: 'Blocked · ends {time}',
  statusBlocked: 'Blocked',
  statusBlocking: 'Blocking…',
  statusUnblocking: 'Unblocking…',
  statusUnblocked: 'Unblocked',
  statusBlockFailed: "Couldn't block",
  statusUnblockFailed: "Couldn't unblock",
  retry: 'Retry',
  statusBlockUnconfirmed: 'Block not confirmed',
  statusUnblockUnconfirmed: 'Unblock not confirmed',
  statusChecking: 'Checking…',
  check: 'Check',
  retryBlock: 'Retry block',
  retryUnblock: 'Retry unblock',
  unconfirmedHint: "The server didn't confirm it",
  thisCustomer: 'this customer',
} satisfies Partial<ChatStrings>;

export type FirstWords = keyof typeof enFirst;
