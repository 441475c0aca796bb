import { expect, fixture, html } from '@open-wc/testing';
import { BlockStore, type ChatHeaderMenu } from '../src/index.js';

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

/** A closed menu (menuMarkup) in a padded box, on a store of its own, rendered; its popup not loaded. */
export async function closedMenuFixture(): Promise<{ wrapper: HTMLElement; menu: ChatHeaderMenu }> {
  const wrapper = await fixture<HTMLElement>(html`<div style="padding: 40px 40px 300px 300px"></div>`);
  wrapper.innerHTML = menuMarkup();
  const menu = wrapper.querySelector<ChatHeaderMenu>('chat-header-menu')!;
  menu.store = new BlockStore();
  await menu.updateComplete;
  expectPopupNotLoaded();
  return { wrapper, menu };
}

/** The reason Block, a notice, a banner or a list gives when a part could not be loaded (`loadFailed`). */
export const LOAD_FAILED = "Couldn't load. Reload the page to try again";

/** Has the test server refuse these modules ("name" or "name@ms", comma-separated; test/fail-lazy-middleware.js); '' lets all through. */
export const refuse = (modules: string) => (document.cookie = `chat-fail-lazy=${modules}; path=/`);

/**
 * For a describe() whose tests run with `modules` refused: refuses them before the tests and
 * lets them through after, and records what the page reports meanwhile. The returned lists
 * fill as the tests run: console errors (each call's arguments) and block requests fired.
 */
export function whileRefused(modules: string): { errors: unknown[][]; requests: Event[] } {
  const seen = { errors: [] as unknown[][], requests: [] as Event[] };
  const originalError = console.error;
  const onRequest = (event: Event) => seen.requests.push(event);
  before(() => {
    console.error = (...args: unknown[]) => void seen.errors.push(args);
    document.addEventListener('chat-block-request', onRequest);
    refuse(modules);
  });
  after(() => {
    refuse('');
    console.error = originalError;
    document.removeEventListener('chat-block-request', onRequest);
  });
  return seen;
}

/**
 * Whether this engine fetches a dynamically imported module again after its fetch failed, or
 * keeps the failure for the page's life (Firefox ESR, and Chromium 150; Chromium 156 and WebKit
 * fetch again). It imports test/import-probe.js once refused and once not; what was refused
 * before stays refused.
 */
export async function refetchesFailedImports(): Promise<boolean> {
  const kept = /(?:^|; )chat-fail-lazy=([^;]*)/.exec(document.cookie)?.[1] ?? '';
  const url = `/test/import-probe.js?${Date.now()}`;
  try {
    refuse('import-probe');
    const first = await import(/* @vite-ignore */ url).then(() => 'loaded', () => 'refused');
    if (first !== 'refused') throw new Error('the test server did not refuse the probe');
    refuse('');
    return await import(/* @vite-ignore */ url).then(() => true, () => false);
  } finally {
    refuse(kept);
  }
}

/** Whether a console error began with `message`. */
export const reported = (errors: unknown[][], message: string) => errors.some(([first]) => String(first).startsWith(message));
