import { css } from 'lit';
import { tokens } from '../../internal/tokens.styles.js';

export const styles = [
  tokens,
  css`
    :host {
      display: flex;
      flex-direction: column;
      justify-content: center;
      box-sizing: border-box;
      min-height: 2.25rem;
      padding: 0.375rem 0.875rem;
      border-radius: calc(var(--_chat-radius) - 4px);
      cursor: pointer;
      user-select: none;
      outline: none;
    }
    :host(:hover),
    :host(:focus) {
      background: var(--_chat-hover);
    }
    /* Inset: the ring touches the hover background inside and the popup's surface outside. */
    :host(:focus-visible) {
      outline: 2px solid var(--_chat-surface-focus-ring);
      outline-offset: -2px;
    }
    :host([tone='danger']) {
      color: var(--_chat-danger);
    }
    :host([disabled]) {
      cursor: not-allowed;
      opacity: 0.6;
    }
    /* Full color: an enabled item's note ("The server didn't confirm it") must meet contrast on hover too. */
    [part='description'] {
      font-size: 0.8em;
    }
    @media (forced-colors: active) {
      :host(:focus) {
        outline: 2px solid Highlight;
      }
      :host([disabled]) {
        color: GrayText;
      }
    }
  `,
];
