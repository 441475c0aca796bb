/**
 * Registers every tag (each through its own entry, `chat-block-elements/elements/<tag>.js`,
 * which a page that needs only some of them imports instead), and exports what the main
 * entry does. Safe to import more than once and next to another copy of the library: a tag
 * that is already defined is left alone.
 */
import './elements/chat-menu-item.js';
import './elements/chat-confirm-dialog.js';
import './elements/chat-status-pill.js';
import './elements/chat-block-notice.js';
import './elements/chat-block-banner.js';
import './elements/chat-header-menu.js';
import './elements/chat-blocked-list.js';

export * from './index.js';
