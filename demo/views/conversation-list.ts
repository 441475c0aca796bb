import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { HostCustomer } from '../api.js';
import { hue, initials, listTime } from '../format.js';

/**
 * The inbox's left column. Each row is a real `<button>` (keyboard and screen
 * readers), with the time, the status pill and the unread badge beside it; a click
 * anywhere on the row opens the chat, so the pill's Retry stays a separate button.
 */
export function conversationList(customers: HostCustomer[], openId: string | null, open: (id: string) => void) {
  if (customers.length === 0) return html`<li class="empty">No conversations match.</li>`;
  return repeat(
    customers,
    (c) => c.id,
    (c) => html`<li
      class="row ${c.id === openId ? 'is-open' : ''}"
      data-customer=${c.id}
      @click=${() => open(c.id)}
    >
      <button class="row-open" type="button" aria-current=${c.id === openId ? 'true' : nothing}>
        <span class="avatar" style="--hue: ${hue(c.id)}" aria-hidden="true">${initials(c.name)}</span>
        <span class="row-text">
          <span class="row-name">${c.name}</span>
          <span class="row-preview">${c.lastMessage}</span>
        </span>
      </button>
      <span class="row-meta">
        <time class="row-time ${c.unread ? 'has-unread' : ''}" datetime=${c.time}>${listTime(c.time)}</time>
        <span class="row-flags">
          <chat-status-pill customer=${c.id}></chat-status-pill>
          ${c.unread
            ? html`<span class="badge" role="img" aria-label="${c.unread} unread">${c.unread}</span>`
            : nothing}
        </span>
      </span>
    </li>`,
  );
}
