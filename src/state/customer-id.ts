/**
 * What the library accepts as a customer id and shows as a customer name.
 * Ids are keys for the store and the backend, so they are normalised once, here.
 */

/** A non-blank string (trimmed) or a finite number (as text); anything else is no id. */
export function toCustomerId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string') return null;
  const id = value.trim();
  return id === '' ? null : id;
}

/** Like `toCustomerId`, but throws a TypeError that names the caller. */
export function requireCustomerId(value: unknown, caller: string): string {
  const id = toCustomerId(value);
  if (id === null) {
    throw new TypeError(
      `chat-block-elements: ${caller} needs a customer id: a non-blank string or a number (got ${describe(value)}).`,
    );
  }
  return id;
}

// Only format (Cf: bidi controls, zero-width joiners…), control (Cc) and separator characters:
// such a name shows as nothing ("Block ?").
const INVISIBLE = /^[\p{Cf}\p{Cc}\p{Z}\s]*$/u;

/** The name to show: the given one unless it is blank or invisible, else the id. */
export function displayName(name: unknown, id: string): string {
  const text = typeof name === 'string' ? name.trim() : '';
  return INVISIBLE.test(text) ? id : text;
}

/**
 * Wraps a name in a bidi isolate (U+2068 … U+2069), the plain-text form of `<bdi>`:
 * an Arabic name, or one with a stray U+202E, cannot reorder the text around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined || typeof value === 'number') return String(value);
  return `a ${typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value}`;
}
