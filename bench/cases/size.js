import { format } from '../table.js';

/**
 * Size: the library built like dist/cdn (an entry and its chunks), minified, gzip -9,
 * against the floor (Lit + floating-ui alone), Lit alone, and the same widgets from Shoelace.
 * - first load: what a list page of pills and closed menus loads before anything is opened
 *   (the entry and what it imports statically), ≤ 1.0 × the floor;
 * - whole library: every chunk, ≤ 1.8 × the floor;
 * - then each chunk, and when it loads.
 */
export function sizeCase({ sizes, table }) {
  const gz = (name) => sizes[name]?.gzip;
  const group = 'size (min+gzip)';
  const floor = gz('floor');
  table.add({ group, measure: 'floor: Lit + floating-ui', value: format.kb(floor) });
  table.add({ group, measure: 'Lit alone', value: format.kb(gz('lit')), ratio: format.ratio(gz('lit') / floor, 'floor') });
  table.add({ group, measure: 'Shoelace widgets (7)', value: format.kb(gz('shoelace')), ratio: format.ratio(gz('shoelace') / floor, 'floor') });
  const cdn = sizes.cdn;
  if (!cdn) return;
  const first = cdn.firstLoad.gzip;
  table.add({ group, measure: 'first load (define.js, nothing opened)', value: format.kb(first), ratio: format.ratio(first / floor, 'floor'), checked: first / floor, budget: { max: 1.0, unit: '×' } });
  table.add({ group, measure: 'first load (define.js, nothing opened)', value: format.kb(first), ratio: format.ratio(first / gz('lit'), 'Lit alone') });
  table.add({ group, measure: `whole library, all ${cdn.chunks.length} files`, value: format.kb(cdn.gzip), ratio: format.ratio(cdn.gzip / floor, 'floor'), checked: cdn.gzip / floor, budget: { max: 1.8, unit: '×' } });
  table.add({ group, measure: `whole library, all ${cdn.chunks.length} files`, value: format.kb(cdn.gzip), ratio: format.ratio(cdn.gzip / gz('shoelace'), 'Shoelace') });
  for (const chunk of cdn.chunks) {
    const name = chunk.file === 'bundle.js' ? 'chat-block-elements.js (entry)' : chunk.file.replace(/-[\w-]{8}\.js$/, '.js');
    table.add({
      group: 'size per file (min+gzip)',
      measure: `${name}: ${chunk.firstLoad ? 'first load' : 'on first use'}`,
      value: format.kb(chunk.gzip),
      ratio: `${format.kb(chunk.min)} min`,
    });
  }
}
