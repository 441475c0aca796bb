/** One reason the agent can give. `freeText` asks for their own words (e.g. "Other"). */
export interface ReasonChoice {
  value: string;
  label: string;
  freeText?: boolean;
}

/** The reason question: a radio group; `required` makes an answer necessary to confirm. */
export interface ReasonsQuestion {
  choices: readonly ReasonChoice[];
  required?: boolean;
}

/** One duration: `ms` from now, or `null` for "until unblocked". */
export interface DurationChoice {
  label: string;
  ms: number | null;
}

/** The duration question: a select, the first choice preselected. */
export interface DurationsQuestion {
  choices: readonly DurationChoice[];
}

/** What the agent answered. */
export interface ConfirmAnswer {
  reason: string | null;
  until: string | null;
}

/** The agent's picks while the dialog is open (kept by the dialog; rendered by this module). */
export interface Picks {
  reason: ReasonChoice | null;
  text: string;
  duration: number;
  /** Set when the agent confirmed without a required answer. */
  missing: boolean;
}

export const noPicks = (): Picks => ({ reason: null, text: '', duration: 0, missing: false });

/** The answer to send, or null while a required reason is missing. */
export function answerOf(
  picks: Picks,
  reasons: ReasonsQuestion | undefined,
  durations: DurationsQuestion | undefined,
): ConfirmAnswer | null {
  const reason = picks.reason ? (picks.reason.freeText ? picks.text.trim() || null : picks.reason.value) : null;
  if (reasons?.required && !reason) return null;
  const ms = durations?.choices[picks.duration]?.ms ?? null;
  return { reason, until: ms === null ? null : new Date(Date.now() + ms).toISOString() };
}
