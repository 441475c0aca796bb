/**
 * `chat-block-elements/elements/chat-blocked-list.js`: registers `<chat-blocked-list>`, the
 * blocked customers list, with `<chat-confirm-dialog>` for its Unblock, and nothing else;
 * exports its class. A tag that is already defined is left alone.
 */
import { ChatBlockedList } from '../components/chat-blocked-list/chat-blocked-list.js';

ChatBlockedList.define();

export { ChatBlockedList };
