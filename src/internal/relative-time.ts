/** "in 23 hours", "in 5 minutes", "in 3 days": how far `iso` is from now, in `lang`. */
export function timeUntil(iso: string, lang: string, now = Date.now()): string {
  const ms = Date.parse(iso) - now;
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    minutes < 60 ? [minutes, 'minute'] : minutes < 48 * 60 ? [Math.round(minutes / 60), 'hour'] : [Math.round(minutes / 1440), 'day'];
  return new Intl.RelativeTimeFormat(lang, { numeric: 'always' }).format(value, unit);
}

/** How long until the relative text above would change (at most a minute), for a refresh timer. */
export const REFRESH_MS = 60_000;
