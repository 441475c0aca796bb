import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';
import { ChatHeaderMenu, type ChatBlockRequestEvent } from '../src/index.js';
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

/** The engine the page runs in (test/browsers.js: Chromium over CDP, Firefox over BiDi, WebKit over WebDriver). */
export const engine: 'chromium' | 'firefox' | 'webkit' = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrom(e|ium)\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';

/**
 * Real key presses through the browser (not synthetic events); a chord as `Shift+Tab`.
 * Engine workarounds: `Space` is sent as ' ' (puppeteer over WebDriver BiDi, i.e. Firefox,
 * knows no key named "Space"); a chord is down/press/up with puppeteer, and one `type` of
 * both WebDriver key codes with WebKit's WebDriver (its launcher takes only press and type,
 * and presses all the keys of one call before releasing them).
 */
export async function press(key: string): Promise<void> {
  const keys = (key.length > 1 ? key.split('+') : [key]).map((k) => (k === 'Space' ? ' ' : k));
  if (keys.length === 1) {
    await sendKeys({ press: keys[0] });
  } else if (engine === 'webkit') {
    await sendKeys({ type: keys.map((k) => WEBDRIVER_KEYS[k] ?? k).join('') });
  } else {
    const last = keys.pop()!;
    for (const k of keys) await sendKeys({ down: k });
    await sendKeys({ press: last });
    for (const k of keys.reverse()) await sendKeys({ up: k });
  }
}

/** WebDriver's codes for the modifiers and keys a chord may use. */
const WEBDRIVER_KEYS: Record<string, string> = {
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Meta: '\uE03D',
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  ' ': '\uE00D',
  Home: '\uE011',
  End: '\uE010',
  ArrowUp: '\uE013',
  ArrowDown: '\uE015',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
};

/**
 * The role and accessible name `el` has in the engine's own accessibility tree (what a
 * screen reader gets), through the `accessible-role-and-name` command (test/browsers.js):
 * CDP in Chromium, WebDriver's computed role and label in WebKit. Firefox's BiDi can only
 * say whether the element has a given role and name, so pass the expected ones: there a
 * mismatch reads `not "alertdialog"`.
 */
export async function accessibleRoleAndName(
  el: Element,
  expected: { role: string; name?: string },
): Promise<{ role: string | null; name: string | null; via: string }> {
  const probe = `p${Math.random().toString(36).slice(2)}`;
  el.setAttribute('data-a11y-probe', probe);
  try {
    return await executeServerCommand('accessible-role-and-name', { probe, ...expected });
  } finally {
    el.removeAttribute('data-a11y-probe');
  }
}

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

/** Text as the agent reads it: without the invisible bidi isolates (U+2066–U+2069) that wrap names. */
export const visible = (text: string | null | undefined) => (text ?? '').replace(/[\u2066-\u2069]/g, '');

/** axe once entrance animations have finished (mid-fade text fails contrast). */
export async function accessible(el: Element): Promise<void> {
  await animationsDone(document);
  await expect(el).to.be.accessible();
}

/** The host's backend: answers every `type` request heard on `document` with a promise the test settles. */
export function hostBackend(type: 'chat-block-request' | 'chat-unblock-request' = 'chat-unblock-request') {
  const calls: { event: ChatBlockRequestEvent; settle: ReturnType<typeof deferred> }[] = [];
  const listener = (e: ChatBlockRequestEvent) => {
    const settle = deferred();
    e.detail.waitUntil(settle.promise);
    calls.push({ event: e, settle });
  };
  document.addEventListener(type, listener);
  return { calls, stop: () => document.removeEventListener(type, listener) };
}
