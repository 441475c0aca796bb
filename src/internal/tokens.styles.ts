import { css } from 'lit';

/**
 * The shared design tokens: every element's styles start with this sheet, and read
 * the private `--_chat-*` properties it defines instead of repeating the public
 * `--chat-*` names with their fallbacks. The public names are the contract (see
 * README, "Look and words"); these private ones may change.
 *
 * Color scheme: the elements inherit the page's `color-scheme` (so `light-dark()`
 * follows a page that says `color-scheme: dark`, whatever the OS prefers).
 * `--chat-color-scheme` overrides it; left unset, `var()` without a fallback is
 * invalid at computed-value time, which for this inherited property means "inherit".
 *
 * The surface decides the ink: the default text, muted text, border, danger text
 * and the focus ring on the popup and the dialog are derived from `--chat-surface`
 * (dark ink on a light surface, light ink on a dark one), so a host that sets only
 * `--chat-surface` never gets light text on a light surface. Set `--chat-text`
 * (and friends) yourself and they are used as given.
 */
/** The font (public token with its default), for rules that are not under the `tokens` sheet. */
export const fontFamily = css`var(--chat-font-family, system-ui, sans-serif)`;
/** The background under the pointer and focus. */
export const hoverColor = css`var(--chat-hover, rgb(127 127 127 / 0.16))`;
/** The focus ring on the page (≥ 3:1 against light and dark pages); Highlight in forced colors. */
export const pageFocusRing = css`var(--chat-focus-ring, light-dark(oklch(0.48 0.2 262), oklch(0.8 0.11 262)))`;

/**
 * The look of a box on the surface (the popup, the undo toast, the dialog): declarations to
 * put inside a rule that is under the `tokens` sheet. Radius, padding and font are the box's own.
 */
export const surfaceBox = css`
  border: 1px solid var(--_chat-border);
  color: var(--_chat-text);
  background: var(--_chat-surface);
  box-shadow: var(--_chat-shadow);
`;

export const tokens = css`
  :host {
    color-scheme: var(--chat-color-scheme);

    --_chat-font: ${fontFamily};
    --_chat-radius: var(--chat-radius, 10px);
    --_chat-shadow: var(--chat-shadow, 0 10px 32px rgb(0 0 0 / 0.22));
    --_chat-surface: var(--chat-surface, light-dark(#fff, #1f2329));
    --_chat-hover: ${hoverColor};
    /* Lightness above 0.58 (oklch) is a light surface: the contrast of dark and light ink cross there. */
    --_chat-text: var(--chat-text, oklch(from var(--_chat-surface) clamp(0.245, (0.58 - l) * 1000, 0.935) 0.01 255));
    --_chat-muted: var(--chat-muted, color-mix(in oklab, var(--_chat-text) 70%, var(--_chat-surface)));
    --_chat-border: var(--chat-border, color-mix(in oklab, var(--_chat-text) 20%, var(--_chat-surface)));
    --_chat-danger: var(--chat-danger, oklch(from var(--_chat-surface) clamp(0.52, (0.58 - l) * 1000, 0.77) clamp(0.12, (l - 0.58) * 1000, 0.18) 26));
    --_chat-accent: var(--chat-accent, #1f6feb);
    --_chat-danger-strong: var(--chat-danger-strong, #c62828);
    /*
     * Focus rings, ≥ 3:1 against what they sit on. On the page (the trigger, the pill's
     * Retry on its pill background) the ring follows the color scheme; on the popup and
     * the dialog it follows the surface, like the text. Both are the same color by default.
     */
    --_chat-focus-ring: ${pageFocusRing};
    --_chat-surface-focus-ring: var(
      --chat-focus-ring,
      oklch(from var(--_chat-surface) clamp(0.48, (0.58 - l) * 1000, 0.8) clamp(0.11, (l - 0.58) * 1000, 0.2) 262)
    );
  }
  @media (forced-colors: active) {
    :host {
      --_chat-focus-ring: Highlight;
      --_chat-surface-focus-ring: Highlight;
    }
  }
`;
