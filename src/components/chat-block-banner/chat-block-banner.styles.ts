import { css } from 'lit';
import { tokens } from '../../internal/tokens.styles.js';

/** What a shown banner looks like; added with its view, when the customer is first shown blocked. */
export const styles = css`
  ${tokens}
    :host {
      font: 0.875rem/1.4 var(--_chat-font);
    }
    [part~='banner'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      gap: 0.5rem 1rem;
      padding: 0.75rem 1rem;
      border: 1px solid transparent;
      border-radius: var(--_chat-radius);
      color: var(--chat-banner-color, light-dark(#3f4650, #d5dae1));
      background: var(--chat-banner-background, light-dark(#eceff3, #2b3038));
      text-align: center;
    }
    p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    [part~='error'] {
      flex-basis: 100%;
      font-weight: 600;
      color: var(--chat-danger, light-dark(#9b1c1c, #fecaca));
    }
    [part~='unblock'],
    [part~='check'],
    [part~='retry'] {
      font: inherit;
      font-weight: 600;
      min-height: 2.25rem;
      padding: 0 1rem;
      border: 1px solid transparent;
      border-radius: calc(var(--_chat-radius) - 2px);
      color: #fff;
      background: var(--_chat-accent);
      cursor: pointer;
    }
    [part~='unblock'][aria-disabled='true'],
    [part~='check'][aria-disabled='true'],
    [part~='retry'][aria-disabled='true'] {
      cursor: progress;
    }
    /* Offset: a band of the banner's background separates the ring from the button. */
    [part~='unblock']:focus-visible,
    [part~='check']:focus-visible,
    [part~='retry']:focus-visible {
      outline: 2px solid var(--_chat-focus-ring);
      outline-offset: 2px;
    }
    @media (forced-colors: active) {
      [part~='banner'] {
        border-color: CanvasText;
      }
      [part~='unblock'],
      [part~='check'],
      [part~='retry'] {
        border-color: ButtonText;
      }
    }
  `;
