// The blocked list at 10,000 entries: the first page, a search by name (1 customer in 20
// matches, so a page fills after about 1,000 rows), and a search by number that matches one
// customer (so it walks all 10,000). The relay's own import (seed) writes them in one go.
import { caller } from '../client.js';
import { BUDGETS } from '../config.js';
import { phoneOf } from '../phones.js';
import { withStack } from '../stack.js';
import { summary, timed } from '../stats.js';

const FIRST = ['Priya', 'José', 'Zoë', 'Ana', 'Łukasz', 'Chloé', 'Mehmet', 'Aiko', 'Søren', 'Ngozi', 'Omar', 'Inés', 'Kenji', 'Fatima', 'Noah', 'Amélie', 'Ravi', 'Björn', 'Lucía', 'Tomás'];
const LAST = ['Sharma', 'Núñez', 'Müller', 'Kowalski', 'Østergaard', 'Çelik', 'García', 'Dubois', 'Tanaka', 'Ferreira', 'Okafor', 'Haddad', 'Nakamura', 'Rossi', 'Schäfer', 'Ibáñez', 'Andersson', 'Kaya', 'Moreau', 'Pérez'];
// As an agent types them: no accents, any case.
const NAME_QUERIES = ['nunez', 'Muller', 'celik', 'PEREZ', 'ibanez', 'Schafer'];
const SERIES = 300;
const WARM_UP = 10;

const nameOf = (i) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;

export function listCase({ db, sizes, log }) {
  return withStack(db, 1, async ({ urls, cookie, relays }) => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const entries = Array.from({ length: sizes.listEntries }, (_, i) => ({
      phone: phoneOf(SERIES, i), name: nameOf(i), blocked: true, reason: 'bench', by: 'Bench', at: new Date(start + i * 60_000).toISOString(),
    }));
    const [seedMs] = await timed(() => relays[0].call('seed', entries));
    log(`list: seeded ${entries.length} blocked customers in ${seedMs.toFixed(0)} ms`);
    const relay = caller(urls[0], cookie);
    const kinds = [
      { name: 'first page (50)', path: () => '/customers/blocked?limit=50', expect: 50 },
      { name: 'search by name, 1 in 20 match', path: (i) => `/customers/blocked?limit=50&q=${encodeURIComponent(NAME_QUERIES[i % NAME_QUERIES.length])}`, expect: 50 },
      // Digits as people write them: "+1 300 000 4321" matches that one customer's phone.
      { name: 'search by number, 1 match', path: (i) => `/customers/blocked?limit=50&q=${encodeURIComponent(spaced(phoneOf(SERIES, (i * 7919) % sizes.listEntries)))}`, expect: 1 },
    ];
    const samples = kinds.map(() => []);
    for (let i = -WARM_UP; i < sizes.listSamples; i++) {
      // Interleaved, so whatever drifts during the run weighs on every kind alike.
      for (const [k, kind] of kinds.entries()) {
        const [ms, answer] = await timed(() => relay.get(kind.path(Math.abs(i))));
        if (answer.status !== 200 || answer.body.items.length !== kind.expect) {
          throw new Error(`${kind.name} answered ${answer.status} with ${answer.body.items?.length} items (expected ${kind.expect})`);
        }
        if (i >= 0) samples[k].push(ms);
      }
    }
    return kinds.flatMap((kind, k) => {
      const s = summary(samples[k]);
      const group = `list of ${sizes.listEntries.toLocaleString('en-US')}: ${kind.name}`;
      return [
        { group, measure: 'p50', value: s.p50, unit: 'ms' },
        { group, measure: 'p99', value: s.p99, unit: 'ms', budget: BUDGETS.listPage },
      ];
    });
  });
}

/** "+13000004321" as "+1 300 000 4321". */
const spaced = (phone) => `${phone.slice(0, 2)} ${phone.slice(2, 5)} ${phone.slice(5, 8)} ${phone.slice(8)}`;
