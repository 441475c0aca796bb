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

/** A short name for a node in failure messages: `<button part="cancel">`. */
export function nodeLabel(node: unknown): string {
  if (!(node instanceof Element)) return String(node);
  const attrs = [...node.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
  return `<${node.localName}${attrs}>`;
}

/**
 * Asserts `actual` is the very node `expected`. Use it instead of
 * `expect(a).to.equal(node)`: a failing chai assertion that carries a DOM node
 * stalls the test runner (it serializes the node) until its 120 s limit.
 */
export function expectSame(actual: unknown, expected: unknown, what = 'node'): void {
  if (actual !== expected) throw new Error(`${what}: expected ${nodeLabel(expected)}, got ${nodeLabel(actual)}`);
}

/** Running animations of a root and of every shadow root nested in it. */
function animationsIn(root: Document | ShadowRoot | Element): Animation[] {
  const own = root instanceof Element ? root.getAnimations() : root.getAnimations();
  const nested = [...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? animationsIn(el.shadowRoot) : []));
  return [...own, ...nested];
}

/**
 * Resolves once the animations running in `el` and the shadow roots inside it (e.g. a
 * dialog's entrance fade, a popup's opening scale) finished, so axe measures the final
 * colors and geometry is read at rest, not from a half-faded frame.
 */
export async function animationsDone(el: Element | Document = document): Promise<void> {
  const root = el instanceof Element ? (el.shadowRoot ?? el) : el;
  await Promise.all(animationsIn(root).map((a) => a.finished.catch(() => undefined)));
}
