// Angular's npm packages are partially compiled; without the CLI's linker step, @angular/compiler links them at run time.
import '@angular/compiler';
import { bootstrapApplication } from '@angular/platform-browser';
// Only the tags this app shows, each from its own entry (the menu registers its items' tag).
import 'chat-block-elements/elements/chat-status-pill.js';
import 'chat-block-elements/elements/chat-header-menu.js';
import { AppComponent } from './app.component.js';

// The host's backend: accepts every request.
document.addEventListener('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));

bootstrapApplication(AppComponent).catch((error: unknown) => console.error(error));
