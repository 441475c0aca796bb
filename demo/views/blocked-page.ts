import { html } from 'lit';
import type { BlockedListSource } from '../../src/index.js';

/** The "Blocked customers" page: the relay's list, paged and searched on the server, with per-row and bulk unblock. */
export function blockedPage(source: BlockedListSource) {
  return html`<div class="blocked-page">
    <h1 id="blocked-title" class="blocked-title">Blocked customers</h1>
    <p class="blocked-intro">Everyone blocked from this inbox, by any agent, from the relay's list. Select several to unblock them at once.</p>
    <chat-blocked-list label="Blocked customers" .source=${source}></chat-blocked-list>
  </div>`;
}
