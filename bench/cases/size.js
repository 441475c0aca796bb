import { format } from '../table.js';

/**
 * Size: the library bundled and minified like any production build, gzip -9,
 * against the floor (Lit + floating-ui alone) and the same widgets from Shoelace.
 */
export function sizeCase({ sizes, table }) {
  const gz = (name) => sizes[name]?.gzip;
  const group = 'size (min+gzip)';
  table.add({ group, measure: 'floor: Lit + floating-ui', value: format.kb(gz('floor')) });
  table.add({ group, measure: 'Shoelace widgets (7)', value: format.kb(gz('shoelace')), ratio: format.ratio(gz('shoelace') / gz('floor'), 'floor') });
  if (!sizes.library) return;
  table.add({ group, measure: 'CDN file (define.ts + Lit)', value: format.kb(gz('cdn')), ratio: format.ratio(gz('cdn') / gz('floor'), 'floor') });
  const vsFloor = gz('library') / gz('floor');
  const vsShoelace = gz('library') / gz('shoelace');
  table.add({ group, measure: 'whole library', value: format.kb(gz('library')), ratio: format.ratio(vsFloor, 'floor'), checked: vsFloor, budget: { max: 1.3, unit: '×' } });
  table.add({ group, measure: 'whole library', value: format.kb(gz('library')), ratio: format.ratio(vsShoelace, 'Shoelace'), checked: vsShoelace, budget: { max: 0.45, unit: '×' } });
}
