/**
 * Registers the default tags. Safe to import more than once and next to another
 * copy of the library: a tag that is already defined is left alone.
 */
import { ChatHeaderMenu } from './components/chat-header-menu/chat-header-menu.js';
import { ChatMenuItem } from './components/chat-menu-item/chat-menu-item.js';
import { ChatConfirmDialog } from './components/chat-confirm-dialog/chat-confirm-dialog.js';
import { ChatStatusPill } from './components/chat-status-pill/chat-status-pill.js';
import { ChatBlockNotice } from './components/chat-block-notice/chat-block-notice.js';
import { ChatBlockBanner } from './components/chat-block-banner/chat-block-banner.js';
import { ChatBlockedList } from './components/chat-blocked-list/chat-blocked-list.js';

ChatMenuItem.define();
ChatConfirmDialog.define();
ChatStatusPill.define();
ChatBlockNotice.define();
ChatBlockBanner.define();
ChatHeaderMenu.define();
ChatBlockedList.define();

export * from './index.js';
