// The load: autocannon sending blocks and unblocks to one relay for a bounded time, each one
// written down (phone, action, Idempotency-Key, answer) so the checks can find it afterwards.
import autocannon from 'autocannon';
import { relayHeaders } from './client.js';
import { phoneOf } from './phones.js';

/**
 * Runs `seconds` of load with `connections` connections on `phones` customers of `series`.
 * A customer is never in two requests at once (a phone is lent to one request and returned
 * with its answer), so the last answered request of each phone is what must be in force at
 * the end. Each request toggles its phone: block, unblock, block…
 * Resolves with `{ requests, result }`: every request sent (`status` null when unanswered:
 * cut at the end of the run, or lost with its connection) and autocannon's result.
 */
export async function driveLoad({ url, cookie, series, phones, connections, seconds }) {
  const free = Array.from({ length: phones }, (_, i) => phoneOf(series, i));
  const lastAction = new Map();
  const requests = [];
  const headers = relayHeaders(cookie);
  const setupRequest = (req, context) => {
    const phone = free.shift();
    if (!phone) throw new Error('every phone is in flight: give the load more phones than connections');
    const action = lastAction.get(phone) === 'block' ? 'unblock' : 'block';
    const record = { phone, action, key: `load-${series}-${requests.length}`, sentAt: performance.now(), status: null };
    requests.push(record);
    // The context lives from this request's setup to its answer (autocannon resets it between).
    context.record = record;
    return { ...req, method: 'POST', path: `/customer/${action}`, headers: { ...headers, 'Idempotency-Key': `"${record.key}"` }, body: JSON.stringify(action === 'block' ? { phone, reason: 'load' } : { phone }) };
  };
  const onResponse = (status, body, context) => {
    const record = context.record;
    record.status = status;
    record.ms = performance.now() - record.sentAt;
    if (status >= 200 && status < 300) {
      const state = JSON.parse(body);
      record.revision = state.revision;
      record.pending = state.pending?.action ?? null;
      lastAction.set(record.phone, record.action);
    } else record.error = body.slice(0, 200);
    free.push(record.phone);
  };
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [{ setupRequest, onResponse }],
  });
  return { requests, result };
}
