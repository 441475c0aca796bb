import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome, MISSING_CHROME_MESSAGE } from '../test/find-chrome.js';

const ARGS = [...CHROME_ARGS, '--js-flags=--expose-gc'];

/** Starts headless Chromium (CHROME_PATH or the usual install paths). */
export async function launchBrowser() {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(MISSING_CHROME_MESSAGE);
  return puppeteer.launch({ executablePath, headless: true, args: ARGS, defaultViewport: { width: 1024, height: 768 } });
}

/**
 * Runs `fn(page, probe)` on a fresh page in its own browser context, then
 * closes it. A context of its own means a renderer process of its own, so the
 * heap figures of one sample never include another page.
 */
export async function withPage(browser, url, fn) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.bench?.ready === true, { timeout: 10_000 });
    const probe = await Probe.attach(page);
    const result = await fn(page, probe);
    if (errors.length) throw new Error(`page error on ${url}: ${errors[0].stack ?? errors[0]}`);
    return result;
  } finally {
    await context.close();
  }
}

/** What the page cannot tell about itself: heap after a real GC, listener counts. Through CDP. */
export class Probe {
  static async attach(page) {
    return new Probe(await page.createCDPSession());
  }

  constructor(cdp) {
    this.cdp = cdp;
  }

  /** JS heap in use after full garbage collections (bytes). */
  async heapAfterGc() {
    // Twice: the first pass can leave objects that only the finalizers of the first freed.
    await this.cdp.send('HeapProfiler.collectGarbage');
    await this.cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await this.cdp.send('Runtime.getHeapUsage');
    return usedSize;
  }

  /**
   * Bytes held by JS objects after a GC, from a heap snapshot, leaving out
   * compiled code: the JIT keeps adding optimized code for a while as cycles
   * repeat, which grows the heap without being a leak.
   */
  async heapObjectsAfterGc() {
    const chunks = [];
    const onChunk = ({ chunk }) => chunks.push(chunk);
    this.cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    try {
      await this.cdp.send('HeapProfiler.collectGarbage');
      await this.cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    } finally {
      this.cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    }
    const { snapshot, nodes } = JSON.parse(chunks.join(''));
    const fields = snapshot.meta.node_fields;
    const typeAt = fields.indexOf('type');
    const sizeAt = fields.indexOf('self_size');
    const codeType = snapshot.meta.node_types[typeAt].indexOf('code');
    let bytes = 0;
    for (let i = 0; i < nodes.length; i += fields.length) {
      if (nodes[i + typeAt] !== codeType) bytes += nodes[i + sizeAt];
    }
    return bytes;
  }

  /** `{ nodes, jsEventListeners }` for the whole renderer (Blink's own counters). */
  async domCounters() {
    const { nodes, jsEventListeners } = await this.cdp.send('Memory.getDOMCounters');
    return { nodes, jsEventListeners };
  }

  /** Listeners registered on `window` plus `document` (where outside-click handlers go). */
  async globalListeners() {
    let total = 0;
    for (const expression of ['window', 'document']) {
      const { result } = await this.cdp.send('Runtime.evaluate', { expression });
      const { listeners } = await this.cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      total += listeners.length;
      await this.cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    }
    return total;
  }
}
