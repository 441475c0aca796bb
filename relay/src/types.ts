/** Who is asking, as the host's `authorize(request)` hook says. `by` always comes from here. */
export interface Agent {
  id: string;
  /** Shown to other agents ("Blocked by Asha"). */
  name: string;
  /** Whether this agent may block and unblock (reads and the stream need only a signed-in agent). */
  canBlock: boolean;
}

export type Action = 'block' | 'unblock';

/** A customer's state as every answer, read and push carries it (see the README's HTTP surface). */
export interface CustomerState {
  phone: string;
  name: string | null;
  /** What is in force: the last state the chat API confirmed (or that was seeded). */
  blocked: boolean;
  reason: string | null;
  until: string | null;
  by: string | null;
  at: string | null;
  revision: number;
  /** A change the relay has committed and the chat API has not confirmed yet. */
  pending: {
    action: Action;
    reason: string | null;
    until: string | null;
    by: string | null;
    since: string | null;
  } | null;
}

/** The agent an expiry is recorded as. */
export const SYSTEM_AGENT: Agent = { id: 'system', name: 'system', canBlock: true };
