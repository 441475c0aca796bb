import { css } from 'lit';
import { surfaceBox } from '../../internal/tokens.styles.js';

/** The undo toast's styles, added to the menu's shadow root when the popup's module loads. */
export const popupStyles = css`
    /* The undo toast: bottom centre of the viewport, in the top layer. */
    [part~='undo'] {
      position: fixed;
      inset: auto auto 1.5rem 50%;
      translate: -50% 0;
      margin: 0;
      display: none;
      align-items: center;
      gap: 0.75rem;
      padding: 0.5rem 0.5rem 0.5rem 1rem;
      ${surfaceBox}
      border-radius: var(--_chat-radius);
      font: inherit;
    }
    [part~='undo']:popover-open {
      display: flex;
    }
    [part~='undo'] button {
      font: inherit;
      font-weight: 600;
      min-height: 2rem;
      padding: 0 0.75rem;
      border: 0;
      border-radius: calc(var(--_chat-radius) - 2px);
      color: inherit;
      background: none;
      cursor: pointer;
    }
    [part~='undo-button'] {
      text-decoration: underline;
    }
    [part~='undo'] button:hover {
      background: var(--_chat-hover);
    }
    [part~='undo'] button:focus-visible {
      outline: 2px solid var(--_chat-surface-focus-ring);
      outline-offset: -2px;
    }
`;
