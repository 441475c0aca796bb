import type { ChatStrings } from '../strings/en.js';
import type { DurationChoice, DurationsQuestion, ReasonChoice, ReasonsQuestion } from '../components/chat-confirm-dialog/confirm-choices.js';

/**
 * The block dialog's optional questions, from what a host writes on an element:
 * `reasons="spam abusive other"` (preset tokens, in the page's words) or a list of
 * `{ value, label, freeText? }`; `durations="24h 7d"` (a number and s, m, h, d or w)
 * or a list of `{ label, ms }`. "Until unblocked" always comes first.
 */

/** The preset reasons: the value the dialog sends, and the string that names it. */
const PRESETS = new Map<string, 'reasonSpam' | 'reasonAbusive' | 'reasonOther'>([
  ['spam', 'reasonSpam'],
  ['abusive', 'reasonAbusive'],
  ['other', 'reasonOther'],
]);

/** A reason as the agent reads it: a preset's label in the element's language, else the text as given. */
export function reasonText(reason: string, t: ChatStrings): string {
  const key = PRESETS.get(reason);
  return key ? t[key] : reason;
}

const UNITS = { s: ['second', 1e3], m: ['minute', 6e4], h: ['hour', 3.6e6], d: ['day', 8.64e7], w: ['week', 6.048e8] } as const;

export type ReasonsInput = string | readonly ReasonChoice[] | null | undefined;
export type DurationsInput = string | readonly DurationChoice[] | null | undefined;

/** Throws a TypeError naming the bad token, so a typo is found at once, not at the first block. */
export function reasonsQuestion(input: ReasonsInput, required: boolean, t: ChatStrings): ReasonsQuestion | undefined {
  if (!input || input.length === 0) return undefined;
  const choices =
    typeof input === 'string'
      ? tokens(input).map((token) => {
          const value = token.toLowerCase();
          const key = PRESETS.get(value);
          if (!key) throw new TypeError(`chat-block-elements: unknown reason "${token}" (use spam, abusive, other, or a list of { value, label }).`);
          // "other" asks for the agent's own words.
          return { value, label: t[key], freeText: value === 'other' };
        })
      : input.map((choice) => {
          if (typeof choice?.value !== 'string' || typeof choice.label !== 'string') {
            throw new TypeError('chat-block-elements: each reason needs a string value and label.');
          }
          return choice;
        });
  return { choices, required };
}

export function durationsQuestion(input: DurationsInput, t: ChatStrings): DurationsQuestion | undefined {
  if (!input || input.length === 0) return undefined;
  const timed =
    typeof input === 'string'
      ? tokens(input).map((token) => {
          const match = /^(\d+(?:\.\d+)?)([smhdw])$/i.exec(token);
          if (!match) throw new TypeError(`chat-block-elements: unknown duration "${token}" (write a number and s, m, h, d or w, like 24h or 7d).`);
          const [unit, ms] = UNITS[match[2].toLowerCase() as keyof typeof UNITS];
          const amount = Number(match[1]);
          const label = new Intl.NumberFormat(t.$code, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
          return { label, ms: amount * ms };
        })
      : input.map((choice) => {
          if (typeof choice?.label !== 'string' || !(choice.ms === null || (typeof choice.ms === 'number' && choice.ms > 0))) {
            throw new TypeError('chat-block-elements: each duration needs a label and ms (> 0, or null for until unblocked).');
          }
          return choice;
        });
  const forever = timed.some((choice) => choice.ms === null) ? [] : [{ label: t.durationForever, ms: null }];
  return { choices: [...forever, ...timed] };
}

function tokens(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}
