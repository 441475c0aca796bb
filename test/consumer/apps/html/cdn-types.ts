// The CDN file and the loader have types too (a host that maps the CDN URL in its bundler).
import { blockStore, ChatHeaderMenu, type ChatBlockChangeEvent } from 'chat-block-elements/cdn/chat-block-elements.js';
import 'chat-block-elements/cdn/chat-block-elements.loader.js';

blockStore.set('+917777777777', false);
const menu: ChatHeaderMenu = document.createElement('chat-header-menu');
menu.addEventListener('chat-block-change', (e: ChatBlockChangeEvent) => e.detail.blocked);
// @ts-expect-error customer is a string
menu.customer = 42;
