import { supportsAdoptingStyleSheets, type CSSResult } from 'lit';

/**
 * Adds `styles` to a shadow root after its first render: for rules only an opened or
 * shown element needs, so a closed one in a long list does not pay their style cost.
 */
export function addStyles(root: ShadowRoot, styles: CSSResult): void {
  if (supportsAdoptingStyleSheets && styles.styleSheet) {
    if (!root.adoptedStyleSheets.includes(styles.styleSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
  } else if (![...root.querySelectorAll('style')].some((style) => style.textContent === styles.cssText)) {
    const style = document.createElement('style');
    style.textContent = styles.cssText;
    root.append(style);
  }
}
