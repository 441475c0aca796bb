/**
 * `chat-block-elements/elements/chat-status-pill.js`: registers `<chat-status-pill>`, the
 * status pill, and nothing else; exports its class. A tag that is already defined is left
 * alone.
 */
import { ChatStatusPill } from '../components/chat-status-pill/chat-status-pill.js';

ChatStatusPill.define();

export { ChatStatusPill };
