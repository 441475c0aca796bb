import { withPage } from '../browser.js';
import { median } from '../stats.js';
import { format } from '../table.js';
import { pageUrl, rowsLabel } from './variants.js';

/** Everything a leak would show up in: JS heap after GC and three listener counts. */
async function snapshot(page, probe) {
  const heap = await probe.heapObjectsAfterGc();
  const { jsEventListeners } = await probe.domCounters();
  return {
    heap,
    domListeners: jsEventListeners,
    globalListeners: await probe.globalListeners(),
    storeListeners: await page.evaluate(() => window.bench.storeListeners()),
  };
}

/**
 * Leaks: with the small row count on the page, open and close one menu many
 * times, then block and unblock one customer many times (menu → dialog →
 * confirm, the backend answering at once). The start is taken after a
 * warm-up of as many cycles, so the lazily rendered popup and dialog (kept on
 * purpose) and the browser's own bounded caches, which these cycles fill up
 * (V8's number-to-string cache, the performance timeline's layout-shift
 * entries, Blink's weak tables), are not counted as growth: a leak grows with
 * every cycle, before the start and after it. The heap is counted from
 * snapshots without compiled code (see Probe.heapObjectsAfterGc). Then the
 * rows are removed: every store subscription must go with them.
 */
export async function leaksCase({ browser, origin, config, table, log }) {
  const { openClose, blockUnblock } = config.leakCycles;
  const runs = config.quick ? 1 : 2;
  const results = [];
  for (let run = 0; run < runs; run++) {
    results.push(
      await withPage(browser, pageUrl(origin, 'lib'), async (page, probe) => {
        await page.evaluate((n) => window.bench.render(n), config.rows.small);
        // Warm-up: as many cycles (a tenth left the browser's caches filling during the count).
        await page.evaluate(async (oc, bu) => {
          await window.bench.cycleOpenClose(1, oc);
          await window.bench.cycleBlock(1, bu);
        }, openClose, blockUnblock);
        const start = await snapshot(page, probe);
        await page.evaluate((n) => window.bench.cycleOpenClose(1, n), openClose);
        await page.evaluate((n) => window.bench.cycleBlock(1, n), blockUnblock);
        const end = await snapshot(page, probe);
        await page.evaluate(() => window.bench.clear());
        const cleared = await snapshot(page, probe);
        return { start, end, cleared };
      }),
    );
    log(`leaks: run ${run + 1}/${runs} done`);
  }

  const m = (fn) => median(results.map(fn));
  const group = `leaks, ${openClose} open/close + ${blockUnblock} block/unblock`;
  // Checked as growth in percent, so quick mode's 25 % slack means 6.25 %, not 31 %.
  const growth = m((r) => (r.end.heap / r.start.heap - 1) * 100);
  table.add({
    group,
    measure: 'JS heap growth (objects, not code)',
    value: `${growth.toFixed(1)} %`,
    ratio: `${format.mb(m((r) => r.start.heap))} → ${format.mb(m((r) => r.end.heap))}`,
    checked: growth,
    budget: { max: 5, unit: ' %' },
  });
  // Listener counts: the worst run, since any growth at all is a leak.
  const worst = (fn) => Math.max(...results.map(fn));
  for (const [key, label] of [
    ['storeListeners', 'store listeners added'],
    ['domListeners', 'DOM event listeners added'],
    ['globalListeners', 'window/document listeners added'],
  ]) {
    const added = worst((r) => r.end[key] - r.start[key]);
    table.add({ group, measure: label, value: format.int(added), checked: added, budget: { max: 0 } });
  }
  const left = worst((r) => r.cleared.storeListeners);
  table.add({ group: `leaks, ${rowsLabel(config.rows.small)} removed`, measure: 'store listeners left', value: format.int(left), checked: left, budget: { max: 0 } });
}
