import { css } from 'lit';
import { tokens } from '../../internal/tokens.styles.js';

/** What a shown notice looks like; added with its view, when the customer is first shown blocked. */
export const styles = css`
  ${tokens}
    :host {
      margin: 0.5rem 0;
      font: 0.8125rem/1.4 var(--_chat-font);
      text-align: center;
    }
    [part~='notice'] {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: center;
      column-gap: 0.375em;
      max-width: 100%;
      box-sizing: border-box;
      padding: 0.25rem 0.75rem;
      border: 1px solid transparent;
      border-radius: calc(var(--_chat-radius) - 2px);
      color: var(--chat-notice-color, light-dark(#3f4650, #d5dae1));
      background: var(--chat-notice-background, light-dark(#eceff3, #2b3038));
      overflow-wrap: anywhere;
    }
    [part~='separator'] {
      white-space: pre;
    }
    /* A link in look, a button in role: it starts an action, it goes nowhere. */
    [part~='unblock'],
    [part~='check'],
    [part~='retry'] {
      font: inherit;
      font-weight: 600;
      color: inherit;
      background: none;
      border: 0;
      padding: 0;
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
    }
    [part~='unblock'][aria-disabled='true'],
    [part~='check'][aria-disabled='true'],
    [part~='retry'][aria-disabled='true'] {
      cursor: progress;
      text-decoration: none;
    }
    [part~='unblock']:focus-visible,
    [part~='check']:focus-visible,
    [part~='retry']:focus-visible {
      outline: 2px solid var(--_chat-focus-ring);
      outline-offset: 2px;
      border-radius: 2px;
    }
    [part~='error'] {
      flex-basis: 100%;
      font-weight: 600;
      color: var(--chat-danger, light-dark(#9b1c1c, #fecaca));
    }
    @media (forced-colors: active) {
      [part~='notice'] {
        border-color: CanvasText;
      }
    }
  `;
