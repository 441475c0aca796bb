import { createApp } from 'vue';
// Only the tags this app shows, each from its own entry (the menu registers its items' tag).
import 'chat-block-elements/elements/chat-status-pill.js';
import { ChatHeaderMenu } from 'chat-block-elements/elements/chat-header-menu.js';
// Types the tags in templates (Vue's GlobalComponents), generated from the manifest.
import type {} from 'chat-block-elements/vue';
import App from './App.vue';

// The host's backend: accepts every request.
document.addEventListener('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));

// The per-tag entry exports the class, typed.
customElements.whenDefined('chat-header-menu').then(() => {
  const menu: ChatHeaderMenu | null = document.querySelector('chat-header-menu');
  if (menu && !(menu instanceof ChatHeaderMenu)) throw new Error('chat-header-menu is not the entry\'s class');
});

createApp(App).mount('#app');
