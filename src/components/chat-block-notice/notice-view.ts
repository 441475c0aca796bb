import { html, nothing } from 'lit';
import type { CustomerBlockState } from '../../state/block-store.js';
import { isolate } from '../../state/customer-id.js';
import { format } from '../../strings/registry.js';
import { reasonText } from '../../internal/block-questions.js';
import { formatWhen } from '../../internal/time-format.js';
import type { BlockedCustomerElement } from '../../internal/blocked-customer-element.js';
import type { ChatStrings } from '../../strings/en.js';
import { styles } from './chat-block-notice.styles.js';
import { preloadDialogView } from '../chat-confirm-dialog/dialog-view-module.js';
import { unconfirmedButton } from '../../internal/unconfirmed-button.js';

export { styles };

const separator = html`<span part="separator" aria-hidden="true"> · </span>`;

/** What a `<chat-block-notice>` shows while its customer is blocked, or while a change of it is unconfirmed. */
export function render(
  el: BlockedCustomerElement,
  state: CustomerBlockState,
  t: ChatStrings,
  onUnblock: () => void,
  onResolve: () => void,
) {
  if (state.unconfirmed) {
    const text = state.unconfirmed.action === 'block' ? t.noticeBlockUnconfirmed : t.noticeUnblockUnconfirmed;
    return html`<div part="notice unconfirmed" role="note"><span part="text">${text}</span>${separator}${unconfirmedButton(el, state, t, onResolve)}</div>`;
  }
  const who = state.by
    ? format(t.noticeBlockedBy, { by: isolate(state.by) })
    : state.accepted?.action === 'block'
      ? t.noticeBlockedByYou
      : t.noticeBlocked;
  const busy = state.pending === 'unblock';
  const failed = !busy && state.error?.action === 'unblock' ? state.error.error.message : '';
  return html`<div part="notice" role="note"><span part="text">${who}</span>${
    state.at ? html`${separator}<time part="time" datetime=${state.at}>${formatWhen(state.at, t.$code, { todayTimeOnly: true })}</time>` : nothing
  }${state.reason ? html`${separator}<span part="reason">${isolate(reasonText(state.reason, t))}</span>` : nothing}${
    state.until ? html`${separator}<span part="until">${format(t.noticeUntil, { time: formatWhen(state.until, t.$code, { todayTimeOnly: true }) })}</span>` : nothing
  }${separator}<button part="unblock" type="button" aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'} @click=${onUnblock}>${
    busy ? t.unblockPending : t.unblock
  }</button>${failed ? html`<span part="error" role="alert">${format(t.unblockError, { error: failed })}</span>` : nothing}</div>`;
}

// The own dialog this module may render next: have its view here by then.
preloadDialogView();
