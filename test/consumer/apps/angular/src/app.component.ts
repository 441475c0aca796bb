import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { ChatBlockChangeEvent } from 'chat-block-elements';

@Component({
  selector: 'app-root',
  // The README's recipe: Angular leaves unknown tags to the browser.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <chat-status-pill [customer]="phone"></chat-status-pill>
    <chat-header-menu #menu [customer]="phone" customer-name="Kavya Nair" placement="bottom-end" (chat-block-change)="onChange($event)">
      <chat-menu-item value="mark-read">Mark read</chat-menu-item>
    </chat-header-menu>
    <button type="button" (click)="menu.placement = 'top-end'">Menu above</button>
    <output id="log">{{ log().join(' ') }}</output>
  `,
})
export class AppComponent {
  readonly phone = '+915555555555';
  readonly log = signal<string[]>([]);

  onChange(event: ChatBlockChangeEvent): void {
    this.log.update((lines) => [...lines, `change:${event.detail.blocked}`]);
  }
}
