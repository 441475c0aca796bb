import { html } from 'lit';
import type { BlockedListItem } from '../../src/index.js';
import type { Customer } from '../api.js';

/** The mock API's blocked customers as the list's items (its listing endpoint is a demo extension). */
export function blockedItems(customers: Customer[]): BlockedListItem[] {
  return customers.map((c) => ({
    id: c.id,
    name: c.name,
    reason: c.blockReason,
    until: c.blockedUntil,
    at: c.blockedAt,
  }));
}

/** The "Blocked customers" page: search, per-row and bulk unblock. */
export function blockedPage(items: BlockedListItem[]) {
  return html`<div class="blocked-page">
    <h1 id="blocked-title" class="blocked-title">Blocked customers</h1>
    <p class="blocked-intro">Everyone blocked from this inbox, from the server's list. Select several to unblock them at once.</p>
    <chat-blocked-list label="Blocked customers" .items=${items}></chat-blocked-list>
  </div>`;
}
