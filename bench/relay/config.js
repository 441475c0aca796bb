// What the bench's relays share (the agent, the keys) and how big each case is, full or quick.

/** The one agent the bench signs in as; the SSE readers and the load share its cookie. */
export const AGENT = { id: 'bench', name: 'Bench', canBlock: true };
export const API_KEY = 'bench-chat-api-key';
export const SECRET = 'a-bench-cookie-secret-that-is-long-enough-42';

/** The budgets (PostgreSQL), checked against each figure's p99. */
export const BUDGETS = {
  block: { max: 50, unit: ' ms' },
  fanout: { max: 250, unit: ' ms' },
  listPage: { max: 50, unit: ' ms' },
};

export function sizesFor(quick) {
  return quick
    ? { blockSequential: 100, blockConcurrent: 400, inFlight: 16, fanoutRounds: 8, sseClients: 1000, sseWorkers: 2, listEntries: 10_000, listSamples: 60, loadSeconds: 8, loadConnections: 32, loadPhones: 400 }
    : { blockSequential: 500, blockConcurrent: 2000, inFlight: 16, fanoutRounds: 30, sseClients: 1000, sseWorkers: 2, listEntries: 10_000, listSamples: 300, loadSeconds: 30, loadConnections: 32, loadPhones: 1000 };
}
