import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import type { ChatMenuSelectEvent } from 'chat-block-elements';

// Never bootstrapped. With strictTemplates, Angular types $event from the DOM event map (the
// package adds its events there) and template references by tag (HTMLElementTagNameMap); it
// does not type-check property bindings on elements. The test requires an ngc error on the
// line after each "expect-error" comment of wrong.component.html, and on no other line.
@Component({
  selector: 'app-wrong',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  templateUrl: './wrong.component.html',
})
export class WrongComponent {
  onSelect(event: ChatMenuSelectEvent): string {
    return event.detail.value;
  }
}
