/**
 * `chat-block-elements/elements/chat-header-menu.js`: registers `<chat-header-menu>`, the
 * three-dots menu, with `<chat-menu-item>` for its items (its confirmation dialog is
 * registered with its popup, on the first open or hover), and nothing else; exports its class.
 * A tag that is already defined is left alone.
 */
import { ChatHeaderMenu } from '../components/chat-header-menu/chat-header-menu.js';

ChatHeaderMenu.define();

export { ChatHeaderMenu };
