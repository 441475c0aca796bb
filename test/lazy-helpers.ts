import { expect } from '@open-wc/testing';

/** Whether the page has fetched a module whose URL contains `name` (the dev server serves each source file). */
export const fetched = (name: string) =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes(name));

/** The popup's module and floating-ui have not been fetched: what a closed menu must not load. */
export function expectPopupNotLoaded(): void {
  expect(fetched('/chat-header-menu/chat-header-menu'), 'the trigger module was fetched').to.equal(true);
  expect(fetched('/chat-header-menu/menu-popup'), 'menu-popup fetched before the first interaction').to.equal(false);
  expect(fetched('@floating-ui'), 'floating-ui fetched before the first interaction').to.equal(false);
  expect(fetched('/chat-header-menu/undo-toast'), 'undo-toast fetched before the first interaction').to.equal(false);
}

export const PHONE = '+919999999999';

/** A closed menu with two host items between two buttons, as a host writes it in HTML. */
export function menuMarkup(attrs = ''): string {
  return `<button id="before">before</button>
    <chat-header-menu customer="${PHONE}" customer-name="Priya Sharma" ${attrs}>
      <chat-menu-item value="mark-read">Mark read</chat-menu-item>
      <chat-menu-item value="assign">Assign to…</chat-menu-item>
    </chat-header-menu>
    <button id="after">after</button>`;
}
