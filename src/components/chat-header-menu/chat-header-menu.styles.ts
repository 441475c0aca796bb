import { css } from 'lit';

export const styles = css`
  :host {
    color-scheme: var(--chat-color-scheme, light dark);
    display: inline-block;
    font: var(--chat-menu-font, 0.9375rem/1.4 var(--chat-font-family, system-ui, sans-serif));
  }
  [part~='trigger'] {
    display: inline-grid;
    place-items: center;
    width: var(--chat-trigger-size, 2.25rem);
    height: var(--chat-trigger-size, 2.25rem);
    padding: 0;
    border: 0;
    border-radius: 50%;
    color: var(--chat-trigger-color, currentColor);
    background-color: var(--chat-trigger-background, transparent);
    --dot: radial-gradient(circle, currentColor 0 2px, transparent 2.5px);
    background-image: var(--dot), var(--dot), var(--dot);
    background-size: 6px 6px;
    background-repeat: no-repeat;
    background-position: 50% calc(50% - 7px), 50% 50%, 50% calc(50% + 7px);
    cursor: pointer;
  }
  [part~='trigger']:hover,
  :host([open]) [part~='trigger'] {
    background-color: var(--chat-trigger-hover-background, rgb(127 127 127 / 0.16));
  }
  [part~='trigger']:focus-visible {
    outline: 2px solid var(--chat-focus-ring, #2563eb);
    outline-offset: 2px;
  }
  [part~='trigger']:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  [part~='menu'] {
    position: fixed;
    inset: auto;
    margin: 0;
    box-sizing: border-box;
    min-width: var(--chat-menu-min-width, 12rem);
    overflow: auto;
    padding: var(--chat-menu-padding, 0.25rem);
    border: var(--chat-menu-border, 1px solid light-dark(rgb(0 0 0 / 0.08), rgb(255 255 255 / 0.08)));
    border-radius: var(--chat-menu-radius, 10px);
    color: var(--chat-menu-color, light-dark(#1f2328, #e6e9ee));
    background: var(--chat-menu-background, light-dark(#fff, #23272e));
    box-shadow: var(--chat-menu-shadow, 0 8px 28px rgb(0 0 0 / 0.18));
    font: inherit;
  }
  [part~='menu']:popover-open {
    animation: chat-menu-in 100ms ease-out;
  }
  @keyframes chat-menu-in {
    from {
      opacity: 0;
      transform: scale(0.97);
    }
  }
  [part~='separator'] {
    height: 1px;
    margin: 0.25rem 0.5rem;
    background: var(--chat-menu-separator-color, rgb(127 127 127 / 0.25));
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='menu']:popover-open {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    /* Forced colors drop gradients; keep the dots, in the system's button colors. */
    [part~='trigger'] {
      forced-color-adjust: none;
      color: ButtonText;
      background-color: ButtonFace;
    }
    [part~='menu'] {
      border: 1px solid CanvasText;
    }
    [part~='separator'] {
      background: CanvasText;
    }
  }
`;
