import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  [part~='dialog'] {
    color-scheme: var(--chat-color-scheme, light dark);
  }
  [part~='dialog'] {
    box-sizing: border-box;
    width: min(var(--chat-dialog-width, 26rem), calc(100vw - 2rem));
    padding: var(--chat-dialog-padding, 1.25rem 1.5rem);
    border: var(--chat-dialog-border, 1px solid transparent);
    border-radius: var(--chat-dialog-radius, 12px);
    color: var(--chat-dialog-color, light-dark(#1f2328, #e6e9ee));
    background: var(--chat-dialog-background, light-dark(#fff, #1d2127));
    box-shadow: var(--chat-dialog-shadow, 0 12px 40px rgb(0 0 0 / 0.25));
    font: var(--chat-dialog-font, 0.9375rem/1.45 var(--chat-font-family, system-ui, sans-serif));
  }
  [part~='dialog'][open] {
    animation: chat-dialog-in 120ms ease-out;
  }
  [part~='dialog']::backdrop {
    background: var(--chat-dialog-backdrop, rgb(15 20 25 / 0.45));
  }
  @keyframes chat-dialog-in {
    from {
      opacity: 0;
      transform: translateY(6px);
    }
  }
  [part~='heading'] {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
    font-weight: 650;
    overflow-wrap: anywhere;
  }
  [part~='message'] {
    margin: 0;
    color: var(--chat-dialog-message-color, light-dark(#4b5563, #b4bcc7));
    overflow-wrap: anywhere;
  }
  [part~='error'] {
    margin: 0.75rem 0 0;
    padding: 0.5rem 0.75rem;
    border-radius: 8px;
    color: var(--chat-dialog-error-color, light-dark(#8a1c1c, #fecaca));
    background: var(--chat-dialog-error-background, light-dark(#fdecec, #4a1818));
  }
  [part~='actions'] {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-top: 1.25rem;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 2.25rem;
    padding: 0 1rem;
    border-radius: var(--chat-button-radius, 8px);
    border: 1px solid var(--chat-button-border-color, light-dark(#c9ced6, #434a55));
    color: inherit;
    background: var(--chat-button-background, transparent);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--chat-focus-ring, #2563eb);
    outline-offset: 2px;
  }
  [part~='confirm'] {
    border-color: transparent;
    color: var(--chat-confirm-color, #fff);
    background: var(--chat-confirm-background, #1f6feb);
  }
  :host([tone='danger']) [part~='confirm'] {
    background: var(--chat-danger-background, #c62828);
  }
  [part~='confirm'][aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='dialog'][open] {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    [part~='dialog'] {
      border: 1px solid CanvasText;
    }
    [part~='confirm'] {
      border: 1px solid ButtonText;
    }
  }
`;
