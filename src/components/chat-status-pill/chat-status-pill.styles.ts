import { css } from 'lit';

export const styles = css`
  /* Hidden while active: most pills of a long list show nothing. */
  :host {
    color-scheme: var(--chat-color-scheme, light dark);
    display: none;
    vertical-align: middle;
    font: 600 0.75rem/1.2 var(--chat-font-family, system-ui, sans-serif);
  }
  :host(:state(visible)),
  :host([announce]) {
    display: inline-flex;
  }
  :host([hidden]) {
    display: none;
  }
  span[part] {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    padding: 0.2em 0.6em;
    border: 1px solid transparent;
    border-radius: 999px;
    white-space: nowrap;
    color: var(--chat-pill-color, light-dark(#3f4650, #d5dae1));
    background: var(--chat-pill-background, light-dark(#eceff3, #2b3038));
  }
  :host(:state(blocked)) span {
    color: var(--chat-pill-blocked-color, light-dark(#9b1c1c, #fecaca));
    background: var(--chat-pill-blocked-background, light-dark(#fde8e8, #5b1a1a));
  }
  :host(:state(unblocked)) span {
    color: var(--chat-pill-unblocked-color, light-dark(#0b6b3a, #bbf7d0));
    background: var(--chat-pill-unblocked-background, light-dark(#def7ec, #14532d));
  }
  :host(:state(error)) span {
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
  button:focus-visible {
    outline: 2px solid var(--chat-focus-ring, #2563eb);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    span[part] {
      border-color: CanvasText;
    }
  }
`;
