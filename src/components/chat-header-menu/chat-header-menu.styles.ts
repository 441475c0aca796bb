import { css } from 'lit';

export const styles = css`
  :host {
    color-scheme: var(--chat-color-scheme, light dark);
    display: inline-block;
    font: 0.9375rem/1.4 var(--chat-font-family, system-ui, sans-serif);
  }
  button {
    --dot: radial-gradient(circle, currentColor 0 2px, transparent 2.5px);
    width: var(--chat-trigger-size, 2.25rem);
    height: var(--chat-trigger-size, 2.25rem);
    padding: 0;
    border: 0;
    border-radius: 50%;
    color: inherit;
    background: var(--dot) 50% calc(50% - 7px), var(--dot) 50% 50%, var(--dot) 50% calc(50% + 7px);
    background-size: 6px 6px;
    background-repeat: no-repeat;
    cursor: pointer;
  }
  button:hover,
  :host([open]) button {
    background-color: var(--chat-hover, rgb(127 127 127 / 0.16));
  }
  button:focus-visible {
    outline: 2px solid var(--chat-focus-ring, #2563eb);
    outline-offset: 2px;
  }
  button:disabled {
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
    border: 1px solid var(--chat-border, light-dark(#d0d7de, #3d444d));
    border-radius: var(--chat-radius, 10px);
    color: var(--chat-text, light-dark(#1f2328, #e6e9ee));
    background: var(--chat-surface, light-dark(#fff, #1f2329));
    box-shadow: var(--chat-shadow, 0 10px 32px rgb(0 0 0 / 0.22));
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
    background: var(--chat-border, light-dark(#d0d7de, #3d444d));
  }
  @media (prefers-reduced-motion: reduce) {
    :popover-open {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    /* Forced colors drop gradients; keep the dots, in the system's button colors. */
    button {
      forced-color-adjust: none;
      color: ButtonText;
      background-color: ButtonFace;
    }
    [role='separator'] {
      background: CanvasText;
    }
  }
`;
