import { css } from 'lit';
import { tokens } from '../../internal/tokens.styles.js';

/**
 * What the list's box needs before its view has loaded (the view's own rules come with it,
 * see blocked-list-view.styles.ts): its display, font, colors and border, so the box does
 * not change when the rows arrive.
 */
export const styles = [
  tokens,
  css`
    :host {
      display: block;
      font: 0.875rem/1.35 var(--_chat-font);
      color: var(--_chat-text);
      background: var(--_chat-surface);
      border: 1px solid var(--_chat-border);
      border-radius: var(--_chat-radius);
      overflow: hidden;
    }
    :host([hidden]) {
      display: none;
    }
  `,
];
