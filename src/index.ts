/**
 * chat-block-elements: everything, with no side effects. Import
 * `chat-block-elements/define.js` (or call each class's `define()`) to register the tags.
 */
export { ChatHeaderMenu } from './components/chat-header-menu/chat-header-menu.js';
export { ChatMenuItem } from './components/chat-menu-item/chat-menu-item.js';
export { ChatConfirmDialog, type ConfirmOptions } from './components/chat-confirm-dialog/chat-confirm-dialog.js';
export type {
  ConfirmAnswer,
  ReasonChoice,
  ReasonsQuestion,
  DurationChoice,
  DurationsQuestion,
} from './components/chat-confirm-dialog/confirm-choices.js';
export { ChatStatusPill, type PillStatus } from './components/chat-status-pill/chat-status-pill.js';
export { ChatBlockNotice } from './components/chat-block-notice/chat-block-notice.js';
export { ChatBlockBanner } from './components/chat-block-banner/chat-block-banner.js';
export {
  ChatBlockedList,
  type BlockedListItem,
  type BlockedListPage,
  type BlockedListSource,
  type BulkUnblockResult,
} from './components/chat-blocked-list/chat-blocked-list.js';
export {
  BlockStore,
  type CustomerBlockState,
  type BlockStoreListener,
  type BlockStoreEventMap,
  type KnownBlockState,
  type BlockStoreOptions,
} from './state/block-store.js';
export type { ServerBlockState, UnconfirmedChange } from './state/server-state.js';
export type { StatusReader, StatusRetry } from './state/status-read.js';
export type { FollowSource, ChangeFeed, FollowOptions } from './state/follow.js';
export { blockStore } from './state/page-store.js';
export { requestBlockChange, type RequestOutcome, type RequestOptions } from './state/request-block-change.js';
export {
  ChatBlockRequestEvent,
  ChatBlockChangeEvent,
  ChatBlockErrorEvent,
  ChatMenuSelectEvent,
  ChatDialogEvent,
  ChatBlockExpiredEvent,
  type BlockAction,
  type BlockMetadata,
  type BlockExpiredDetail,
  type CustomerRef,
  type BlockRequestDetail,
  type BlockChangeDetail,
  type BlockErrorDetail,
  type BlockFailure,
} from './events.js';
export { VERSION } from './version.js';
export {
  connectBackend,
  type Backend,
  type BackendCall,
  type BackendRequest,
  type ConnectBackendOptions,
} from './backend/connect-backend.js';
export {
  fetchBackend,
  relayBackend,
  type FetchBackend,
  type FetchBackendOptions,
  type BlockedPage,
  type BlockedPageItem,
  type BlockedPageQuery,
} from './backend/fetch-backend.js';
export { ChatBackendError, type BackendErrorCode } from './backend/errors.js';
export { en, type ChatStrings } from './strings/en.js';
export { registerLocale, setStrings, format, type LocaleStrings } from './strings/registry.js';
