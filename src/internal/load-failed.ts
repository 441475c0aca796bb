import { html } from 'lit';
import type { ChatStrings } from '../strings/en.js';

/**
 * What an element shows in place of a view that could not be loaded (the connection
 * dropped, or a deploy replaced the files): the reason, announced, instead of an empty
 * box that would look like "nothing to show". Styled by the host rules alone, since the
 * view's styles did not come either.
 */
export const loadFailedLine = (t: ChatStrings) => html`<p part="load-failed" role="status">${t.loadFailed}</p>`;
