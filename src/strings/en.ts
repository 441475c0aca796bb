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
  blockHeading: string;
  unblockHeading: string;
  blockMessage: string;
  unblockMessage: string;
  cancel: string;
  confirm: string;
  confirmBusy: string;
  statusBlocked: string;
  statusBlocking: string;
  statusUnblocking: string;
  statusUnblocked: string;
  statusBlockFailed: string;
  statusUnblockFailed: string;
  retry: string;
  thisCustomer: string;
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
  blockHeading: 'Block {name}?',
  unblockHeading: 'Unblock {name}?',
  blockMessage: '{name} will not be able to send you messages until you unblock them.',
  unblockMessage: '{name} will be able to send you messages again.',
  cancel: 'Cancel',
  confirm: 'Confirm',
  confirmBusy: 'Working…',
  statusBlocked: 'Blocked',
  statusBlocking: 'Blocking…',
  statusUnblocking: 'Unblocking…',
  statusUnblocked: 'Unblocked',
  statusBlockFailed: "Couldn't block",
  statusUnblockFailed: "Couldn't unblock",
  retry: 'Retry',
  thisCustomer: 'this customer',
};
