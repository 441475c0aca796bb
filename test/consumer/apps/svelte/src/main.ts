import { mount } from 'svelte';
import 'chat-block-elements/define.js';
// Types the tags in markup (svelteHTML.IntrinsicElements), generated from the manifest.
import type {} from 'chat-block-elements/svelte';
import App from './App.svelte';

// The host's backend: accepts every request.
document.addEventListener('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));

mount(App, { target: document.getElementById('app')! });
