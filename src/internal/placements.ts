import type { Placement } from '@floating-ui/dom';

/** Every floating-ui placement; its own module, so checking one does not load floating-ui. */
export const PLACEMENTS: readonly Placement[] = [
  'top', 'top-start', 'top-end', 'right', 'right-start', 'right-end',
  'bottom', 'bottom-start', 'bottom-end', 'left', 'left-start', 'left-end',
];
