// Lit alone: what any Lit element must ship at least (the first-load budget is also reported against it).
export { LitElement, html, css } from 'lit';
