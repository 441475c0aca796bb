// The random fault run (issues 6 and 15): hundreds of block/unblock requests through the real
// menu and dialog, against a local HTTP server that commits every change when it arrives, as
// real servers do, and then may lose the answer: it answers after the client's timeout, resets
// the connection after the write, or hangs; it also answers 500 and 404 (nothing written), all
// while the conversation rows re-sort and re-render mid-request (test/edge-api-middleware.js).
//
// Two configurations:
// - with status() and follow() (a relay): once each request has settled, what every view shows
//   must be what the server has, and nothing may be left unconfirmed;
// - with the reference API alone (nothing to read back): no view may show a definite state the
//   server does not have; "not confirmed" is allowed.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { BlockStore, connectBackend, fetchBackend, type ChatBlockErrorEvent, type ChatHeaderMenu, type ChatStatusPill } from '../src/index.js';
import { dialogOf, until } from './helpers.js';

const SEQUENCES = 200;
// Eight customers' sequences at once: the run is mostly waiting for late answers and timeouts (more
// only queue behind the browser's six connections per host: sixteen took as long).
const CONCURRENCY = 8;
const SEED = 20261205;
const PHONES = Array.from({ length: CONCURRENCY }, (_, i) => `+9198000000${String(i + 1).padStart(2, '0')}`);

