import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
    font: var(--chat-pill-font, 600 0.75rem/1.2 var(--chat-font-family, system-ui, sans-serif));
  }
  :host(:state(active)),
  :host([hidden]) {
    display: none;
  }
  [part~='pill'] {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    padding: var(--chat-pill-padding, 0.2em 0.6em);
    border-radius: var(--chat-pill-radius, 999px);
    color: var(--chat-pill-color, #3f4650);
    background: var(--chat-pill-background, #eceff3);
    border: 1px solid transparent;
    white-space: nowrap;
  }
  :host(:state(blocked)) [part~='pill'] {
    color: var(--chat-pill-blocked-color, #9b1c1c);
    background: var(--chat-pill-blocked-background, #fde8e8);
  }
  :host(:state(unblocked)) [part~='pill'] {
    color: var(--chat-pill-unblocked-color, #0b6b3a);
    background: var(--chat-pill-unblocked-background, #def7ec);
  }
  :host(:state(error)) [part~='pill'] {
    color: var(--chat-pill-error-color, #8a3b00);
    background: var(--chat-pill-error-background, #fff1e0);
  }
  [part~='retry'] {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
  }
  [part~='retry']:focus-visible {
    outline: 2px solid var(--chat-focus-ring, #2563eb);
    outline-offset: 2px;
  }
  @media (prefers-color-scheme: dark) {
    [part~='pill'] {
      color: var(--chat-pill-color, #d5dae1);
      background: var(--chat-pill-background, #2b3038);
    }
    :host(:state(blocked)) [part~='pill'] {
      color: var(--chat-pill-blocked-color, #fecaca);
      background: var(--chat-pill-blocked-background, #5b1a1a);
    }
    :host(:state(unblocked)) [part~='pill'] {
      color: var(--chat-pill-unblocked-color, #bbf7d0);
      background: var(--chat-pill-unblocked-background, #14532d);
    }
    :host(:state(error)) [part~='pill'] {
      color: var(--chat-pill-error-color, #fed7aa);
      background: var(--chat-pill-error-background, #5a2e0c);
    }
  }
  @media (forced-colors: active) {
    [part~='pill'] {
      border-color: CanvasText;
    }
  }
`;
