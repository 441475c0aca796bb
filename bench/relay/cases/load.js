// The load run: autocannon sends blocks and unblocks for a bounded time (on PostgreSQL
// through both instances at once, half the connections each), with one event stream open
// per instance; then load-check.js looks for every change it made. Must end with 0 errors
// and 0 lost changes, on either database.
import { driveLoad } from '../load-driver.js';
import { checkLoad } from '../load-check.js';
import { openReaders } from '../readers.js';
import { withStack } from '../stack.js';
import { summary } from '../stats.js';

const ZERO = { max: 0, unit: '' };

export function loadCase({ db, sizes, log }) {
  const instances = db.kind === 'postgres' ? 2 : 1;
  return withStack(db, instances, async (stack) => {
    const followers = await openReaders({ urls: stack.urls, count: instances, cookie: stack.cookie, workers: 1 });
    try {
      const [{ newest }] = await stack.relays[0].call('query', { sql: `SELECT coalesce(max(revision), 0) AS newest FROM change_log`, params: [] });
      const from = Number(newest);
      const runs = await Promise.all(stack.urls.map((url, i) => driveLoad({
        url, cookie: stack.cookie, series: 400 + i, phones: Math.floor(sizes.loadPhones / instances),
        connections: Math.floor(sizes.loadConnections / instances), seconds: sizes.loadSeconds,
      })));
      const requests = runs.flatMap((r) => r.requests);
      const sum = (field) => runs.reduce((total, r) => total + r.result[field], 0);
      const seconds = Math.max(...runs.map((r) => r.result.duration));
      const check = await checkLoad({ stack, requests, followers, from });
      const accepted = requests.filter((r) => r.status === 202).length;
      log(`load: ${requests.length} sent, ${check.acknowledged} answered 2xx (${accepted} of them 202), ${check.cut} cut off at the end, `
        + `${check.changes} changes committed; errors ${sum('errors')}, timeouts ${sum('timeouts')}, non-2xx ${sum('non2xx')}, `
        + `streams out of order ${check.disorder}; lost ${check.lost} ${JSON.stringify(check.why)}`);
      const refused = new Map();
      for (const r of requests.filter((x) => x.error !== undefined)) refused.set(`${r.status} ${r.error}`, (refused.get(`${r.status} ${r.error}`) ?? 0) + 1);
      if (refused.size) log(`load: answers other than 2xx: ${[...refused].slice(0, 5).map(([what, n]) => `${n} × ${what}`).join('; ')}`);
      const times = summary(requests.filter((r) => r.status !== null).map((r) => r.ms));
      const group = `load: autocannon, ${sizes.loadConnections} connections, ${sizes.loadSeconds} s`;
      return [
        { group, measure: 'requests/s answered 2xx', value: check.acknowledged / seconds, unit: '/s' },
        { group, measure: 'p50', value: times.p50, unit: 'ms' },
        { group, measure: 'p99', value: times.p99, unit: 'ms' },
        { group, measure: 'errors (non-2xx, socket, timeout, stream order)', value: sum('errors') + sum('timeouts') + sum('non2xx') + check.disorder, unit: 'count', budget: ZERO, counted: 'both' },
        { group, measure: 'lost changes', value: check.lost, unit: 'count', note: `of ${check.changes.toLocaleString('en-US')}`, budget: ZERO, counted: 'both' },
      ];
    } finally {
      await followers.close();
    }
  });
}
