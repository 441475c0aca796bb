import { css } from 'lit';
import { surfaceBox, tokens } from '../../internal/tokens.styles.js';

/** What an open dialog looks like; added with its view, on the first open. */
export const styles = css`
  ${tokens}
    dialog {
      box-sizing: border-box;
      width: min(var(--chat-dialog-width, 26rem), calc(100vw - 2rem));
      padding: 1.25rem 1.5rem;
      ${surfaceBox}
      border-radius: calc(var(--_chat-radius) + 2px);
      font: 0.9375rem/1.45 var(--_chat-font);
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
      color: var(--_chat-muted);
    }
    [role='alert'] {
      margin: 0.75rem 0 0;
      padding: 0.5rem 0.75rem;
      border-radius: 8px;
      color: var(--_chat-danger);
      background: color-mix(in srgb, currentColor 10%, transparent);
    }
    fieldset {
      margin: 1rem 0 0;
      padding: 0;
      border: 0;
    }
    legend {
      padding: 0;
      margin-bottom: 0.375rem;
      font-weight: 600;
    }
    [part~='optional'] {
      font-weight: 400;
      color: var(--_chat-muted);
    }
    [part~='reason'] {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2rem;
    }
    input,
    select {
      font: inherit;
      color: inherit;
      accent-color: var(--_chat-accent);
    }
    input[type='text'],
    select {
      box-sizing: border-box;
      width: 100%;
      min-height: 2.25rem;
      margin-top: 0.25rem;
      padding: 0 0.5rem;
      border: 1px solid var(--_chat-border);
      border-radius: calc(var(--_chat-radius) - 2px);
      background: var(--_chat-surface);
    }
    [part~='reason-text-label'],
    [part~='duration-label'] {
      display: block;
      margin-top: 0.75rem;
      font-weight: 600;
    }
    input:focus-visible,
    select:focus-visible {
      outline: 2px solid var(--_chat-surface-focus-ring);
      outline-offset: 2px;
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
      border: 1px solid var(--_chat-border);
      border-radius: calc(var(--_chat-radius) - 2px);
      color: inherit;
      background: none;
      cursor: pointer;
    }
    /* Offset: a band of the surface separates the ring from an accent or danger button. */
    button:focus-visible {
      outline: 2px solid var(--_chat-surface-focus-ring);
      outline-offset: 2px;
    }
    [part='confirm'] {
      border-color: transparent;
      color: #fff;
      background: var(--_chat-accent);
    }
    :host([tone='danger']) [part='confirm'] {
      background: var(--_chat-danger-strong);
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
