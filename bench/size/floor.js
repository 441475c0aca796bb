// The floor: what any Lit menu positioned with floating-ui must ship at least.
export { LitElement, html, css } from 'lit';
export { computePosition, autoUpdate, flip, shift, size, offset } from '@floating-ui/dom';
