import { sendKeys } from '@web/test-runner-commands';
import { ChatHeaderMenu } from '../src/index.js';
import { ChatConfirmDialog } from '../src/components/chat-confirm-dialog/chat-confirm-dialog.js';

/** A part of an element's shadow root. */
export function part<T extends HTMLElement = HTMLElement>(el: Element, name: string): T {
  const found = el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part "${name}" in <${el.localName}>`);
  return found;
}

/** The confirmation dialog the menu uses (its own, rendered lazily). */
export function dialogOf(menu: ChatHeaderMenu): ChatConfirmDialog {
  const dialog = menu.shadowRoot!.querySelector('chat-confirm-dialog');
  if (!dialog) throw new Error('the menu has not rendered its dialog');
  return dialog;
}

/** Resolves after the next animation frame (things painted). */
export const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

/** Waits until `check` holds, up to `ms`. */
export async function until(check: () => boolean, ms = 2000, what = 'condition'): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The focused element, through shadow roots. */
export function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Real key presses through the browser (not synthetic events). */
export const press = (key: string) => sendKeys({ press: key });

/** A promise the test resolves or rejects by hand, to play the backend. */
export function deferred<T = unknown>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
