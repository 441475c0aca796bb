// Theming and visual accessibility, measured from computed styles in a real browser:
// focus-ring contrast (axe does not judge focus indicators), the page's color-scheme,
// a surface set alone, the trigger's dots under a ::part() override, and the pill's
// per-state border styles for forced colors.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import '../src/define.js';
import { BlockStore, requestBlockChange, type ChatHeaderMenu, type ChatStatusPill } from '../src/index.js';
import { part, until, focused, press, frame, animationsDone, expectSame } from './helpers.js';

const PHONE = '+919999999999';

// ---- colors -------------------------------------------------------------------------

const canvas = Object.assign(document.createElement('canvas'), { width: 1, height: 1 });
const ctx = canvas.getContext('2d', { willReadFrequently: true })!;

/**
 * Paints CSS colors one over the other (the first must be opaque) and reads the sRGB
 * pixel: any color syntax the browser computes (oklch, color-mix, light-dark results)
 * and translucent layers such as the hover background, composited as the screen shows them.
 */
function paint(...layers: string[]): [number, number, number] {
  ctx.clearRect(0, 0, 1, 1);
  for (const layer of layers) {
    ctx.fillStyle = '#000'; // an unparsable color keeps the previous fillStyle: make that visible
    ctx.fillStyle = layer;
    ctx.fillRect(0, 0, 1, 1);
  }
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  if (a !== 255) throw new Error(`not opaque: ${layers.join(' over ')}`);
  return [r, g, b];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two painted colors. */
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A system color (Canvas, Highlight) as the document resolves it in its color scheme. */
function systemColor(name: string): string {
  const probe = document.createElement('div');
  probe.style.color = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

/** The focus ring of `el`: asserts it is drawn (solid, ≥ 2px) and returns its color. */
function ringOf(el: Element): string {
  const s = getComputedStyle(el);
  expect(s.outlineStyle, `<${el.localName}> outline style`).to.equal('solid');
  expect(parseFloat(s.outlineWidth), `<${el.localName}> outline width`).to.be.at.least(2);
  return s.outlineColor;
}

/** Every ratio measured, printed at the end: the record of what the rings achieve. */
const measured: string[] = [];

function expectRing(what: string, ring: string, background: string[], min = 3): void {
  const ratio = contrast(paint(ring), paint(...background));
  measured.push(`${what}: ${ratio.toFixed(2)}:1 (${ring} on ${background.join(' over ')})`);
  expect(ratio, `${what}: ring ${ring} on ${background.join(' over ')}`).to.be.at.least(min);
}

// ---- fixtures -----------------------------------------------------------------------

async function menuFixture(store: BlockStore, style = '') {
  const wrapper = await fixture<HTMLElement>(html`<div style="padding: 40px 40px 320px 300px; ${style}">
    <button id="before">before</button>
    <chat-header-menu customer=${PHONE} customer-name="Priya Sharma" .store=${store}>
      <chat-menu-item value="mark-read">Mark read</chat-menu-item>
    </chat-header-menu>
  </div>`);
  const menu = wrapper.querySelector<ChatHeaderMenu>('chat-header-menu')!;
  await menu.updateComplete;
  return menu;
}

const isShown = (menu: ChatHeaderMenu) => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open');

async function openWithKeys(menu: ChatHeaderMenu) {
  part(menu, 'trigger').focus();
  await press('Enter');
  await until(() => isShown(menu), 2000, 'menu open');
  await menu.updateComplete;
  await until(() => focused()?.localName === 'chat-menu-item', 2000, 'an item focused');
  await animationsDone(document);
  await frame();
}

/** A pill showing "Couldn't block · Retry": a real block request its backend refused. */
async function failedPill(store: BlockStore) {
  const wrapper = await fixture<HTMLElement>(html`<div style="padding: 20px">
    <button id="before">before</button>
    <chat-status-pill customer=${PHONE} .store=${store}></chat-status-pill>
  </div>`);
  const pill = wrapper.querySelector<ChatStatusPill>('chat-status-pill')!;
  const refuse = (e: Event) => (e as CustomEvent).detail.waitUntil(Promise.reject(new Error('refused')));
  document.addEventListener('chat-block-request', refuse);
  await requestBlockChange(wrapper, store, { id: PHONE, name: 'Priya' }, 'block').catch(() => {});
  document.removeEventListener('chat-block-request', refuse);
  await pill.updateComplete;
  await until(() => !!pill.shadowRoot!.querySelector('[part~="retry"]'), 2000, 'Retry shown');
  return { wrapper, pill };
}

// ---- media --------------------------------------------------------------------------

/**
 * Light or dark everywhere: the page's own color-scheme, which the elements follow (no
 * emulation needed, so every engine), and the OS preference too where the runner can
 * emulate it (so an element that followed only the OS would be measured in this mode too).
 */
async function pageScheme(mode: 'light' | 'dark') {
  document.documentElement.style.colorScheme = mode;
  await emulateMedia({ colorScheme: mode }).catch(() => {});
  await frame();
}

/** The OS preference (emulated) and the page's own color-scheme. */
async function scheme(os: 'light' | 'dark', page = 'light dark') {
  await emulateMedia({ colorScheme: os });
  document.documentElement.style.colorScheme = page;
  await frame();
}

/**
 * Turns forced colors on, if this runner can: Playwright's emulateMedia does; for puppeteer
 * (whose emulateMedia drops the feature) a config may add an `emulate-forced-colors`
 * command. False when neither worked: the caller then checks the forced-colors rules.
 */
async function tryForcedColors(): Promise<boolean> {
  const active = () => matchMedia('(forced-colors: active)').matches;
  await emulateMedia({ forcedColors: 'active' } as Parameters<typeof emulateMedia>[0]).catch(() => {});
  if (active()) return true;
  await executeServerCommand('emulate-forced-colors', { value: 'active' }).catch(() => {});
  return active();
}

async function stopForcedColors(): Promise<void> {
  if (!matchMedia('(forced-colors: active)').matches) return;
  await emulateMedia({ forcedColors: 'none' } as Parameters<typeof emulateMedia>[0]).catch(() => {});
  await executeServerCommand('emulate-forced-colors', { value: 'none' }).catch(() => {});
}

/** Whether this runner can emulate prefers-color-scheme (WebDriver sessions cannot). */
let canEmulate: boolean | undefined;
async function needsEmulation(test: Mocha.Context): Promise<void> {
  if (canEmulate === undefined) {
    try {
      // Dark, not light: a runner that ignores the call would still "match" light.
      await emulateMedia({ colorScheme: 'dark' });
      canEmulate = matchMedia('(prefers-color-scheme: dark)').matches;
      await emulateMedia({ colorScheme: 'light' });
    } catch {
      canEmulate = false;
    }
  }
  // Skipped, and said so: this engine's runner has no media emulation.
  if (!canEmulate) test.skip();
}

describe('theming', () => {
  let store: BlockStore;

  beforeEach(() => {
    store = new BlockStore();
  });
  afterEach(async () => {
    document.documentElement.style.colorScheme = '';
    await stopForcedColors();
    if (canEmulate) await emulateMedia({ colorScheme: 'light' }).catch(() => {});
    (document.activeElement as HTMLElement | null)?.blur();
  });
  after(() => {
    if (measured.length) console.log(`focus-ring contrast:\n  ${measured.join('\n  ')}`);
  });

  for (const os of ['light', 'dark'] as const) {
    it(`${os}: focus rings are ≥ 3:1 against every background they sit on`, async () => {
      await pageScheme(os);
      const page = systemColor('Canvas');
      const menu = await menuFixture(store);

      // The trigger: offset 2px, so the ring sits on the page around the button.
      menu.parentElement!.querySelector<HTMLElement>('#before')!.focus();
      await press('Tab');
      expectSame(focused(), part(menu, 'trigger'));
      expectRing(`${os} trigger / page`, ringOf(part(menu, 'trigger')), [page]);

      // The items: an inset ring, on the hover background inside and the popup's surface outside.
      await openWithKeys(menu);
      const popup = part(menu, 'menu');
      const surface = getComputedStyle(popup).backgroundColor;
      expect(luminance(paint(surface)) < 0.2, `the popup is ${os}`).to.equal(os === 'dark');
      for (const item of [menu.querySelector('chat-menu-item')!, part(menu, 'block-item')]) {
        item.focus();
        await frame();
        expectSame(focused(), item);
        const ring = ringOf(item);
        const name = item.getAttribute('tone') === 'danger' ? 'Block item' : 'menu item';
        expectRing(`${os} ${name} / hover`, ring, [surface, getComputedStyle(item).backgroundColor]);
        expectRing(`${os} ${name} / surface`, ring, [surface]);
      }

      // The dialog's buttons: offset 2px, so a band of the surface lies between ring and button.
      await press('Enter');
      const dialogEl = menu.shadowRoot!.querySelector('chat-confirm-dialog')!;
      await until(() => dialogEl.open, 2000, 'dialog open');
      await animationsDone(document);
      const native = part(dialogEl, 'dialog');
      const dialogSurface = getComputedStyle(native).backgroundColor;
      const cancel = part(dialogEl, 'cancel');
      const confirm = part(dialogEl, 'confirm');
      await until(() => focused() === cancel, 2000, 'Cancel focused');
      expectRing(`${os} Cancel / surface`, ringOf(cancel), [dialogSurface]);
      await press('Tab');
      expectSame(focused(), confirm);
      const confirmRing = ringOf(confirm);
      expect(parseFloat(getComputedStyle(confirm).outlineOffset), 'ring offset from the danger button').to.be.at.least(2);
      expectRing(`${os} Block button / surface`, confirmRing, [dialogSurface]);
      // Recorded, not required: the ring does not touch the button (the offset band does).
      const onButton = contrast(paint(confirmRing), paint(dialogSurface, getComputedStyle(confirm).backgroundColor));
      measured.push(`${os} Block button ring vs its red fill (not adjacent): ${onButton.toFixed(2)}:1`);
      await press('Escape');
      await until(() => !dialogEl.open);
    });

    it(`${os}: the pill's Retry ring is ≥ 3:1 on the pill`, async () => {
      await pageScheme(os);
      const { wrapper, pill } = await failedPill(store);
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await press('Tab');
      const retry = part(pill, 'retry');
      expectSame(focused(), retry);
      const pillBox = part(pill, 'pill');
      const ring = ringOf(retry);
      expectRing(`${os} Retry / error pill`, ring, [getComputedStyle(pillBox).backgroundColor]);
      // The ring (offset + width) stays inside the pill's padding and border, on its own background.
      const r = retry.getBoundingClientRect();
      const p = pillBox.getBoundingClientRect();
      const reach = parseFloat(getComputedStyle(retry).outlineOffset) + parseFloat(getComputedStyle(retry).outlineWidth);
      expect(r.top - reach, 'ring top inside the pill').to.be.at.least(p.top - 0.5);
      expect(r.bottom + reach, 'ring bottom inside the pill').to.be.at.most(p.bottom + 0.5);
    });
  }

  it('a custom --chat-focus-ring is used as given', async () => {
    await pageScheme('light');
    const menu = await menuFixture(store, '--chat-focus-ring: rgb(1, 2, 3)');
    await openWithKeys(menu);
    expect(ringOf(focused()!)).to.equal('rgb(1, 2, 3)');
  });

  it("follows the page's color-scheme, not only the OS (needs prefers-color-scheme emulation: skipped in Firefox over BiDi and WebKit over WebDriver)", async function () {
    await needsEmulation(this);
    // A dark page with the OS in light mode: the popup and the dialog are dark.
    await scheme('light', 'dark');
    const menu = await menuFixture(store);
    await openWithKeys(menu);
    const popup = part(menu, 'menu');
    expect(luminance(paint(getComputedStyle(popup).backgroundColor)), 'popup background').to.be.below(0.05);
    expect(luminance(paint(getComputedStyle(popup).color)), 'popup text').to.be.above(0.6);
    await press('End');
    await press('Enter');
    const dialogEl = menu.shadowRoot!.querySelector('chat-confirm-dialog')!;
    await until(() => dialogEl.open, 2000, 'dialog open');
    await animationsDone(document);
    expect(luminance(paint(getComputedStyle(part(dialogEl, 'dialog')).backgroundColor)), 'dialog background').to.be.below(0.05);
    await press('Escape');
    await until(() => !dialogEl.open);

    // A light page with the OS in dark mode: light.
    await scheme('dark', 'light');
    await frame();
    expect(luminance(paint(getComputedStyle(popup).backgroundColor)), 'popup on a light page').to.be.above(0.9);

    // --chat-color-scheme still forces a scheme against the page's.
    menu.style.setProperty('--chat-color-scheme', 'dark');
    await frame();
    expect(luminance(paint(getComputedStyle(popup).backgroundColor)), 'forced dark').to.be.below(0.05);

    // A page that declares no color-scheme is light; `light dark` on the token follows the OS (dark here).
    document.documentElement.style.colorScheme = '';
    menu.style.removeProperty('--chat-color-scheme');
    await frame();
    expect(luminance(paint(getComputedStyle(popup).backgroundColor)), 'no page color-scheme').to.be.above(0.9);
    menu.style.setProperty('--chat-color-scheme', 'light dark');
    await frame();
    expect(luminance(paint(getComputedStyle(popup).backgroundColor)), '--chat-color-scheme: light dark, OS dark').to.be.below(0.05);
  });

  it('pills follow the page color-scheme too (needs prefers-color-scheme emulation: skipped in Firefox over BiDi and WebKit over WebDriver)', async function () {
    await needsEmulation(this);
    await scheme('light', 'dark');
    const el = await fixture<ChatStatusPill>(html`<chat-status-pill status="blocked"></chat-status-pill>`);
    await el.updateComplete;
    expect(luminance(paint(getComputedStyle(part(el, 'pill')).backgroundColor))).to.be.below(0.05);
  });

  for (const [os, surface] of [
    ['dark', '#fafafa'],
    ['light', '#202124'],
  ] as const) {
    it(`only --chat-surface set (${surface}, ${os} page): text, danger and ring follow the surface`, async () => {
      await pageScheme(os);
      const menu = await menuFixture(store, `--chat-surface: ${surface}`);
      await openWithKeys(menu);
      const popup = part(menu, 'menu');
      const bg = paint(getComputedStyle(popup).backgroundColor);
      expect(contrast(paint(getComputedStyle(popup).color), bg), 'text on the surface').to.be.at.least(7);
      const block = part(menu, 'block-item');
      expect(contrast(paint(getComputedStyle(block).color), bg), 'Block (danger) text on the surface').to.be.at.least(4.5);
      const item = focused()!;
      expectRing(`surface ${surface} on a ${os} page: item ring / hover`, ringOf(item), [getComputedStyle(popup).backgroundColor, getComputedStyle(item).backgroundColor]);
    });
  }

  it('the dots survive ::part(trigger) { background }', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <style>
        .themed chat-header-menu::part(trigger) {
          background: red;
        }
      </style>
      <div class="themed"><chat-header-menu customer=${PHONE} .store=${store}></chat-header-menu></div>
    </div>`);
    const menu = wrapper.querySelector<ChatHeaderMenu>('chat-header-menu')!;
    await menu.updateComplete;
    const trigger = part(menu, 'trigger');
    const own = getComputedStyle(trigger);
    expect(own.backgroundColor, 'the override applies').to.equal('rgb(255, 0, 0)');
    expect(own.backgroundImage).to.equal('none');
    const dots = getComputedStyle(trigger, '::before');
    expect(dots.content).to.not.equal('none');
    expect(dots.backgroundImage).to.contain('radial-gradient');
    // The dots are painted in the button's text color, whatever its background.
    expect(dots.color).to.equal(own.color);
    expect(dots.backgroundImage.toLowerCase()).to.satisfy((image: string) => image.includes(own.color) || image.includes('currentcolor'));
    expect(parseFloat(dots.width)).to.be.greaterThan(0);
    expect(parseFloat(dots.height)).to.be.greaterThan(parseFloat(dots.width));
  });

  it('::part(dialog-confirm) on the menu reaches the dialog it renders for itself', async function () {
    const style = Object.assign(document.createElement('style'), {
      textContent: '.brand chat-header-menu::part(dialog-confirm) { background: rgb(1, 2, 3); }',
    });
    document.head.append(style);
    try {
      const menu = await menuFixture(store);
      menu.parentElement!.classList.add('brand');
      await openWithKeys(menu);
      await press('End');
      await press('Enter');
      const dialogEl = menu.shadowRoot!.querySelector('chat-confirm-dialog')!;
      await until(() => dialogEl.open, 2000, 'dialog open');
      const exported = dialogEl.getAttribute('exportparts') ?? '';
      await press('Escape');
      await until(() => !dialogEl.open);
      // Pending the menu's exportparts (issue 7, item 6): skipped, not passed, until it lands.
      if (!exported.includes('dialog-confirm')) this.skip();
      expect(getComputedStyle(part(dialogEl, 'confirm')).backgroundColor).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });

  it('pill states differ in border style (visible in forced colors)', async function () {
    const states = ['blocked', 'blocking', 'unblocking', 'unblocked', 'unconfirmed', 'error'] as const;
    const wrapper = await fixture<HTMLElement>(html`<div>
      ${states.map((s) => html`<chat-status-pill status=${s}></chat-status-pill>`)}
    </div>`);
    const pills = [...wrapper.querySelectorAll<ChatStatusPill>('chat-status-pill')];
    await Promise.all(pills.map((p) => p.updateComplete));
    const styleOf = () => Object.fromEntries(pills.map((p, i) => [states[i], getComputedStyle(part(p, 'pill')).borderTopStyle]));
    const expected = { blocked: 'solid', blocking: 'dashed', unblocking: 'dashed', unblocked: 'dotted', unconfirmed: 'dashed', error: 'double' };
    expect(styleOf()).to.deep.equal(expected);
    // Unconfirmed and "Blocking…" share a dash; unconfirmed's is drawn (and wider in forced colors).
    const unsure = getComputedStyle(part(pills[4], 'pill'));
    expect(paint(unsure.borderTopColor)).to.deep.equal(paint(unsure.color));

    if (await tryForcedColors()) {
      await frame();
      expect(styleOf(), 'in forced colors').to.deep.equal(expected);
      const canvasColor = paint(systemColor('Canvas'));
      for (const p of pills) {
        const s = getComputedStyle(part(p, 'pill'));
        expect(parseFloat(s.borderTopWidth)).to.be.at.least(2);
        expect(contrast(paint(s.borderTopColor), canvasColor), 'border visible on Canvas').to.be.at.least(3);
      }
    } else {
      // This runner cannot emulate forced colors: check the forced-colors rule itself.
      const rules = pills[0].shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
      const forced = rules.find((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors: active') && (r.cssText.includes("[part~='pill']") || r.cssText.includes('[part~="pill"]')));
      expect(forced, 'a forced-colors rule for the pill').to.not.equal(undefined);
      expect(forced!.cssText).to.match(/border-color: canvastext/i);
      expect(forced!.cssText).to.match(/border-width: [2-9]px/);
    }
  });

  it('forced colors: rings are Highlight, the dots stay visible', async function () {
    if (!(await tryForcedColors())) {
      // This runner cannot emulate forced colors (with the emulate-forced-colors command it
      // can; see tryForcedColors): check the forced-colors rules themselves.
      // Opened once: the popup's rules and the token sheet are added on the first open.
      const menu = await menuFixture(store);
      await openWithKeys(menu);
      const rules = menu.shadowRoot!.adoptedStyleSheets.flatMap((s) => [...s.cssRules]);
      const forced = rules
        .filter((r) => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors: active'))
        .map((r) => r.cssText)
        .join('\n');
      expect(forced).to.match(/--_chat-focus-ring: Highlight/i);
      expect(forced).to.match(/--_chat-surface-focus-ring: Highlight/i);
      expect(forced).to.match(/trigger['"]?\]:focus-visible \{[^}]*outline-color: highlight/i);
      expect(forced).to.match(/::before \{[^}]*color: buttontext/i);
      return;
    }
    const menu = await menuFixture(store);
    await openWithKeys(menu);
    expect(ringOf(focused()!), 'the item ring').to.equal(systemColor('Highlight'));
    await press('Escape');
    await until(() => !isShown(menu));
    expectSame(focused(), part(menu, 'trigger'));
    expect(ringOf(part(menu, 'trigger')), 'the trigger ring').to.equal(systemColor('Highlight'));
    const dots = getComputedStyle(part(menu, 'trigger'), '::before');
    expect(dots.backgroundImage).to.contain('radial-gradient');
    expect(contrast(paint(dots.color), paint(systemColor('Canvas')))).to.be.at.least(3);
  });
});
