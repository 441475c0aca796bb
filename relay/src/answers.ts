import type { UpstreamOutcome } from './upstream.js';
import type { CustomerState } from './types.js';

/** What the page is told about a block or unblock, and what its Idempotency-Key replays. */
export interface PageAnswer {
  status: number;
  body: unknown;
}

export const NOT_CONFIRMED = 'The chat service has not confirmed this yet; the relay keeps trying.';

/** 201 with the state once confirmed; the chat API's refusal in its words; else 202 with the state. */
export function pageAnswer(outcome: UpstreamOutcome | null, state: CustomerState): PageAnswer {
  if (outcome?.kind === 'confirmed') return { status: 201, body: state };
  if (outcome?.kind === 'refused') return { status: outcome.page.status, body: { statusCode: outcome.page.status, message: outcome.page.message } };
  return notConfirmed(state);
}

export const notConfirmed = (state: CustomerState): PageAnswer => ({ status: 202, body: { ...state, statusCode: 202, message: NOT_CONFIRMED } });
