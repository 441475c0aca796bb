/**
 * `chat-block-elements/elements/chat-confirm-dialog.js`: registers `<chat-confirm-dialog>`,
 * the confirmation dialog (import it to put one in the page for every menu to share), and
 * nothing else; exports its class. A tag that is already defined is left alone.
 */
import { ChatConfirmDialog } from '../components/chat-confirm-dialog/chat-confirm-dialog.js';

ChatConfirmDialog.define();

export { ChatConfirmDialog };
