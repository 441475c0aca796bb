/**
 * Every word the elements show. `{name}` is replaced by the customer's name
 * as text (never parsed as HTML).
 */
export interface ChatStrings {
  /** BCP 47 code of the locale these strings belong to. */
  $code: string;
  /** Text direction of the locale. */
  $dir: 'ltr' | 'rtl';
  /** The popup's accessible name (`role="menu"`). */
  menuLabel: string;
  /** The trigger's default accessible name; `{name}` is the customer's name, else the id. */
  triggerLabel: string;
  block: string;
  unblock: string;
  blockPending: string;
  unblockPending: string;
  blockNotAllowed: string;
  missingCustomer: string;
  /** Why Block is disabled after a part of the library failed to load (the network, or a deploy that replaced the files). */
  loadFailed: string;
  blockHeading: string;
  unblockHeading: string;
  blockMessage: string;
  unblockMessage: string;
  cancel: string;
  confirm: string;
  confirmBusy: string;
  /** Legend of the reason question in the block dialog. */
  reasonLegend: string;
  reasonOptional: string;
  reasonSpam: string;
  reasonAbusive: string;
  reasonOther: string;
  reasonTextLabel: string;
  reasonMissing: string;
  durationLabel: string;
  durationForever: string;
  /** The pill of a timed block; `{time}` is relative ("in 23 hours"). */
  statusBlockedUntil: string;
  /** The undo toast after an accepted block. */
  undoBlocked: string;
  undoUnblocked: string;
  undo: string;
  dismiss: string;
  statusBlocked: string;
  statusBlocking: string;
  statusUnblocking: string;
  statusUnblocked: string;
  statusBlockFailed: string;
  statusUnblockFailed: string;
  retry: string;
  /** The pill when a block may have reached the server but no answer confirmed it. */
  statusBlockUnconfirmed: string;
  /** The pill when an unblock may have reached the server but no answer confirmed it. */
  statusUnblockUnconfirmed: string;
  /** While the store reads the customer's state back from the server. */
  statusChecking: string;
  /** The button that reads the state back (a backend with `status()` is connected). */
  check: string;
  /** The menu item that sends an unconfirmed block again (with the same Idempotency-Key). */
  retryBlock: string;
  /** The menu item that sends an unconfirmed unblock again. */
  retryUnblock: string;
  /** The second line of that item. */
  unconfirmedHint: string;
  /** `<chat-block-notice>` while a block is not confirmed. */
  noticeBlockUnconfirmed: string;
  /** `<chat-block-notice>` while an unblock is not confirmed. */
  noticeUnblockUnconfirmed: string;
  /** `<chat-block-banner>` while a block is not confirmed; `{name}` is the customer. */
  bannerBlockUnconfirmed: string;
  /** `<chat-block-banner>` while an unblock is not confirmed. */
  bannerUnblockUnconfirmed: string;
  /** A list row whose unblock is not confirmed. */
  blockedListUnconfirmed: string;
  /** The accessible name of a row's Check button; `{name}` is the customer. */
  blockedListCheckOne: string;
  /** `<chat-block-notice>` when the host said who blocked: `{by}` is that name. */
  noticeBlockedBy: string;
  /** `<chat-block-notice>` after a block made from this page, when the host did not say who. */
  noticeBlockedByYou: string;
  /** `<chat-block-notice>` when nobody said who blocked (e.g. seeded from the host's data). */
  noticeBlocked: string;
  /** A timed block's end in `<chat-block-notice>`; `{time}` is a time or a date and time. */
  noticeUntil: string;
  /** `<chat-block-banner>` when the host said who blocked; `{name}` is the customer, `{by}` who blocked. */
  bannerBlockedBy: string;
  /** `<chat-block-banner>` after a block made from this page. */
  bannerBlockedByYou: string;
  /** `<chat-block-banner>` when nobody said who blocked. */
  bannerBlocked: string;
  /** Why an unblock from the notice or the banner failed; `{error}` is the readable message. */
  unblockError: string;
  thisCustomer: string;
  /** `<chat-blocked-list>`: the grid's accessible name. */
  blockedListLabel: string;
  blockedListSearch: string;
  blockedListSelectAll: string;
  blockedListSelect: string;
  blockedListColumnCustomer: string;
  blockedListColumnDetails: string;
  blockedListColumnAction: string;
  blockedListBy: string;
  blockedListUntil: string;
  blockedListUnblockSelected: string;
  blockedListBulkHeading: string;
  blockedListBulkMessage: string;
  /** Bulk unblock progress (a polite live region); `{done}` and `{total}` are numbers. */
  blockedListProgress: string;
  blockedListProgressFailed: string;
  /** Added to the bulk progress when some unblocks are not confirmed; `{count}` is a number. */
  blockedListProgressUnconfirmed: string;
  /** A row whose unblock failed; `{error}` is the readable error message. */
  blockedListFailed: string;
  blockedListQueued: string;
  blockedListUnblockOne: string;
  blockedListRetryOne: string;
  blockedListEmpty: string;
  blockedListNoMatch: string;
  /** While `<chat-blocked-list>` reads the first page of its `source`. */
  blockedListLoading: string;
  /** A page of its `source` could not be read; shown with Retry. */
  blockedListLoadError: string;
}

