import { css } from 'lit';
import { tokens } from '../../internal/tokens.styles.js';

/** The trigger's and the popup's styles; the undo toast's come with the popup's module (popup.styles.ts). */
export const styles = [
  tokens,
  css`
    :host {
      display: inline-block;
      font: 0.9375rem/1.4 var(--_chat-font);
    }
    [part~='trigger'] {
      position: relative;
      width: var(--chat-trigger-size, 2.25rem);
      height: var(--chat-trigger-size, 2.25rem);
      padding: 0;
      border: 0;
      border-radius: 50%;
      color: inherit;
      background: none;
      cursor: pointer;
    }
    /* The dots are their own layer, masked out of currentColor: ::part(trigger) { background: … } keeps them. */
    [part~='trigger']::before {
      content: '';
      position: absolute;
      inset: 0;
      width: 6px;
      height: 21px;
      margin: auto;
      background: currentColor;
      mask: radial-gradient(circle, #000 0 2px, transparent 2.5px) 0 0 / 6px 7px repeat-y;
    }
    [part~='trigger']:hover,
    :host([open]) [part~='trigger'] {
      background-color: var(--_chat-hover);
    }
    [part~='trigger']:focus-visible {
      outline: 2px solid var(--_chat-focus-ring);
      outline-offset: 2px;
    }
    [part~='trigger']:disabled {
      cursor: not-allowed;
      opacity: 0.5;
    }
    [role='menu'] {
      position: fixed;
      inset: auto;
      margin: 0;
      box-sizing: border-box;
      min-width: var(--chat-menu-min-width, 12rem);
      overflow: auto;
      padding: 0.25rem;
      border: 1px solid var(--_chat-border);
      border-radius: var(--_chat-radius);
      color: var(--_chat-text);
      background: var(--_chat-surface);
      box-shadow: var(--_chat-shadow);
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
      /* Forced colors would paint the dots' layer Canvas: paint it in the system's button text color. */
      [part~='trigger']::before {
        forced-color-adjust: none;
        background: ButtonText;
      }
      [part~='trigger']:disabled::before {
        background: GrayText;
      }
      [role='separator'] {
        background: CanvasText;
      }
    }
  `,
];
