import { withPage } from '../browser.js';
import { rotate, Samples } from '../stats.js';
import { format } from '../table.js';
import { pageUrl, rowsLabel, VARIANTS } from './variants.js';

/**
 * Render: n conversation rows, each a status pill and a closed header menu
 * (a tenth blocked), built into a page that has loaded its code and nothing
 * else. Time from the first createElement to the first frame painted after
 * every element rendered; JS heap the rows added (after full GCs); DOM nodes
 * including shadow roots. One fresh page per sample, variants in rotating order.
 */
export async function renderCase({ browser, origin, config, table, variants, log }) {
  const samples = new Samples();
  const counts = Object.values(config.rows);
  const { base, large } = config.rows;
  const variantsFor = (n) => variants.filter((v) => v !== 'shoelace' || config.shoelaceRows.includes(n));
  /**
   * One run's samples at `n` rows: the light variants in rotating order, next to each other so
   * that a pair of samples is seconds apart, then Shoelace (seconds a sample). At the base count
   * the light ones are taken `config.basePairs` times a run: the budgets' time ratios then rest
   * on that many pairs per run (CI's quick mode has three runs only).
   */
  const sampleOrder = (n, run) => {
    const light = variantsFor(n).filter((v) => v !== 'shoelace');
    const rounds = n === base ? config.basePairs : 1;
    const order = Array.from({ length: rounds }, (_, k) => rotate(light, run + k)).flat();
    return variantsFor(n).includes('shoelace') ? [...order, 'shoelace'] : order;
  };

  for (let run = 0; run < config.runs; run++) {
    for (const n of counts) {
      for (const variant of sampleOrder(n, run)) {
        const { ms, heap, nodes } = await withPage(browser, pageUrl(origin, variant), async (page, probe) => {
          const before = await probe.heapAfterGc();
          const { ms, nodes } = await page.evaluate((n) => window.bench.render(n), n);
          return { ms, nodes, heap: (await probe.heapAfterGc()) - before };
        });
        samples.add(`${variant}:${n}:ms`, ms);
        samples.add(`${variant}:${n}:heap`, heap);
        samples.add(`${variant}:${n}:nodes`, nodes);
      }
    }
    log(`render: run ${run + 1}/${config.runs} done`);
  }

  const m = (variant, n, what) => samples.median(`${variant}:${n}:${what}`);
  for (const n of counts) {
    const group = `render ${rowsLabel(n)}`;
    for (const [what, fmt] of [['ms', format.ms], ['heap', format.mb], ['nodes', format.int]]) {
      const label = { ms: 'time', heap: 'JS heap', nodes: 'DOM nodes' }[what];
      for (const variant of variantsFor(n)) {
        const value = m(variant, n, what);
        // Time moves with whatever else runs on the machine: its ratio pairs the samples of each
        // run (see Samples.pairedRatio). Heap and nodes hold still; theirs is of the medians, as
        // is Shoelace's time (one sample a run, against the light variants' basePairs).
        const paired = what === 'ms' && variant !== 'lit' && variant !== 'shoelace';
        const vsLit = paired ? samples.pairedRatio(`${variant}:${n}:ms`, `lit:${n}:ms`) : value / m('lit', n, what);
        const row = { group, measure: `${label}: ${VARIANTS[variant]}`, value: fmt(value) };
        if (variant !== 'lit') row.ratio = format.ratio(vsLit, 'trivial Lit');
        // Issue 18's budgets, on the 1,000-row figures (the base count): a row of pill + closed
        // menu costs at most 1.1× the trivial Lit row's time, 1.25× its heap, and no more DOM nodes.
        const limit = { ms: 1.1, heap: 1.25, nodes: 1.0 }[what];
        if (variant === 'lib' && n === base) Object.assign(row, { checked: vsLit, budget: { max: limit, unit: '×' } });
        table.add(row);
      }
      if (what === 'ms' && variants.includes('lib') && variantsFor(n).includes('shoelace')) {
        // Shoelace's cost depends on the widgets composed, so the budget is relative: the
        // library's speed-up over Shoelace at least 0.9× the trivial Lit row's, in the same run.
        // Shoelace has one sample a run, the light variants may have more: its speed-ups are
        // ratios of medians, shown only.
        const lib = m('shoelace', n, 'ms') / m('lib', n, 'ms');
        const lit = m('shoelace', n, 'ms') / m('lit', n, 'ms');
        // Shoelace's time cancels out: (S/library) / (S/trivial Lit) is trivial Lit over library, paired by run.
        const ofLit = samples.pairedRatio(`lit:${n}:ms`, `lib:${n}:ms`);
        table.add({ group, measure: 'time: trivial Lit vs Shoelace', value: `${lit.toFixed(1)}× faster` });
        const row = { group, measure: 'time: library vs Shoelace', value: `${lib.toFixed(1)}× faster`, ratio: format.ratio(ofLit, "trivial Lit's speed-up") };
        if (n === base) Object.assign(row, { checked: ofLit, budget: { min: 0.9, unit: '×' } });
        table.add(row);
      }
    }
  }

  // Per-row cost must stay flat as rows grow: time per row at the large count over time per row at the base count.
  const group = `per-row ${rowsLabel(large)} / ${rowsLabel(base)}`;
  for (const variant of variantsFor(large)) {
    const flat = (m(variant, large, 'ms') / large) / (m(variant, base, 'ms') / base);
    const row = { group, measure: `time per row: ${VARIANTS[variant]}`, value: `${format.ms((m(variant, large, 'ms') / large) * 1000)} /1k rows`, ratio: format.ratio(flat, `at ${base}`) };
    if (variant === 'lib') Object.assign(row, { checked: flat, budget: { max: 1.1, unit: '×' } });
    table.add(row);
  }
  // For the chart (--plot): the median time of every variant at every row count it rendered.
  return Object.fromEntries(variants.map((v) => [VARIANTS[v], counts.filter((n) => variantsFor(n).includes(v)).map((n) => [n, m(v, n, 'ms')])]));
}
