// The CDN file and the loader have types too (a host that maps the CDN URL in its bundler).
import { blockStore, ChatHeaderMenu, type ChatBlockChangeEvent } from 'chat-block-elements/cdn/chat-block-elements.js';
import 'chat-block-elements/cdn/chat-block-elements.loader.js';
// A CDN file per tag is typed as the package's own per-tag entry.
import { ChatStatusPill } from 'chat-block-elements/cdn/elements/chat-status-pill.js';

blockStore.set('+917777777777', false);
const menu: ChatHeaderMenu = document.createElement('chat-header-menu');
menu.addEventListener('chat-block-change', (e: ChatBlockChangeEvent) => e.detail.blocked);
// @ts-expect-error customer is a string
menu.customer = 42;
const pill: ChatStatusPill = document.createElement('chat-status-pill');
// @ts-expect-error transientMs is a number
pill.transientMs = 'long';
