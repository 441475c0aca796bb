import { css } from 'lit';
import { tokens } from '../../internal/tokens.styles.js';

export const styles = [
  tokens,
  css`
    /* Hidden while active: most pills of a long list show nothing. */
    :host {
      display: none;
      vertical-align: middle;
      font: 600 0.75rem/1.2 var(--_chat-font);
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
     * otherwise): solid blocked, dashed while a request runs, dotted unblocked, double error.
     */
    span[part] {
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
    :host(:state(blocked)) span,
    :host(:not(:defined)[blocked]) span,
    :host(:not(:defined)[status='blocked']) span {
      border-style: solid;
      color: var(--chat-pill-blocked-color, light-dark(#9b1c1c, #fecaca));
      background: var(--chat-pill-blocked-background, light-dark(#fde8e8, #5b1a1a));
    }
    :host(:state(unblocked)) span {
      border-style: dotted;
      color: var(--chat-pill-unblocked-color, light-dark(#0b6b3a, #bbf7d0));
      background: var(--chat-pill-unblocked-background, light-dark(#def7ec, #14532d));
    }
    :host(:state(error)) span {
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
      outline: 2px solid var(--_chat-focus-ring);
      outline-offset: 1px;
    }
    /* Focus lands on the pill itself when its Retry goes away mid-request. */
    span[part]:focus-visible {
      outline: 2px solid var(--_chat-focus-ring);
      outline-offset: 2px;
    }
    @media (forced-colors: active) {
      span[part] {
        border-width: 2px;
        border-color: CanvasText;
      }
      :host(:state(error)) span {
        border-width: 4px;
      }
    }
  `,
];
