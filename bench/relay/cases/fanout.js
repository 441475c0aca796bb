// Fan-out: 1,000 event streams open (on PostgreSQL half on instance A, half on B), a block
// sent through A, and the time until the last stream has the change. The clock starts when
// the bench sends the block, a little before the relay commits it (it parses, checks and
// opens its transaction first), so the figure overstates commit → last client slightly.
// The change timed is the block's first one (the committed intent, before the chat API is
// called); the confirmation follows as a second change.
import { caller } from '../client.js';
import { BUDGETS } from '../config.js';
import { phoneOf } from '../phones.js';
import { openReaders } from '../readers.js';
import { withStack } from '../stack.js';
import { summary, wallNow } from '../stats.js';
import { until, wait } from '../wait.js';

export function fanoutCase({ db, sizes, log }) {
  const instances = db.kind === 'postgres' ? 2 : 1;
  return withStack(db, instances, async ({ urls, cookie }) => {
    const readers = await openReaders({ urls, count: sizes.sseClients, cookie, workers: sizes.sseWorkers });
    try {
      const viaA = caller(urls[0], cookie);
      const toLast = [];
      const toFirst = [];
      let fewest = readers.count;
      let previous = 0;
      for (let round = 0; round < sizes.fanoutRounds; round++) {
        const sent = wallNow();
        const answer = await viaA.post('/customer/block', { phone: phoneOf(500, round) }, `fanout-${round}`);
        if (answer.status !== 201) throw new Error(`block answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        const confirmed = answer.body.revision;
        // Both of this block's changes (intent, confirmation) on every stream, or 10 s.
        const got = await until(async () => {
          const r = await readers.received(previous, confirmed);
          return r.ids.length >= 2 && r.ids.every((s) => s.count === readers.count) && r;
        }, { ms: 10_000, what: `revision ${confirmed} on ${readers.count} streams` }).catch(() => readers.received(previous, confirmed));
        const intent = got.ids[0];
        const reached = got.ids.length >= 2 ? Math.min(...got.ids.map((s) => s.count)) : 0;
        fewest = Math.min(fewest, reached);
        if (reached === readers.count) {
          toLast.push(intent.last - sent);
          toFirst.push(intent.first - sent);
        } else log(`fan-out round ${round}: only ${reached} of ${readers.count} streams got both changes within 10 s`);
        previous = confirmed;
        await wait(100);
      }
      const last = summary(toLast);
      const first = summary(toFirst);
      const group = `fan-out to ${readers.count.toLocaleString('en-US')} SSE clients (${sizes.fanoutRounds} blocks)`;
      const ended = (await readers.received(previous)).ended;
      if (ended) log(`fan-out: the relay closed ${ended} streams`);
      return [
        { group, measure: 'send → first client, p50', value: first.p50, unit: 'ms' },
        { group, measure: 'send → last client, p50', value: last.p50, unit: 'ms' },
        // A round where some stream never got the change counts as a miss.
        { group, measure: 'send → last client, p99', value: fewest === readers.count ? last.p99 : Infinity, unit: 'ms', budget: BUDGETS.fanout },
        { group, measure: 'clients that got every change (fewest)', value: fewest, unit: 'count', budget: { min: readers.count }, counted: 'both' },
      ];
    } finally {
      await readers.close();
    }
  });
}
