import type { Customer } from './server/customers.js';
import type { DemoAgent } from './server/agents.js';
import { agentBase } from './server/agents.js';

/**
 * The demo page's calls to its own server that are not block requests: the host's customers,
 * who can sign in, the sign-in itself (the relay's signed cookie), and the mock chat API's
 * controls. Blocks, unblocks, status reads, the list and the change stream go through
 * `relayBackend()`.
 */

/** A customer as the host's own data has them: the block state comes from the relay. */
export type HostCustomer = Omit<Customer, 'blocked' | 'blockReason' | 'blockedUntil' | 'blockedAt'>;

/** The mock chat API's faults, as `demo/server/demo-backend.ts` serves them. */
export type UpstreamFault = 'none' | 'down' | 'reset' | 'hang' | 'refuse';
export interface UpstreamControls {
  fault: UpstreamFault;
  latencyMs: number;
  faultPhones: string[];
  /** What the chat API itself holds (the third party's truth). */
  blocked: Record<string, boolean>;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'chat-block-elements' },
  });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${path} answered ${response.status}`);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const demoApi = {
  customers: () => call<HostCustomer[]>('/api/customers'),
  agents: () => call<DemoAgent[]>('/api/agents'),
  /** Signs this window in as `agentId`: the relay's signed cookie, scoped to the agent's path. */
  signIn: (agentId: string) =>
    call<DemoAgent>(`${agentBase(agentId)}/auth/login`, { method: 'POST', body: JSON.stringify({ agent: agentId }) }),
  upstream: () => call<UpstreamControls>('/api/mock/upstream'),
  setUpstream: (patch: Partial<Pick<UpstreamControls, 'fault' | 'latencyMs' | 'faultPhones'>>) =>
    call<UpstreamControls>('/api/mock/upstream', { method: 'POST', body: JSON.stringify(patch) }),
  reset: () => call<{ ok: true }>('/api/mock/reset', { method: 'POST', body: '{}' }),
};

export type { Message } from './server/customers.js';
export type { DemoAgent } from './server/agents.js';
