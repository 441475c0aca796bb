/**
 * The blocked list's search: case- and diacritics-insensitive, over names and ids.
 * "jose" finds "José", "PRIYA" finds "Priya", and "98765 43210" finds "+919876543210"
 * (a query that is a phone number with spaces, dashes, dots or parentheses is also
 * compared without them).
 */

const MARKS = /\p{M}/gu;
const PHONE_PUNCTUATION = /[\s\-.()]/g;
const PHONE_LIKE = /^[+\d\s\-.()]+$/;

/** Text folded for comparison: decomposed, without combining marks, lower case. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** A compiled query: `matches(key)` tests a key made by `searchKey()`. Blank matches everything. */
export function compileQuery(query: string): ((key: string) => boolean) | null {
  const folded = fold(query.trim());
  if (!folded) return null;
  const digits = PHONE_LIKE.test(folded) ? folded.replace(PHONE_PUNCTUATION, '') : '';
  return (key) => key.includes(folded) || (digits !== '' && key.includes(digits));
}

/** What a row is searched by: its name and id, folded once. */
export function searchKey(name: string, id: string): string {
  return `${fold(name)}\n${fold(id)}`;
}
