import { html, nothing } from 'lit';
import type { ChatStrings } from '../../strings/en.js';

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

/**
 * The extra questions of a block: a reason radio group (with a text field for a
 * free-text choice) and a duration select. `changed` re-renders the dialog.
 */
export function renderChoices(
  t: ChatStrings,
  picks: Picks,
  reasons: ReasonsQuestion | undefined,
  durations: DurationsQuestion | undefined,
  changed: () => void,
) {
  const pick = (choice: ReasonChoice) => () => {
    picks.reason = choice;
    picks.missing = false;
    changed();
  };
  return html`${
    reasons?.choices.length
      ? html`<fieldset part="reasons" role="radiogroup" aria-required=${reasons.required ? 'true' : 'false'} aria-invalid=${picks.missing ? 'true' : 'false'} aria-describedby=${picks.missing ? 'reason-missing' : nothing}><legend part="reasons-legend">${t.reasonLegend}${
          reasons.required ? nothing : html` <span part="optional">${t.reasonOptional}</span>`
        }</legend>${reasons.choices.map(
          (choice, i) =>
            html`<label part="reason"><input type="radio" name="reason" .value=${String(i)} .checked=${picks.reason === choice} @change=${pick(choice)} />${choice.label}</label>`,
        )}${
          picks.reason?.freeText
            ? html`<label part="reason-text-label">${t.reasonTextLabel}<input part="reason-text" type="text" maxlength="200" .value=${picks.text} @input=${(e: Event) => {
                picks.text = (e.target as HTMLInputElement).value;
                picks.missing = false;
              }} /></label>`
            : nothing
        }${picks.missing ? html`<p id="reason-missing" part="reason-missing" role="alert">${t.reasonMissing}</p>` : nothing}</fieldset>`
      : nothing
  }${
    durations?.choices.length
      ? html`<label part="duration-label">${t.durationLabel}<select part="duration" @change=${(e: Event) => {
          picks.duration = (e.target as HTMLSelectElement).selectedIndex;
          changed();
        }}>${durations.choices.map((choice, i) => html`<option .selected=${i === picks.duration}>${choice.label}</option>`)}</select></label>`
      : nothing
  }`;
}
