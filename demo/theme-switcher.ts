/**
 * The demo's theme switcher: a native <select> (keyboard and screen readers for free)
 * that sets `data-theme` on <html>. demo.css does the rest: "system" follows the OS,
 * "light" and "dark" set the page's `color-scheme` (which the elements inherit), and
 * "orchid" is a brand theme that styles the elements with public --chat-* tokens only.
 * `?theme=dark` in the address wins over the choice remembered in localStorage.
 */
export const THEMES = ['system', 'light', 'dark', 'orchid'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'chat-block-elements-demo-theme';

const isTheme = (value: unknown): value is Theme => THEMES.includes(value as Theme);

function remembered(): Theme {
  const fromUrl = new URLSearchParams(location.search).get('theme');
  if (isTheme(fromUrl)) return fromUrl;
  try {
    const stored = localStorage.getItem(KEY);
    if (isTheme(stored)) return stored;
  } catch {
    // Storage may be off (private mode, sandboxed frames): the default is fine.
  }
  return 'system';
}

export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** Applies the remembered theme and wires the select to change and remember it. */
export function mountThemeSwitcher(select: HTMLSelectElement): void {
  const theme = remembered();
  select.value = theme;
  applyTheme(theme);
  select.addEventListener('change', () => {
    const value = isTheme(select.value) ? select.value : 'system';
    applyTheme(value);
    try {
      localStorage.setItem(KEY, value);
    } catch {
      // Not remembered; still applied.
    }
  });
}
