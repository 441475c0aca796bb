import type { ChatStrings } from './en.js';
import { enFirst } from './en-first.js';

/** A locale: its `$code`, and any of the strings (the rest are English). */
export type LocaleStrings = Partial<ChatStrings> & Pick<ChatStrings, '$code'>;

// No Lit and no DOM here: registering a locale, or setting strings, before any element is
// loaded (or without elements at all) pulls in this module and the English words only.
const locales = new Map<string, LocaleStrings>();
let globalOverrides: Partial<ChatStrings> = {};
// The English loaded so far: what a row shows, then the rest with the dialog (addEnglish).
let english: Partial<ChatStrings> = enFirst;
// Resolved strings per lang, so a thousand rows share one object instead of spreading three each.
const resolved = new Map<string, ChatStrings>();
// Who re-renders the elements on screen after a change: set by the elements' lang observer
// when the first one connects (nothing is on screen before that).
const changeListeners = new Set<() => void>();

function changed(): void {
  resolved.clear();
  for (const listener of changeListeners) listener();
}

/** Calls `listener` after every registerLocale(), setStrings() and addEnglish(). */
export function onStringsChange(listener: () => void): void {
  changeListeners.add(listener);
}

/**
 * Makes a locale available to every element whose `lang` (or an ancestor's, across shadow
 * roots) matches its `$code`; elements already on screen re-render. A string it lacks is
 * shown in English: a locale written for an earlier version keeps working when the library
 * adds words.
 */
export function registerLocale(strings: LocaleStrings): void {
  locales.set(strings.$code.toLowerCase(), strings);
  changed();
}

/**
 * Overrides strings for every element on the page (e.g. your product's own wording).
 * Elements already on screen re-render. A key set to `undefined` drops its override.
 */
export function setStrings(overrides: Partial<ChatStrings>): void {
  const next: Record<string, unknown> = { ...globalOverrides, ...overrides };
  for (const key of Object.keys(overrides)) if (next[key] === undefined) delete next[key];
  globalOverrides = next as Partial<ChatStrings>;
  changed();
}

/** Adds English words that came with a lazily loaded part (see en-later.ts). */
export function addEnglish(words: Partial<ChatStrings>): void {
  english = { ...english, ...words };
  changed();
}

function localeFor(lang: string): LocaleStrings | undefined {
  const code = lang.toLowerCase();
  const base = code.split('-')[0];
  // "es-MX" falls back to "es"; "pt" (or "pt-PT") to a registered "pt-…" such as pt-BR; then English.
  const found = locales.get(code) ?? locales.get(base);
  if (found) return found;
  for (const [key, strings] of locales) if (key.split('-')[0] === base) return strings;
  return undefined;
}

/**
 * The strings an element shows in `lang`: its own overrides, then the global ones, then the
 * locale of `lang`, then English. (Typed whole: the words of the dialog, notice, banner and
 * list are here once the dialog's module is, which every element that shows them imports.)
 */
export function resolveStrings(lang: string, own?: Partial<ChatStrings>): ChatStrings {
  let shared = resolved.get(lang);
  if (!shared) resolved.set(lang, (shared = { ...english, ...localeFor(lang), ...globalOverrides } as ChatStrings));
  return own ? { ...shared, ...own } : shared;
}

/** Fills `{name}`-style placeholders. The result is plain text: render it with a text binding. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
