// Phones for the bench's customers: E.164 (the relay checks), distinct per series and number.

/** `+1`, a 3-digit series, then `n` in 7 digits: 12 characters. */
export const phoneOf = (series, n) => `+1${series}${String(n).padStart(7, '0')}`;
