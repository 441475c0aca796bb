/**
 * React wrappers (made with `@lit/react`): props become properties and the
 * library's events become `onChat…` callbacks. Importing this registers the tags.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  ChatHeaderMenu as HeaderMenuElement,
  ChatMenuItem as MenuItemElement,
  ChatConfirmDialog as ConfirmDialogElement,
  ChatStatusPill as StatusPillElement,
  ChatBlockNotice as BlockNoticeElement,
  ChatBlockBanner as BlockBannerElement,
  ChatBlockedList as BlockedListElement,
} from './define.js';
import type {
  ChatBlockChangeEvent,
  ChatBlockErrorEvent,
  ChatBlockRequestEvent,
  ChatDialogEvent,
  ChatMenuSelectEvent,
} from './events.js';

const requestEvents = {
  onChatBlockRequest: 'chat-block-request' as EventName<ChatBlockRequestEvent>,
  onChatUnblockRequest: 'chat-unblock-request' as EventName<ChatBlockRequestEvent>,
  onChatBlockChange: 'chat-block-change' as EventName<ChatBlockChangeEvent>,
  onChatBlockError: 'chat-block-error' as EventName<ChatBlockErrorEvent>,
};

export const ChatHeaderMenu = createComponent({
  react: React,
  tagName: 'chat-header-menu',
  elementClass: HeaderMenuElement,
  events: { ...requestEvents, onChatMenuSelect: 'chat-menu-select' as EventName<ChatMenuSelectEvent> },
});

export const ChatMenuItem = createComponent({ react: React, tagName: 'chat-menu-item', elementClass: MenuItemElement });

export const ChatConfirmDialog = createComponent({
  react: React,
  tagName: 'chat-confirm-dialog',
  elementClass: ConfirmDialogElement,
  events: {
    onChatConfirm: 'chat-confirm' as EventName<ChatDialogEvent>,
    onChatCancel: 'chat-cancel' as EventName<ChatDialogEvent>,
  },
});

export const ChatStatusPill = createComponent({
  react: React,
  tagName: 'chat-status-pill',
  elementClass: StatusPillElement,
  events: requestEvents,
});

const unblockEvents = {
  onChatUnblockRequest: requestEvents.onChatUnblockRequest,
  onChatBlockChange: requestEvents.onChatBlockChange,
  onChatBlockError: requestEvents.onChatBlockError,
};

export const ChatBlockNotice = createComponent({
  react: React,
  tagName: 'chat-block-notice',
  elementClass: BlockNoticeElement,
  events: unblockEvents,
});

export const ChatBlockBanner = createComponent({
  react: React,
  tagName: 'chat-block-banner',
  elementClass: BlockBannerElement,
  events: unblockEvents,
});

export const ChatBlockedList = createComponent({
  react: React,
  tagName: 'chat-blocked-list',
  elementClass: BlockedListElement,
  events: {
    onChatUnblockRequest: requestEvents.onChatUnblockRequest,
    onChatBlockChange: requestEvents.onChatBlockChange,
    onChatBlockError: requestEvents.onChatBlockError,
  },
});
