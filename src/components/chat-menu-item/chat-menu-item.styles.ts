import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    justify-content: center;
    box-sizing: border-box;
    min-height: 2.25rem;
    padding: 0.375rem 0.875rem;
    border-radius: calc(var(--chat-radius, 10px) - 4px);
    cursor: pointer;
    user-select: none;
    outline: none;
  }
  :host(:hover),
  :host(:focus) {
    background: var(--chat-hover, rgb(127 127 127 / 0.16));
  }
  :host(:focus-visible) {
    outline: 2px solid var(--chat-focus-ring, #2563eb);
    outline-offset: -2px;
  }
  :host([tone='danger']) {
    color: var(--chat-danger, light-dark(#c62828, #ff8a80));
  }
  :host([disabled]) {
    cursor: not-allowed;
    opacity: 0.6;
  }
  [part='description'] {
    font-size: 0.8em;
    opacity: 0.8;
  }
  @media (forced-colors: active) {
    :host(:focus) {
      outline: 2px solid Highlight;
    }
    :host([disabled]) {
      color: GrayText;
    }
  }
`;
