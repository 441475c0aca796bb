// The bench's side of the SSE readers: several worker processes (2 cores: parsing 1,000
// streams on one event loop would time the reader, not the relay), asked as one.
import { fileURLToPath } from 'node:url';
import { startChild } from './ipc.js';

const WORKER = fileURLToPath(new URL('./sse-worker.js', import.meta.url));

/**
 * Opens `count` streams over `urls` (each worker spreads its share over all of them) with
 * `cookie`, in `workers` processes; resolves once every one got its `ready` event.
 */
export async function openReaders({ urls, count, cookie, workers }) {
  const children = await Promise.all(Array.from({ length: workers }, () => startChild(WORKER)));
  const share = (i) => Math.floor(count / workers) + (i < count % workers ? 1 : 0);
  try {
    await Promise.all(children.map((child, i) => child.call('open', { urls, count: share(i), cookie })));
  } catch (error) {
    await Promise.all(children.map((c) => c.stop()));
    throw error;
  }
  return {
    count,
    /**
     * Every id in (from, to] as `{ id, count, first, last }` summed over the workers, plus
     * `disorder` (duplicates or out of order) and `ended` (streams the relay closed).
     */
    async received(from, to) {
      const parts = await Promise.all(children.map((c) => c.call('received', { from, to })));
      const byId = new Map();
      for (const { ids } of parts) {
        for (const [id, n, first, last] of ids) {
          const s = byId.get(id) ?? { id, count: 0, first: Infinity, last: -Infinity };
          byId.set(id, { id, count: s.count + n, first: Math.min(s.first, first), last: Math.max(s.last, last) });
        }
      }
      return {
        ids: [...byId.values()].sort((a, b) => a.id - b.id),
        disorder: parts.reduce((sum, p) => sum + p.disorder, 0),
        ended: parts.reduce((sum, p) => sum + p.ended, 0),
      };
    },
    close: () => Promise.all(children.map((c) => c.stop())),
  };
}
