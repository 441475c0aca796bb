import { autoUpdate, computePosition, flip, offset, shift, size, type Placement } from '@floating-ui/dom';

const EDGE = 8;

/**
 * Keeps a top-layer `popup` next to `anchor` while either moves, flipping and
 * shifting to stay in the viewport and capping its size to the room left.
 * Returns the cleanup that stops watching.
 */
export function anchorPopup(anchor: Element, popup: HTMLElement, placement: Placement): () => void {
  const place = () =>
    computePosition(anchor, popup, {
      placement,
      strategy: 'fixed',
      middleware: [
        offset(4),
        flip({ padding: EDGE }),
        shift({ padding: EDGE }),
        size({
          padding: EDGE,
          apply({ availableWidth, availableHeight }) {
            popup.style.maxWidth = `${Math.max(0, availableWidth)}px`;
            popup.style.maxHeight = `${Math.max(0, availableHeight)}px`;
          },
        }),
      ],
    }).then(({ x, y, placement: final }) => {
      popup.style.left = `${x}px`;
      popup.style.top = `${y}px`;
      popup.dataset.placement = final;
    });
  return autoUpdate(anchor, popup, place);
}
