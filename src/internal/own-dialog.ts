import { html } from 'lit';

/**
 * The `<chat-confirm-dialog>` an element renders for itself on first use (when the page
 * has none), its parts exported under `dialog-…` names for `::part()`.
 */
export const ownDialog = html`<chat-confirm-dialog exportparts="dialog:dialog, heading:dialog-heading, message:dialog-message, error:dialog-error, actions:dialog-actions, cancel:dialog-cancel, confirm:dialog-confirm"></chat-confirm-dialog>`;
