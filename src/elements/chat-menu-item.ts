/**
 * `chat-block-elements/elements/chat-menu-item.js`: registers `<chat-menu-item>`, an item of
 * the menu, and nothing else; exports its class. A tag that is already defined is left alone.
 */
import { ChatMenuItem } from '../components/chat-menu-item/chat-menu-item.js';

ChatMenuItem.define();

export { ChatMenuItem };
