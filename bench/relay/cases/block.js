// Block through the relay over HTTP: one at a time for latency (the budget's p99), then
// several in flight for throughput. Each is a new customer with an Idempotency-Key, as
// fetchBackend sends it, and must come back 201 (the mock chat API confirmed it).
import { caller } from '../client.js';
import { BUDGETS } from '../config.js';
import { phoneOf } from '../phones.js';
import { withStack } from '../stack.js';
import { summary, timed } from '../stats.js';

const WARM_UP = 20;

export function blockCase({ db, sizes }) {
  return withStack(db, 1, async ({ urls, cookie }) => {
    const relay = caller(urls[0], cookie);
    let n = 0;
    const block = async () => {
      const phone = phoneOf(200, n++);
      const [ms, answer] = await timed(() => relay.post('/customer/block', { phone, reason: 'bench' }, `block-${n}`));
      if (answer.status !== 201) throw new Error(`block ${phone} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return ms;
    };
    for (let i = 0; i < WARM_UP; i++) await block();
    const one = [];
    for (let i = 0; i < sizes.blockSequential; i++) one.push(await block());
    const many = [];
    let left = sizes.blockConcurrent;
    const [ms] = await timed(() => Promise.all(Array.from({ length: sizes.inFlight }, async () => {
      while (left-- > 0) many.push(await block());
    })));
    const serial = summary(one);
    const parallel = summary(many);
    const g1 = `block, 1 in flight (${serial.n})`;
    const gN = `block, ${sizes.inFlight} in flight (${parallel.n})`;
    return [
      { group: g1, measure: 'p50', value: serial.p50, unit: 'ms' },
      { group: g1, measure: 'p99', value: serial.p99, unit: 'ms', budget: BUDGETS.block },
      { group: gN, measure: 'throughput', value: parallel.n / (ms / 1000), unit: '/s' },
      { group: gN, measure: 'p50', value: parallel.p50, unit: 'ms' },
      { group: gN, measure: 'p99', value: parallel.p99, unit: 'ms' },
    ];
  });
}
