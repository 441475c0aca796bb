import { createApp } from 'vue';
import 'chat-block-elements/define.js';
// Types the tags in templates (Vue's GlobalComponents), generated from the manifest.
import type {} from 'chat-block-elements/vue';
import App from './App.vue';

// The host's backend: accepts every request.
document.addEventListener('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));

createApp(App).mount('#app');
