/**
 * Which rows of a long list to render: those in the scroller's viewport, plus
 * `overscan` rows either side so a fast scroll or an arrow key finds them ready.
 * Rows have one fixed height (measured from a rendered row), so the window is
 * arithmetic: no per-row measurement, whatever the list's length.
 */
export interface WindowInput {
  /** How many rows the list has. */
  count: number;
  /** Height of one row, in px. */
  rowHeight: number;
  /** The rows' scroll offset: the scroller's scrollTop minus whatever sits above the first row. */
  offset: number;
  /** The scroller's visible height, in px. */
  viewport: number;
  overscan?: number;
}

/** The window as `[start, end)` row indices. */
export function visibleWindow({ count, rowHeight, offset, viewport, overscan = 6 }: WindowInput): [number, number] {
  if (count <= 0) return [0, 0];
  const h = rowHeight > 0 ? rowHeight : 1;
  const first = Math.floor(Math.max(0, offset) / h);
  const last = Math.ceil((Math.max(0, offset) + Math.max(viewport, h)) / h);
  const start = Math.max(0, Math.min(first - overscan, count - 1));
  const end = Math.min(count, Math.max(last + overscan, start + 1));
  return [start, end];
}
