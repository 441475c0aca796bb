import { css } from 'lit';
import { fontFamily, hoverColor, pageFocusRing, surfaceBox, tokens } from '../../internal/tokens.styles.js';

/**
 * A closed menu's styles: the trigger alone, reading the public tokens directly. A list of
 * a thousand closed menus restyles these few rules, not the token sheet and the popup's.
 */
export const styles = css`
  :host {
    display: inline-block;
    color-scheme: var(--chat-color-scheme);
  }
  [part~='trigger'] {
    width: var(--chat-trigger-size, 2.25rem);
    height: var(--chat-trigger-size, 2.25rem);
    padding: 0;
    border: 0;
    border-radius: 50%;
    color: inherit;
    background: none;
    cursor: pointer;
  }
  /*
   * The dots are their own box, a gradient in the button's text color: ::part(trigger) { background }
   * keeps them. In the flow and unmasked, so a closed menu adds no layer to paint.
   */
  [part~='trigger']::before {
    content: '';
    display: block;
    width: 6px;
    height: 20px;
    margin: auto;
    background: radial-gradient(circle, currentColor 0 2px, transparent 2.5px) 0 0 / 6px 7px repeat-y;
  }
  [part~='trigger']:hover,
  :host([open]) [part~='trigger'] {
    background-color: ${hoverColor};
  }
  [part~='trigger']:focus-visible {
    outline: 2px solid ${pageFocusRing};
    outline-offset: 2px;
  }
  [part~='trigger']:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  @media (forced-colors: active) {
    [part~='trigger']:focus-visible {
      outline-color: Highlight;
    }
    /* Forced colors drop gradients: keep the dots', in the system's button text color. */
    [part~='trigger']::before {
      forced-color-adjust: none;
      color: ButtonText;
    }
    [part~='trigger']:disabled::before {
      color: GrayText;
    }
  }
`;

/**
 * The popup's styles and the token sheet, added to the shadow root on the first open
 * (the undo toast's come with the popup's module, popup.styles.ts).
 */
export const openedStyles = css`
  ${tokens}
  /* The popup's font; the trigger has no text. */
  :host {
    font: 0.9375rem/1.4 ${fontFamily};
  }
  [role='menu'] {
    position: fixed;
    inset: auto;
    margin: 0;
    box-sizing: border-box;
    min-width: var(--chat-menu-min-width, 12rem);
    overflow: auto;
    padding: 0.25rem;
    ${surfaceBox}
    border-radius: var(--_chat-radius);
    font: inherit;
  }
  :popover-open {
    animation: chat-in 0.1s ease-out;
  }
  @keyframes chat-in {
    from {
      opacity: 0;
      transform: scale(0.97);
    }
  }
  [role='separator'] {
    height: 1px;
    margin: 0.25rem 0.5rem;
    background: var(--_chat-border);
  }
  @media (prefers-reduced-motion: reduce) {
    :popover-open {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    [role='separator'] {
      background: CanvasText;
    }
  }
`;
