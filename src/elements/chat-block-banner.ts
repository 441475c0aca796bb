/**
 * `chat-block-elements/elements/chat-block-banner.js`: registers `<chat-block-banner>`, the
 * banner in place of the composer, with `<chat-confirm-dialog>` for its Unblock, and nothing
 * else; exports its class. A tag that is already defined is left alone.
 */
import { ChatBlockBanner } from '../components/chat-block-banner/chat-block-banner.js';

ChatBlockBanner.define();

export { ChatBlockBanner };
