import { mount } from 'svelte';
// Only the tags this app shows, each from its own entry (the menu registers its items' tag).
import 'chat-block-elements/elements/chat-status-pill.js';
import 'chat-block-elements/elements/chat-header-menu.js';
// Types the tags in markup (svelteHTML.IntrinsicElements), generated from the manifest.
import type {} from 'chat-block-elements/svelte';
import App from './App.svelte';

// The host's backend: accepts every request.
document.addEventListener('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));

mount(App, { target: document.getElementById('app')! });
