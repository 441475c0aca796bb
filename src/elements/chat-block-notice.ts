/**
 * `chat-block-elements/elements/chat-block-notice.js`: registers `<chat-block-notice>`, the
 * audit line in a conversation, with `<chat-confirm-dialog>` for its Unblock, and nothing
 * else; exports its class. A tag that is already defined is left alone.
 */
import { ChatBlockNotice } from '../components/chat-block-notice/chat-block-notice.js';

ChatBlockNotice.define();

export { ChatBlockNotice };