export const en: ChatStrings = {
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
  blockHeading: 'Block {name}?',
  unblockHeading: 'Unblock {name}?',
  blockMessage: '{name} will not be able to send you messages until you unblock them.',
  unblockMessage: '{name} will be able to send you messages again.',
  cancel: 'Cancel',
  confirm: 'Confirm',
  confirmBusy: 'Working…',
  reasonLegend: 'Reason',
  reasonOptional: '(optional)',
  reasonSpam: 'Spam',
  reasonAbusive: 'Abusive',
  reasonOther: 'Other',
  reasonTextLabel: 'In your words',
  reasonMissing: 'Choose a reason to block.',
  durationLabel: 'Block for',
  durationForever: 'Until unblocked',
  statusBlockedUntil: 'Blocked · ends {time}',
  undoBlocked: '{name} blocked',
  undoUnblocked: '{name} unblocked',
  undo: 'Undo',
  dismiss: 'Dismiss',
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
  noticeBlockUnconfirmed: "Blocking this customer isn't confirmed",
  noticeUnblockUnconfirmed: "Unblocking this customer isn't confirmed",
  bannerBlockUnconfirmed: "Blocking {name} isn't confirmed yet.",
  bannerUnblockUnconfirmed: "Unblocking {name} isn't confirmed yet.",
  blockedListUnconfirmed: 'Unblock not confirmed',
  blockedListCheckOne: 'Check {name}',
  noticeBlockedBy: '{by} blocked this customer',
  noticeBlockedByYou: 'You blocked this customer',
  noticeBlocked: 'This customer is blocked',
  noticeUntil: 'until {time}',
  bannerBlockedBy: '{by} blocked {name}. Unblock to send messages.',
  bannerBlockedByYou: 'You blocked {name}. Unblock to send messages.',
  bannerBlocked: '{name} is blocked. Unblock to send messages.',
  unblockError: "Couldn't unblock: {error}",
  thisCustomer: 'this customer',
  blockedListLabel: 'Blocked customers',
  blockedListSearch: 'Search blocked customers',
  blockedListSelectAll: 'Select all shown',
  blockedListSelect: 'Select {name}',
  blockedListColumnCustomer: 'Customer',
  blockedListColumnDetails: 'Details',
  blockedListColumnAction: 'Action',
  blockedListBy: 'by {by}',
  blockedListUntil: 'until {time}',
  blockedListUnblockSelected: 'Unblock selected ({count})',
  blockedListBulkHeading: 'Unblock {count} customers?',
  blockedListBulkMessage: 'They will be able to send you messages again.',
  blockedListProgress: '{done} of {total} unblocked',
  blockedListProgressFailed: '{done} of {total} unblocked · {failed} failed',
  blockedListProgressUnconfirmed: '{count} not confirmed',
  blockedListFailed: "Couldn't unblock: {error}",
  blockedListQueued: 'Waiting…',
  blockedListUnblockOne: 'Unblock {name}',
  blockedListRetryOne: 'Retry unblocking {name}',
  blockedListEmpty: 'No blocked customers.',
  blockedListNoMatch: 'No blocked customer matches “{query}”.',
  blockedListLoading: 'Loading blocked customers…',
  blockedListLoadError: "Couldn't load the blocked customers: {error}",
};