/** Deterministic choices on the page side too, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const post = (path: string, body: unknown) =>
  fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

interface ServerTruth {
  blocked: Record<string, boolean>;
  revisions: Record<string, number>;
  counts: Record<string, number>;
  log?: { blocked: boolean; revision: number }[];
}
const truth = async (history = ''): Promise<ServerTruth> => (await fetch(`/edge/fault/state?history=${encodeURIComponent(history)}`)).json();

/** What a view's words claim: blocked (true), not blocked (false), or nothing (null: "not confirmed", a spinner). */
function pillClaim(shown: string): boolean | null {
  if (/not confirmed/.test(shown)) return null;
  if (/^(Blocked|Couldn't unblock)/.test(shown)) return true;
  if (shown === '' || /^(Unblocked|Couldn't block)/.test(shown)) return false;
  return null;
}
function menuClaim(label: string): boolean | null {
  return label === 'Unblock' ? true : label === 'Block' ? false : null;
}

async function faultRun(mode: 'relay' | 'reference') {
  await post('/edge/fault/reset', { seed: SEED, mode });
  const rand = random(SEED);
  const store = new BlockStore({ statusRetry: { attempts: 6, baseMs: 100, maxMs: 800, timeoutMs: 1500 } });
  const list = await fixture<HTMLUListElement>(html`<ul>
    ${PHONES.map(
      (phone) => html`<li data-phone=${phone}>
        <chat-status-pill customer=${phone} transient-ms="0" .store=${store}></chat-status-pill>
        <chat-header-menu customer=${phone} customer-name=${`Customer ${phone.slice(-1)}`} .store=${store}></chat-header-menu>
      </li>`,
    )}
  </ul>`);
  const relay = mode === 'relay';
  const backend = fetchBackend({ baseUrl: '/edge/fault', ...(relay ? { statusPath: '/customer/status', eventsPath: '/events' } : {}) });
  // The issue's setting: a 1 s timeout, which the server's late answers (1.6 s) miss.
  const disconnect = connectBackend(list, backend, { timeoutMs: 1000, store });
  const unfollow = relay ? store.follow(backend.eventsUrl!) : () => {};
  // Kept by reference: a row being re-rendered is out of the list for a moment.
  const rows = new Map([...list.querySelectorAll<HTMLLIElement>('li')].map((li) => [li.dataset.phone!, li]));
  const rowOf = (phone: string) => rows.get(phone)!;
  const menuOf = (phone: string) => rowOf(phone).querySelector<ChatHeaderMenu>('chat-header-menu')!;
  const pillOf = (phone: string) => rowOf(phone).querySelector<ChatStatusPill>('chat-status-pill')!;

  /** What the list does to a row while its request runs: re-sort it to the top, or re-render it. */
  const disturb = async (row: HTMLLIElement) => {
    if (rand() < 0.6) return void list.prepend(row);
    row.remove();
    await new Promise((r) => setTimeout(r, Math.floor(rand() * 100)));
    list.append(row);
  };

  const unconfirmedEvents = new Set<string>();
  const onError = ({ detail }: ChatBlockErrorEvent) => {
    if (detail.outcome !== 'unconfirmed') return;
    unconfirmedEvents.add(detail.customer.id);
    count('unconfirmed');
  };
  document.addEventListener('chat-block-error', onError);

  let sequences = 0;
  const wrong: string[] = [];
  const outcomes: Record<string, number> = {};
  const count = (name: string) => (outcomes[name] = (outcomes[name] ?? 0) + 1);

  /** Compares what the views of `phone` claim with the server (relay: they must show it). */
  async function check(phone: string, menuLabel: string | null) {
    const server = await truth();
    const serverBlocked = server.blocked[phone] ?? false;
    // A request the page gave up on can still land after the status read that settled it (it
    // waited in the browser's queue for a connection, then reached the server): its change then
    // comes down the stream. Give the stream a moment to deliver what the server has; a view
    // still wrong after that is a mismatch.
    if (relay) await until(() => (store.get(phone).revision ?? 0) >= (server.revisions[phone] ?? 0), 3000, '').catch(() => {});
    const state = store.get(phone);
    const pill = pillOf(phone);
    await until(() => pill.isConnected, 2000, 'the pill back in the list');
    await pill.updateComplete;
    const shown = (pill.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
    const claims = {
      store: state.unconfirmed ? null : state.blocked,
      pill: pillClaim(shown),
      ...(menuLabel === null ? {} : { menu: menuClaim(menuLabel) }),
    };
    const bad = Object.entries(claims).filter(([, claim]) => (relay ? claim !== serverBlocked : claim !== null && claim !== serverBlocked));
    if (bad.length) {
      const { log = [] } = await truth(phone);
      wrong.push(
        `#${sequences} ${phone}: server ${serverBlocked} at revision ${server.revisions[phone] ?? 0}; ` +
          `${bad.map(([v, c]) => `${v} ${c}`).join(', ')} (store at revision ${state.revision}, pill "${shown}", menu "${menuLabel}"; ` +
          `server's changes: ${log.map((c) => `${c.revision} ${c.blocked ? 'blocked' : 'unblocked'}`).join(', ')})`,
      );
    }
  }

  async function sequence(phone: string) {
    const menu = menuOf(phone);
    await until(() => menu.isConnected, 2000, 'the row back in the list');
    menu.show();
    // The menu renders its items from the store (a row back from a re-render catches up here).
    await menu.updateComplete;
    const item = menu.shadowRoot!.querySelector<HTMLElement & { disabled: boolean; label: string }>('[part~="block-item"]')!;
    expect(item.disabled, `${phone}: the item can be chosen`).to.equal(false);
    // What the menu claims now, once the last sequence has settled.
    await check(phone, item.label);
    const before = store.get(phone);
    item.click();
    if (!before.unconfirmed) {
      await until(() => menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open === true, 2000, 'dialog open');
      const dialog = dialogOf(menu);
      await dialog.updateComplete;
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm"]')!.click();
    } else count('retried');
    await until(() => store.get(phone) !== before, 2000, 'request started');
    // Mid-request only: a disturbance after the answer would hit the next request's dialog.
    const disturbed =
      rand() < 0.7
        ? new Promise<void>((done) =>
            setTimeout(() => (store.get(phone).pending ? disturb(rowOf(phone)).then(done) : done()), Math.floor(rand() * 250)),
          )
        : Promise.resolve();
    await until(() => store.get(phone).pending === null, 5000, `request for ${phone} to settle`);
    await disturbed;
    const dialog = menu.shadowRoot!.querySelector<HTMLElement & { open: boolean; cancel(): void }>('chat-confirm-dialog');
    // The dialog shows a refusal when the row stayed: the agent cancels it, as they would.
    if (dialog?.open) dialog.cancel();
    const state = store.get(phone);
    // Unconfirmed outcomes are counted from their chat-block-error events: a status read may
    // already have settled one by now.
    if (!unconfirmedEvents.has(phone)) count(state.error ? ((state.error.error as { code?: string }).code ?? 'error') : 'accepted');
    unconfirmedEvents.delete(phone);
    // With a relay, the store reads the truth back (or hears it pushed) by itself.
    if (relay) await until(() => !store.get(phone).unconfirmed && !store.get(phone).checking, 10_000, `${phone} to be settled by status/follow`);
    sequences++;
    // Now and then the change stream drops (a proxy restart): the browser resumes it.
    if (relay && sequences % 25 === 0) await post('/edge/fault/drop-streams', {});
    await check(phone, null);
  }

  // CONCURRENCY customers at a time, each running its own sequences back to back.
  const perLane = Math.ceil(SEQUENCES / CONCURRENCY);
  await Promise.all(
    PHONES.slice(0, CONCURRENCY).map(async (phone) => {
      for (let i = 0; i < perLane; i++) await sequence(phone);
    }),
  );
  const unconfirmedLeft = PHONES.filter((phone) => store.get(phone).unconfirmed).length;
  disconnect();
  unfollow();
  document.removeEventListener('chat-block-error', onError);
  const server = await truth();
  return { sequences, wrong, outcomes, unconfirmedLeft, counts: server.counts };
}

describe('fault run: a server that commits on arrival and loses answers', () => {
  it(`with status and follow: ${SEQUENCES} sequences, every view shows the server's state, nothing left unconfirmed`, async function () {
    this.timeout(300_000);
    const run = await faultRun('relay');
    console.log(
      `sequences: ${run.sequences}, mismatches: ${run.wrong.length}, unconfirmed left: ${run.unconfirmedLeft} ` +
        `(server ${JSON.stringify(run.counts)}; outcomes ${JSON.stringify(run.outcomes)})`,
    );
    expect(run.sequences).to.be.at.least(SEQUENCES);
    expect(run.counts.late + run.counts.reset + run.counts.hang, 'answers were lost after the commit').to.be.greaterThan(30);
    expect(run.outcomes.unconfirmed ?? 0, 'some outcomes were unconfirmed').to.be.greaterThan(20);
    expect(run.wrong, run.wrong.join('\n')).to.deep.equal([]);
    expect(run.unconfirmedLeft).to.equal(0);
  });

  it(`with the reference API alone: ${SEQUENCES} sequences, no view contradicts the server`, async function () {
    this.timeout(300_000);
    const run = await faultRun('reference');
    console.log(
      `sequences: ${run.sequences}, contradictions: ${run.wrong.length} ` +
        `(server ${JSON.stringify(run.counts)}; outcomes ${JSON.stringify(run.outcomes)})`,
    );
    expect(run.sequences).to.be.at.least(SEQUENCES);
    expect(run.counts.late + run.counts.reset + run.counts.hang, 'answers were lost after the commit').to.be.greaterThan(30);
    expect(run.outcomes.retried ?? 0, 'unconfirmed changes were retried from the menu').to.be.greaterThan(10);
    expect(run.wrong, run.wrong.join('\n')).to.deep.equal([]);
  });
});
