/**
 * The blocked list's search: case- and diacritics-insensitive, over names and ids.
 * "jose" finds "José", "PRIYA" finds "Priya", and "98765 43210" finds "+919876543210"
 * (a query that is a phone number with spaces, dashes, dots or parentheses is also
 * compared without them).
 */

const MARKS = /\p{M}/gu;
const PHONE_PUNCTUATION = /[\s\-.()]/g;
const PHONE_LIKE = /^[+\d\s\-.()]+$/;

// Letters that carry no combining mark to drop, as people type them ("lukasz" finds "Łukasz").
const LETTERS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i' };
const UNMARKED = /[øłđðþæœßı]/g;

/** Text folded for comparison: decomposed, without combining marks, lower case, ø ł æ ß… as plain letters. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(UNMARKED, (c) => LETTERS[c]);
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
