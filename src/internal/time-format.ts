/** How the elements write times, in the element's language. */

/** "in 23 hours", "in 5 minutes", "in 3 days": how far `iso` is from now, in `lang`. */
export function timeUntil(iso: string, lang: string, now = Date.now()): string {
  const ms = Date.parse(iso) - now;
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    minutes < 60 ? [minutes, 'minute'] : minutes < 48 * 60 ? [Math.round(minutes / 60), 'hour'] : [Math.round(minutes / 1440), 'day'];
  return new Intl.RelativeTimeFormat(lang, { numeric: 'always' }).format(value, unit);
}

/** How often a countdown such as `timeUntil` is redrawn: its finest unit is a minute. */
export const REFRESH_MS = 60_000;

// One formatter per language and style: a list of 5,000 rows formats a time per row.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${withDate}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = withDate ? { dateStyle: 'medium', timeStyle: 'short' } : { timeStyle: 'short' };
    try {
      f = new Intl.DateTimeFormat(lang, options);
    } catch {
      f = new Intl.DateTimeFormat('en', options); // a `lang` that is no locale tag
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * A date and time in `lang`. With `todayTimeOnly`, a time today (in the page's time zone)
 * is written as the time alone, as in a conversation.
 */
export function formatWhen(iso: string, lang: string, { todayTimeOnly = false, now = new Date() } = {}): string {
  const date = new Date(iso);
  const timeOnly = todayTimeOnly && date.toDateString() === now.toDateString();
  return formatter(lang, !timeOnly).format(date);
}
