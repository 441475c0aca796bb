// After the load: is every change it made still there? A change is a block or unblock the
// relay answered 2xx (it was committed), or one cut off at the end of the run whose
// Idempotency-Key the audit log shows was committed anyway. Each is LOST when:
//   - no `requested` audit row carries its key (answered ones), or
//   - the change log has no row at the revision its answer gave, for its phone and action
//     (201: in force with nothing pending; 202: pending with its action), or
//   - at the end, once nothing is pending, its phone's last change is not what is in force
//     in the relay (customer_state), or not what the mock chat API holds, or
//   - a revision committed during the load did not reach every open event stream, or one
//     the streams got is no longer in the change log.
// Streams that got a change twice or out of order count as errors, not losses.
import { until, wait } from './wait.js';

/** Waits until nothing is pending and no audit row has been added for a second (the cut requests ran out). */
async function settle(query, ms = 60_000) {
  const end = Date.now() + ms;
  let before = null;
  for (;;) {
    const [row] = await query(`SELECT (SELECT count(*) FROM customer_state WHERE pending_action IS NOT NULL) AS pending, (SELECT count(*) FROM audit_log) AS audit`);
    const now = `${row.pending}/${row.audit}`;
    if (Number(row.pending) === 0 && now === before) return;
    if (Date.now() > end) throw new Error(`the relay did not settle within ${ms / 1000} s (pending/audit rows: ${now})`);
    before = now;
    await wait(1000);
  }
}

/**
 * `{ lost, why, disorder, acknowledged, cut }`. `requests` as driveLoad records them;
 * `followers` the event streams opened before the load; `from` the newest revision before it.
 */
export async function checkLoad({ stack, requests, followers, from }) {
  const query = (sql, params = []) => stack.relays[0].call('query', { sql, params });
  await settle(query);
  const audited = new Map();
  for (const { key, event } of await query(`SELECT idempotency_key AS key, event FROM audit_log WHERE idempotency_key LIKE 'load-%'`)) {
    if (!audited.has(key)) audited.set(key, new Set());
    audited.get(key).add(event);
  }
  const logged = new Map((await query(
    `SELECT revision, phone, (state->>'blocked')::boolean AS blocked, state->'pending'->>'action' AS pending FROM change_log WHERE revision > $1`, [from],
  )).map((r) => [Number(r.revision), r]));
  const inForce = new Map((await query(`SELECT phone, blocked, pending_action FROM customer_state`)).map((r) => [r.phone, r]));

  const why = { notAudited: 0, notInChangeLog: 0, notInForce: 0, chatApiDisagrees: 0, notPushed: 0, pushedNotLogged: 0 };
  const acknowledged = requests.filter((r) => r.status >= 200 && r.status < 300);
  for (const r of acknowledged) {
    if (!audited.get(r.key)?.has('requested')) why.notAudited++;
    const row = logged.get(r.revision);
    const matches = row && row.phone === r.phone && (r.status === 201 ? row.blocked === (r.action === 'block') && row.pending === null : row.pending === r.action);
    if (!matches) why.notInChangeLog++;
  }
  // The last change per phone: answered, or cut off but committed (its key was audited).
  const last = new Map();
  const cut = requests.filter((r) => r.status === null);
  for (const r of requests) {
    if (r.status === null ? audited.get(r.key)?.has('requested') : r.status >= 200 && r.status < 300) last.set(r.phone, r);
  }
  const phones = [...last.keys()];
  const chatApi = await stack.mock.call('blocked', phones);
  phones.forEach((phone, i) => {
    const blocked = last.get(phone).action === 'block';
    const state = inForce.get(phone);
    if (!state || state.blocked !== blocked || state.pending_action !== null) why.notInForce++;
    if (chatApi[i] !== blocked) why.chatApiDisagrees++;
  });
  // The streams may still be writing the last changes out: give them 10 s.
  const readPushed = async () => {
    const got = await followers.received(from);
    return { ...got, reached: new Map(got.ids.map((s) => [s.id, s.count])) };
  };
  const missing = (got) => [...logged.keys()].filter((revision) => got.reached.get(revision) !== followers.count).length;
  const pushed = await until(async () => {
    const got = await readPushed();
    return missing(got) === 0 && got;
  }, { ms: 10_000, every: 200, what: 'every change on every stream' }).catch(readPushed);
  why.notPushed = missing(pushed);
  why.pushedNotLogged = pushed.ids.filter((s) => !logged.has(s.id)).length;
  const lost = Object.values(why).reduce((a, b) => a + b, 0);
  return { lost, why, disorder: pushed.disorder, acknowledged: acknowledged.length, cut: cut.length, changes: logged.size };
}
