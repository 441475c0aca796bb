import type { Customer } from './server/customers.js';
import type { MockControl } from './server/mock-api.js';

/** The demo's own endpoints on the mock server (block/unblock go through `fetchBackend`). */

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`/api${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} /api${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export const demoApi = {
  customers: () => call<Customer[]>('/customers'),
  /** The demo's listing endpoint (the reference API has none). */
  blockedCustomers: () => call<Customer[]>('/customers?blocked=true'),
  control: () => call<MockControl>('/control'),
  setControl: (patch: Partial<MockControl>) =>
    call<MockControl>('/control', { method: 'POST', body: JSON.stringify(patch) }),
  reset: () => call<{ ok: true }>('/reset', { method: 'POST', body: '{}' }),
};

export type { Customer, Message } from './server/customers.js';
export type { MockControl, FailureMode } from './server/mock-api.js';
