import { css } from 'lit';

/** The list's own rules (toolbar, grid, rows), added to its shadow root when its view loads. */
export const styles = css`
  :host {
    --_cols: 2.75rem minmax(0, 1.2fr) minmax(0, 2fr) minmax(7.5rem, 0.9fr);
    --_row-height: var(--chat-blocked-list-row-height, 3.25rem);
    --_header-height: 2.5rem;
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 0.75rem;
    padding: 0.75rem;
  }
  [part~='search-box'] {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    flex: 1 1 14rem;
  }
  [part~='search-label'] {
    font-weight: 600;
  }
  input[type='search'] {
    font: inherit;
    color: inherit;
    background: var(--_chat-surface);
    border: 1px solid var(--_chat-muted);
    border-radius: calc(var(--_chat-radius) * 0.6);
    padding: 0.375rem 0.5rem;
  }
  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_chat-muted);
    border-radius: calc(var(--_chat-radius) * 0.6);
    padding: 0.3rem 0.75rem;
    cursor: pointer;
    white-space: nowrap;
  }
  button:hover {
    background: var(--_chat-hover);
  }
  [part~='unblock-selected'] {
    color: #fff;
    background: var(--_chat-accent);
    border-color: var(--_chat-accent);
    font-weight: 600;
    padding: 0.375rem 0.875rem;
  }
  [part~='unblock-selected']:hover {
    background: color-mix(in oklab, var(--_chat-accent) 85%, #000);
  }
  [part~='unblock-selected'][aria-disabled='true'] {
    color: var(--_chat-text);
    background: transparent;
    border-color: var(--_chat-border);
    border-style: dashed;
    cursor: default;
  }
  [part~='unblock-selected'][aria-disabled='true']:hover {
    background: transparent;
  }
  [part~='progress']:not(:empty),
  [part~='empty']:not(:empty) {
    padding: 0 0.75rem 0.75rem;
  }
  [part~='empty']:not(:empty) {
    color: var(--_chat-muted);
  }
  [part~='grid'] {
    display: block;
    position: relative;
    max-height: var(--chat-blocked-list-height, 24rem);
    overflow: auto;
    border-top: 1px solid var(--_chat-border);
    scroll-padding-top: var(--_header-height);
    overscroll-behavior: contain;
  }
  [part~='grid'][hidden] {
    display: none;
  }
  [part~='header-row'],
  [part~='row'] {
    display: grid;
    grid-template-columns: var(--_cols);
    align-items: center;
    box-sizing: border-box;
  }
  [part~='header-row'] {
    position: sticky;
    top: 0;
    z-index: 1;
    height: var(--_header-height);
    background: var(--_chat-surface);
    border-bottom: 1px solid var(--_chat-border);
    font-weight: 600;
  }
  [part~='rows'] {
    position: relative;
  }
  [part~='row'] {
    position: absolute;
    inset-inline: 0;
    height: var(--_row-height);
    border-bottom: 1px solid var(--_chat-border);
  }
  [part~='row'][aria-selected='true'] {
    background: color-mix(in oklab, var(--_chat-accent) 10%, var(--_chat-surface));
  }
  [part~='row'][part~='failed'] {
    box-shadow: inset 3px 0 0 var(--_chat-danger);
  }
  :host(:dir(rtl)) [part~='row'][part~='failed'] {
    box-shadow: inset -3px 0 0 var(--_chat-danger);
  }
  /* Unconfirmed: a dashed edge, apart from a failure's solid one even without colors. */
  [part~='row'][part~='unconfirmed'] {
    border-inline-start: 3px dashed var(--_chat-muted);
  }
  [part~='unconfirmed'] {
    font-weight: 600;
  }
  [role='gridcell'],
  [role='columnheader'] {
    box-sizing: border-box;
    height: 100%;
    min-width: 0;
    padding: 0 0.5rem;
    display: flex;
    flex-direction: column;
    justify-content: center;
    overflow: hidden;
  }
  [data-col='0'] {
    align-items: center;
  }
  input[type='checkbox'] {
    width: 1.05rem;
    height: 1.05rem;
    margin: 0;
    accent-color: var(--_chat-accent);
  }
  [part~='name'],
  [part~='id'],
  [part~='details'] {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='name'] {
    font-weight: 600;
  }
  [part~='id'],
  [part~='details'],
  [part~='status'] {
    color: var(--_chat-muted);
  }
  [part~='error'] {
    color: var(--_chat-danger);
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  [data-col='3'] {
    align-items: start;
  }
  /* Focus stays visible on the cell, the checkbox or the button that has it (roving tabindex). */
  [tabindex]:focus-visible,
  input:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_chat-focus-ring);
    outline-offset: -2px;
  }
  input:focus-visible,
  button:focus-visible {
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    [part~='row'][aria-selected='true'] {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    [part~='row'][part~='failed'] {
      border-inline-start: 4px double CanvasText;
    }
  }
`;
