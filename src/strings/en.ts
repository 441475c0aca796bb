import { enFirst } from './en-first.js';
import { enLater } from './en-later.js';

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

/**
 * Every English word, for hosts (a base for their own locale). The elements do not import
 * this: they start from en-first.ts and get en-later.ts with the dialog. A word added to
 * ChatStrings goes in one of those two files (this line fails to compile until it does).
 */
export const en: ChatStrings = { ...enFirst, ...enLater };
