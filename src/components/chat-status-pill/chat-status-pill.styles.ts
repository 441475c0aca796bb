import { css } from 'lit';
import { fontFamily, pageFocusRing } from '../../internal/tokens.styles.js';

/**
 * One sheet, reading the public tokens it needs directly (as the closed menu's does), not the
 * token sheet: a list of a thousand pills, most hidden, then computes no private tokens for
 * each (bench/README.md: 1,000 rows' time).
 */
export const styles = css`
  /* Hidden while active: most pills of a long list show nothing. */
  :host {
    display: none;
    vertical-align: middle;
    color-scheme: var(--chat-color-scheme);
    font: 600 0.75rem/1.2 ${fontFamily};
  }
  /* Before the element is defined (server-rendered HTML), the attributes say what shows. */
  :host(:state(visible)),
  :host([announce]),
  :host(:not(:defined)[blocked]),
  :host(:not(:defined)[status]:not([status='active'])) {
    display: inline-flex;
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * Each status has its own border style as well as its own words and colors, so the
   * states stay apart where colors are not (forced colors; the border is transparent
   * otherwise): solid blocked, dashed while a request runs, dotted unblocked, double error;
   * unconfirmed has a visible dashed border in its own color.
   */
  [part~='pill'] {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    padding: 0.2em 0.6em;
    border: 1px dashed transparent;
    border-radius: 999px;
    white-space: nowrap;
    color: var(--chat-pill-color, light-dark(#3f4650, #d5dae1));
    background: var(--chat-pill-background, light-dark(#eceff3, #2b3038));
  }
  :host(:state(blocked)) [part~='pill'],
  :host(:not(:defined)[blocked]) [part~='pill'],
  :host(:not(:defined)[status='blocked']) [part~='pill'] {
    border-style: solid;
    color: var(--chat-pill-blocked-color, light-dark(#9b1c1c, #fecaca));
    background: var(--chat-pill-blocked-background, light-dark(#fde8e8, #5b1a1a));
  }
  :host(:state(unblocked)) [part~='pill'] {
    border-style: dotted;
    color: var(--chat-pill-unblocked-color, light-dark(#0b6b3a, #bbf7d0));
    background: var(--chat-pill-unblocked-background, light-dark(#def7ec, #14532d));
  }
  :host(:state(unconfirmed)) [part~='pill'] {
    border-color: currentColor;
    color: var(--chat-pill-unconfirmed-color, light-dark(#6b4e00, #fde68a));
    background: var(--chat-pill-unconfirmed-background, light-dark(#fdf6dc, #4a3b07));
  }
  :host(:state(error)) [part~='pill'] {
    border-style: double;
    color: var(--chat-pill-error-color, light-dark(#8a3b00, #fed7aa));
    background: var(--chat-pill-error-background, light-dark(#fff1e0, #5a2e0c));
  }
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
  }
  /* 1px offset: the ring stays on the pill's own background, inside its padding. */
  button:focus-visible {
    outline: 2px solid ${pageFocusRing};
    outline-offset: 1px;
  }
  /* Focus lands on the pill itself when its Retry goes away mid-request. */
  [part~='pill']:focus-visible {
    outline: 2px solid ${pageFocusRing};
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    button:focus-visible,
    [part~='pill']:focus-visible {
      outline-color: Highlight;
    }
    [part~='pill'] {
      border-width: 2px;
      border-color: CanvasText;
    }
    :host(:state(error)) [part~='pill'] {
      border-width: 4px;
    }
    :host(:state(unconfirmed)) [part~='pill'] {
      border-width: 3px;
    }
  }
`;
