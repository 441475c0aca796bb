/**
 * What every bench page shares. A page module describes its variant (how to
 * build a row, where its trigger, popup and pill are, how a block starts) and
 * calls `install(variant)`; the measuring code below is then the same for all
 * variants, so differences in the figures come from the widgets alone.
 */

export const customerId = (i) => `+9199${String(i).padStart(8, '0')}`;
export const customerName = (i) => `Customer ${i}`;
/** A tenth of the rows are blocked. */
export const isBlocked = (i) => i % 10 === 0;

/** Resolves in a task that runs after the next frame has been rendered and painted. */
export function afterNextFrame() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      // A message posted from a rAF callback is delivered after that frame's paint.
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => resolve();
      port2.postMessage(0);
    }),
  );
}

/**
 * The time of the first painted frame in which `predicate()` holds. It is read
 * after the frame, so whatever the widget does in its own rAF callbacks counts.
 */
export async function paintedWhen(predicate, maxFrames = 300) {
  for (let i = 0; i < maxFrames; i++) {
    await afterNextFrame();
    if (predicate()) return performance.now();
  }
  throw new Error(`condition not painted within ${maxFrames} frames: ${predicate}`);
}

function* customElementsIn(root) {
  for (const el of root.querySelectorAll('*')) {
    if (el.localName.includes('-')) yield el;
    if (el.shadowRoot) yield* customElementsIn(el.shadowRoot);
  }
}

/**
 * Resolves once every Lit element under `root`, shadow roots included, has
 * rendered and has no update pending; `whenReady(el)` can add a wait of the
 * variant's own (a promise) or return null.
 */
export async function settled(root, whenReady = () => null) {
  for (let pass = 0; pass < 100; pass++) {
    const waits = [];
    for (const el of customElementsIn(root)) {
      if (!('updateComplete' in el)) continue;
      if (el.isUpdatePending || !el.hasUpdated) waits.push(el.updateComplete);
      else {
        const extra = whenReady(el);
        if (extra) waits.push(extra);
      }
    }
    if (waits.length === 0) return;
    await Promise.all(waits);
  }
  throw new Error('elements kept updating');
}

/**
 * Returns at `ms` after the end of a frame, busy-waiting so the moment is exact.
 * Timed actions start at a given phase of the frame, the same phases for every
 * variant: where in the frame an action lands decides most of its latency.
 */
export async function atPhase(ms) {
  await afterNextFrame();
  const start = performance.now();
  while (performance.now() - start < ms);
}

/** Every node under `root`, the nodes of shadow roots included. */
export function countNodes(root) {
  let n = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    n++;
    if (node.shadowRoot) n += countNodes(node.shadowRoot);
  }
  return n;
}

/** A popup counts as shown when it is visible and placed next to its trigger (not where the UA put it). */
export function shownBeside(popup, trigger) {
  if (!popup?.isConnected || !popup.checkVisibility()) return false;
  const p = popup.getBoundingClientRect();
  const t = trigger.getBoundingClientRect();
  const gapX = Math.max(p.left - t.right, t.left - p.right, 0);
  const gapY = Math.max(p.top - t.bottom, t.top - p.bottom, 0);
  return p.width > 0 && p.height > 0 && gapX <= 24 && gapY <= 24;
}

/** A promise with its resolve function outside, standing in for the backend's answer. */
export function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Puts `window.bench` on the page. The variant provides:
 * - `row(i)`: a row element for customer i;
 * - `whenReady?(el)`: an extra wait for an element to count as rendered;
 * - `trigger(row)`, `popup(row)`: the menu button and its popup (null while not rendered);
 * - `pillText(row)`: the status text shown now;
 * - `startBlock(row)`: starts blocking; resolves when the backend has been called;
 * - `answerBackend()`: resolves the backend call that is pending;
 * - `extra?`: variant-only tools (the library's leak cycles).
 */
/** The conversation row both Lit pages share: a pill, the name, a menu, bound to customer i. */
export function conversationRow(i, pillTag, menuTag) {
  const row = document.createElement('div');
  row.className = 'row';
  const pill = document.createElement(pillTag);
  const menu = document.createElement(menuTag);
  for (const el of [pill, menu]) {
    el.setAttribute('customer', customerId(i));
    if (isBlocked(i)) el.setAttribute('blocked', '');
  }
  menu.setAttribute('customer-name', customerName(i));
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = customerName(i);
  row.append(pill, name, menu);
  return row;
}

export function install(variant) {
  const container = document.getElementById('rows');
  const rowAt = (i) => container.children[i];
  let armed = null;

  window.bench = {
    ready: true,
    async render(n) {
      const t0 = performance.now();
      const fragment = document.createDocumentFragment();
      for (let i = 0; i < n; i++) fragment.append(variant.row(i));
      container.append(fragment);
      await settled(container, variant.whenReady);
      const t1 = await paintedWhen(() => true);
      return { ms: t1 - t0, nodes: countNodes(container) };
    },
    clear() {
      container.replaceChildren();
    },
    /** Starts listening for the press on row i's trigger; `opened()` then gives press → popup painted. */
    arm(i) {
      const row = rowAt(i);
      armed = new Promise((resolve, reject) => {
        addEventListener(
          'pointerdown',
          () => {
            const t0 = performance.now();
            paintedWhen(() => shownBeside(variant.popup(row), variant.trigger(row))).then((t1) => resolve(t1 - t0), reject);
          },
          { capture: true, once: true },
        );
      });
    },
    opened: () => armed,
    closed: (i) => paintedWhen(() => !variant.popup(rowAt(i))?.checkVisibility()),
    startBlock: (i) => variant.startBlock(rowAt(i)),
    /** The point to press on row i's trigger, scrolled into view first. */
    triggerPoint(i) {
      const trigger = variant.trigger(rowAt(i));
      trigger.scrollIntoView({ block: 'center' });
      const r = trigger.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    frame: afterNextFrame,
    /** At `phase` ms into a frame, answers the pending backend call; resolves the time from the answer to the pill painted as blocked. */
    async finishBlock(i, phase = 0) {
      const row = rowAt(i);
      await atPhase(phase);
      const t0 = performance.now();
      variant.answerBackend();
      const t1 = await paintedWhen(() => variant.pillText(row) === 'Blocked');
      return t1 - t0;
    },
    ...variant.extra,
  };
}
