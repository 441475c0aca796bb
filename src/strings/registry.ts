import { en, type ChatStrings } from './en.js';
import { langOf, refreshStrings } from './lang-observer.js';

/** A locale: its `$code`, and any of the strings (the rest are English). */
export type LocaleStrings = Partial<ChatStrings> & Pick<ChatStrings, '$code'>;

const locales = new Map<string, LocaleStrings>([['en', en]]);
let globalOverrides: Partial<ChatStrings> = {};
// Resolved strings per lang, so a thousand rows share one object instead of spreading three each.
const resolved = new Map<string, ChatStrings>();

/**
 * Makes a locale available to every element whose `lang` (or an ancestor's, across shadow
 * roots) matches its `$code`; elements already on screen re-render. A string it lacks is
 * shown in English: a locale written for an earlier version keeps working when the library
 * adds words.
 */
export function registerLocale(strings: LocaleStrings): void {
  locales.set(strings.$code.toLowerCase(), strings);
  resolved.clear();
  refreshStrings();
}

/**
 * Overrides strings for every element on the page (e.g. your product's own wording).
 * Elements already on screen re-render. A key set to `undefined` drops its override.
 */
export function setStrings(overrides: Partial<ChatStrings>): void {
  const next: Record<string, unknown> = { ...globalOverrides, ...overrides };
  for (const key of Object.keys(overrides)) if (next[key] === undefined) delete next[key];
  globalOverrides = next as Partial<ChatStrings>;
  resolved.clear();
  refreshStrings();
}

function localeFor(lang: string): LocaleStrings {
  const code = lang.toLowerCase();
  const base = code.split('-')[0];
  // "es-MX" falls back to "es"; "pt" (or "pt-PT") to a registered "pt-…" such as pt-BR; then English.
  const found = locales.get(code) ?? locales.get(base);
  if (found) return found;
  for (const [key, strings] of locales) if (key.split('-')[0] === base) return strings;
  return en;
}

/**
 * The strings an element shows: its own overrides, then the global ones, then
 * the locale of its nearest `lang` (across shadow roots; or `lang` when given), then English.
 */
export function resolveStrings(el: Element, own?: Partial<ChatStrings>, lang = langOf(el)): ChatStrings {
  let shared = resolved.get(lang);
  if (!shared) resolved.set(lang, (shared = { ...en, ...localeFor(lang), ...globalOverrides }));
  return own ? { ...shared, ...own } : shared;
}

/** Fills `{name}`-style placeholders. The result is plain text: render it with a text binding. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
