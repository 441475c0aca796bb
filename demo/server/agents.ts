/** An agent of the demo's team inbox, as the relay's sign-in knows them. */
export interface DemoAgent {
  id: string;
  name: string;
  /** Whether the relay lets them block and unblock (the host's `authorize` decides; here, a flag). */
  canBlock: boolean;
}

/** Three agents: two who may block, one who may only look (the menu shows Block disabled, with why). */
export const DEMO_AGENTS: readonly DemoAgent[] = [
  { id: 'dana', name: 'Dana Kapoor', canBlock: true },
  { id: 'ben', name: 'Ben Okafor', canBlock: true },
  { id: 'meera', name: 'Meera Nair', canBlock: false },
];

/**
 * Where an agent's page talks to the relay. Each agent has a path of their own, and their
 * sign-in cookie is scoped to it, so two windows of one browser can be two agents.
 */
export const agentBase = (agentId: string) => `/api/as/${encodeURIComponent(agentId)}`;
