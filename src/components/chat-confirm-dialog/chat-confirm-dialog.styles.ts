import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  dialog {
    color-scheme: var(--chat-color-scheme, light dark);
    box-sizing: border-box;
    width: min(var(--chat-dialog-width, 26rem), calc(100vw - 2rem));
    padding: 1.25rem 1.5rem;
    border: 1px solid var(--chat-border, light-dark(#d0d7de, #3d444d));
    border-radius: calc(var(--chat-radius, 10px) + 2px);
    color: var(--chat-text, light-dark(#1f2328, #e6e9ee));
    background: var(--chat-surface, light-dark(#fff, #1f2329));
    box-shadow: var(--chat-shadow, 0 10px 32px rgb(0 0 0 / 0.22));
    font: 0.9375rem/1.45 var(--chat-font-family, system-ui, sans-serif);
    overflow-wrap: anywhere;
  }
  [open] {
    animation: chat-in 0.12s ease-out;
  }
  ::backdrop {
    background: var(--chat-dialog-backdrop, rgb(15 20 25 / 0.45));
  }
  @keyframes chat-in {
    from {
      opacity: 0;
      transform: translateY(6px);
    }
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
  }
  #message {
    color: var(--chat-muted, light-dark(#4b5563, #b4bcc7));
  }
  [role='alert'] {
    margin: 0.75rem 0 0;
    padding: 0.5rem 0.75rem;
    border-radius: 8px;
    color: var(--chat-danger, light-dark(#c62828, #ff8a80));
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  [part='actions'] {
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
    border: 1px solid var(--chat-border, light-dark(#d0d7de, #3d444d));
    border-radius: calc(var(--chat-radius, 10px) - 2px);
    color: inherit;
    background: none;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--chat-focus-ring, #2563eb);
    outline-offset: 2px;
  }
  [part='confirm'] {
    border-color: transparent;
    color: #fff;
    background: var(--chat-accent, #1f6feb);
  }
  :host([tone='danger']) [part='confirm'] {
    background: var(--chat-danger-strong, #c62828);
  }
  [aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  @media (prefers-reduced-motion: reduce) {
    [open] {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    [part='confirm'] {
      border-color: ButtonText;
    }
  }
`;
