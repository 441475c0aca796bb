import { html, nothing } from 'lit';
import type { ChatStrings } from '../../strings/en.js';
import type { DurationsQuestion, Picks, ReasonChoice, ReasonsQuestion } from './confirm-choices.js';

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
