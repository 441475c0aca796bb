import { format } from '../table.js';

/** Issue 18: a list page's first load (pill + closed menus, each from its own entry) ≤ 1.35 × the floor. */
export const LIST_PAGE_BUDGET = { max: 1.35, unit: '×' };

/**
 * Size: the library built like dist/cdn, minified, gzip -9, against the floor (Lit +
 * floating-ui alone), Lit alone, and the same widgets from Shoelace.
 * - a list page's first load: `chat-block-elements/elements/chat-status-pill.js` and
 *   `…/chat-header-menu.js` bundled as a host does (bench/size/list-page.js, built like the
 *   floor), before anything is opened: the entry and what it imports statically (budget);
 *   then the same page from dist/cdn/elements/ as it ships (one build of every tag's file);
 * - define.js's first load (every tag), and every file of it (the whole library) against the
 *   floor and the Shoelace widgets: no budget (issue 18 retired issue 10's);
 * - each file of both builds, and when it loads.
 */
export function sizeCase({ sizes, table }) {
  const gz = (name) => sizes[name]?.gzip;
  const group = 'size (min+gzip)';
  const floor = gz('floor');
  table.add({ group, measure: 'floor: Lit + floating-ui', value: format.kb(floor) });
  table.add({ group, measure: 'Lit alone', value: format.kb(gz('lit')), ratio: format.ratio(gz('lit') / floor, 'floor') });
  table.add({ group, measure: 'Shoelace widgets (7)', value: format.kb(gz('shoelace')), ratio: format.ratio(gz('shoelace') / floor, 'floor') });
  const { cdn, list, cdnList } = sizes;
  if (!cdn) return;
  const firstOf = (build) => build.firstLoad.gzip;
  table.add({
    group,
    measure: 'first load, list page (pill + menu entries, nothing opened)',
    value: format.kb(firstOf(list)),
    ratio: format.ratio(firstOf(list) / floor, 'floor'),
    checked: firstOf(list) / floor,
    budget: LIST_PAGE_BUDGET,
  });
  table.add({ group, measure: 'first load, list page (pill + menu entries, nothing opened)', value: format.kb(firstOf(list)), ratio: format.ratio(firstOf(list) / gz('lit'), 'Lit alone') });
  table.add({
    group,
    measure: `first load, list page from dist/cdn/elements (${cdnList.firstLoad.files} files)`,
    value: format.kb(firstOf(cdnList)),
    ratio: format.ratio(firstOf(cdnList) / floor, 'floor'),
  });
  table.add({ group, measure: 'first load, define.js (every tag, nothing opened)', value: format.kb(firstOf(cdn)), ratio: format.ratio(firstOf(cdn) / floor, 'floor') });
  table.add({ group, measure: `whole library (define.js), all ${cdn.chunks.length} files`, value: format.kb(cdn.gzip), ratio: format.ratio(cdn.gzip / floor, 'floor') });
  table.add({ group, measure: `whole library (define.js), all ${cdn.chunks.length} files`, value: format.kb(cdn.gzip), ratio: format.ratio(cdn.gzip / gz('shoelace'), 'Shoelace') });
  const perFile = (build, what, entryName) => {
    for (const chunk of build.chunks) {
      const name = chunk.file === 'bundle.js' ? entryName : chunk.file.replace(/-[\w-]{8}\.js$/, '.js');
      table.add({
        group: `size per file, ${what} (min+gzip)`,
        measure: `${name}: ${chunk.firstLoad ? 'first load' : 'on first use'}`,
        value: format.kb(chunk.gzip),
        ratio: `${format.kb(chunk.min)} min`,
      });
    }
  };
  perFile(list, 'list page', 'list page (entry)');
  perFile(cdn, 'define.js', 'chat-block-elements.js (entry)');
}
