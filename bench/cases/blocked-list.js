import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { withPage } from '../browser.js';
import { Samples } from '../stats.js';
import { format } from '../table.js';
import { COMMON, OUT } from '../build.js';

const BENCH = dirname(dirname(fileURLToPath(import.meta.url)));
const ROOT = dirname(BENCH);
const ENTRIES = 5000;
const QUERY = 'customer 49'; // 111 of 5,000: Customer 49, 490–499, 4900–4999

// The page: the library as a host would load it, and a 5,000-entry list built on demand.
const PAGE_JS = `
import { BlockStore } from ${JSON.stringify(join(ROOT, 'src/index.ts'))};
import ${JSON.stringify(join(ROOT, 'src/define.ts'))};
import { afterNextFrame, countNodes } from ${JSON.stringify(join(BENCH, 'pages/harness.js'))};

let list = null;
const settle = async () => {
  while (list.isUpdatePending) await list.updateComplete;
  await afterNextFrame();
};
window.bench = {
  ready: true,
  /** First render: from createElement until the list has rendered and the next frame has painted. */
  async render(n) {
    const items = Array.from({ length: n }, (_, i) => ({
      id: '+9199' + String(i).padStart(8, '0'),
      name: 'Customer ' + i,
      by: 'Agent ' + (i % 7),
      at: new Date(Date.UTC(2026, 10, 1) + i * 60000).toISOString(),
      reason: i % 3 ? 'Spam' : null,
    }));
    const start = performance.now();
    list = document.createElement('chat-blocked-list');
    list.store = new BlockStore();
    list.items = items;
    document.getElementById('rows').append(list);
    await settle();
    const ms = performance.now() - start;
    return { ms, rows: list.shadowRoot.querySelectorAll('[role="row"][part~="row"]').length, nodes: countNodes(list) };
  },
  /** A search typed into the box (its input event) until the result has painted. */
  async search(query) {
    const input = list.shadowRoot.querySelector('[part~="search"]');
    const start = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle();
    return { ms: performance.now() - start, shown: list.rowCount.shown };
  },
  /** Ctrl+End's work: the last row focused (rendered, scrolled to, painted). */
  async toLast() {
    const cell = list.shadowRoot.querySelector('[role="row"][part~="row"] [data-col="1"]');
    cell.focus();
    const start = performance.now();
    cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', ctrlKey: true, bubbles: true, composed: true }));
    await settle();
    await settle();
    const row = list.shadowRoot.activeElement?.closest('[role="row"]');
    return { ms: performance.now() - start, rowindex: row?.getAttribute('aria-rowindex') };
  },
};
`;

const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench: blocked list</title>
<style>body { margin: 0; font: 14px system-ui, sans-serif; } #rows { padding: 12px; }</style></head>
<body><main id="rows"></main><script type="module" src="./blocked-list.js"></script></body></html>
`;

/** Builds the page next to the others (bench/.out/pages), bundled like them. */
async function buildPage() {
  const dir = join(OUT, 'pages');
  await mkdir(dir, { recursive: true });
  const entry = join(OUT, 'blocked-list.entry.js');
  await writeFile(entry, PAGE_JS);
  await build({
    ...COMMON,
    entryPoints: { 'blocked-list': entry },
    outdir: dir,
  });
  await writeFile(join(dir, 'blocked-list.html'), PAGE_HTML);
}

/**
 * `<chat-blocked-list>` with 5,000 entries (issue 9, item 6): the first render
 * (createElement → painted), a search over the 5,000 and clearing it, and Ctrl+End
 * to the last row; with the DOM it keeps (rows in the DOM, nodes in its shadow root).
 * One fresh page per run. Shown, not judged: the issue sets no budget for it.
 */
export async function blockedListCase({ browser, origin, config, table, log }) {
  await buildPage();
  const samples = new Samples();
  for (let run = 0; run < config.runs; run++) {
    await withPage(browser, `${origin}/blocked-list.html`, async (page, probe) => {
      const before = await probe.heapAfterGc();
      const first = await page.evaluate((n) => window.bench.render(n), ENTRIES);
      samples.add('heap', (await probe.heapAfterGc()) - before);
      samples.add('render', first.ms);
      samples.add('rows', first.rows);
      samples.add('nodes', first.nodes);
      const found = await page.evaluate((q) => window.bench.search(q), QUERY);
      samples.add('search', found.ms);
      samples.add('shown', found.shown);
      const cleared = await page.evaluate(() => window.bench.search(''));
      samples.add('clear', cleared.ms);
      const last = await page.evaluate(() => window.bench.toLast());
      if (last.rowindex !== String(ENTRIES + 1)) throw new Error(`Ctrl+End focused row ${last.rowindex}, not ${ENTRIES + 1}`);
      samples.add('last', last.ms);
    });
    log(`blocked list: run ${run + 1}/${config.runs} done`);
  }
  const group = `blocked list, ${ENTRIES.toLocaleString('en-US')} entries`;
  table.add({ group, measure: 'first render → painted', value: format.ms(samples.median('render')) });
  table.add({ group, measure: `search "${QUERY}" (${format.int(samples.median('shown'))} shown) → painted`, value: format.ms(samples.median('search')) });
  table.add({ group, measure: 'clear the search (all shown) → painted', value: format.ms(samples.median('clear')) });
  table.add({ group, measure: 'Ctrl+End → last row focused, painted', value: format.ms(samples.median('last')) });
  table.add({ group, measure: 'rows in the DOM', value: format.int(samples.median('rows')) });
  table.add({ group, measure: 'DOM nodes (shadow root included)', value: format.int(samples.median('nodes')) });
  table.add({ group, measure: 'JS heap', value: format.mb(samples.median('heap')) });
}
