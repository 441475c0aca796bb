/**
 * Phone numbers as the reference API takes them: E.164, "+" then up to 15 digits.
 * Agents and CRMs write them with spaces, dashes, dots and parentheses, or with
 * a "00" international prefix; those are normalised before checking.
 */

/** Either the normalised number or why it is not one (a sentence an agent can read). */
export type PhoneCheck = { phone: string; problem?: undefined } | { phone?: undefined; problem: string };

const MIN_DIGITS = 8;
const MAX_DIGITS = 15;

export function normalizePhone(raw: string): PhoneCheck {
  const compact = raw.trim().replace(/[\s\-.()\u00a0]/g, '');
  const phone = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  const digits = phone.slice(1);
  const quoted = JSON.stringify(raw);
  if (!phone.startsWith('+')) {
    return { problem: `${quoted} has no country code: write it in international format, starting with + (like +919999999999).` };
  }
  if (!/^\d+$/.test(digits)) {
    return { problem: `${quoted} is not a phone number in international format: only digits may follow the +.` };
  }
  if (digits.startsWith('0')) return { problem: `${quoted} is not a phone number in international format: a country code never starts with 0.` };
  if (digits.length < MIN_DIGITS) return { problem: `${quoted} is too short for a phone number in international format.` };
  if (digits.length > MAX_DIGITS) return { problem: `${quoted} is too long for a phone number in international format (at most ${MAX_DIGITS} digits).` };
  return { phone };
}
