// The random fault run (issue 6): hundreds of block/unblock requests through the real
// menu and dialog, against a local HTTP API that delays 0–300 ms, answers 500 and 404,
// drops connections and hangs (test/edge-api-middleware.js), while the conversation rows
// re-sort and re-render mid-request. After every request, what the screen shows must be
// what the server accepted.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { BlockStore, connectBackend, fetchBackend, type ChatHeaderMenu, type ChatStatusPill } from '../src/index.js';
import { dialogOf, until } from './helpers.js';

const SEQUENCES = 200;
const CONCURRENCY = 4;
const SEED = 20261124;
const PHONES = ['+919800000001', '+919800000002', '+919800000003', '+919800000004', '+919800000005', '+919800000006'];

/** Deterministic choices on the page side too, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const post = (path: string, body: unknown) =>
  fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('fault run: the screen matches the server after every request', () => {
  it(`${SEQUENCES} sequences against a flaky server, rows re-sorted mid-request: 0 mismatches`, async function () {
    this.timeout(180_000);
    await post('/edge/fault/reset', { seed: SEED });
    const rand = random(SEED);
    const store = new BlockStore();
    const list = await fixture<HTMLUListElement>(html`<ul>
      ${PHONES.map(
        (phone) => html`<li data-phone=${phone}>
          <chat-status-pill customer=${phone} transient-ms="0" .store=${store}></chat-status-pill>
          <chat-header-menu customer=${phone} customer-name=${`Customer ${phone.slice(-1)}`} .store=${store}></chat-header-menu>
        </li>`,
      )}
    </ul>`);
    // A timeout well above the server's longest delay: only a hang times out.
    const disconnect = connectBackend(list, fetchBackend({ baseUrl: '/edge/fault' }), { timeoutMs: 1500 });
    // Kept by reference: a row being re-rendered is out of the list for a moment.
    const rows = new Map([...list.querySelectorAll<HTMLLIElement>('li')].map((li) => [li.dataset.phone!, li]));
    const rowOf = (phone: string) => rows.get(phone)!;
    const menuOf = (phone: string) => rowOf(phone).querySelector<ChatHeaderMenu>('chat-header-menu')!;
    const pillOf = (phone: string) => rowOf(phone).querySelector<ChatStatusPill>('chat-status-pill')!;

    /**
     * What the list does to a row while its request runs: re-sort (a message arrived, the
     * row moves to the top) or re-render (a virtual list recycles it for a moment).
     */
    const disturb = async (row: HTMLLIElement) => {
      if (rand() < 0.6) return void list.prepend(row);
      row.remove();
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 100)));
      list.append(row);
    };

    let sequences = 0;
    const mismatches: string[] = [];
    const outcomes: Record<string, number> = {};

    async function sequence(phone: string) {
      const menu = menuOf(phone);
      await until(() => menu.isConnected, 2000, 'the row back in the list');
      menu.show();
      // The menu renders its items from the store (a row back from a re-render catches up here).
      await menu.updateComplete;
      const item = menu.shadowRoot!.querySelector<HTMLElement & { disabled: boolean }>('[part~="block-item"]')!;
      expect(item.disabled, `${phone}: Block/Unblock offered`).to.equal(false);
      item.click();
      await until(() => menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open === true, 2000, 'dialog open');
      const dialog = dialogOf(menu);
      await dialog.updateComplete;
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm"]')!.click();
      await until(() => store.get(phone).pending !== null || store.get(phone).error !== null, 2000, 'request started');
      // Mid-request only: a disturbance after the answer would hit the next request's dialog.
      const disturbed =
        rand() < 0.7
          ? new Promise<void>((done) =>
              setTimeout(() => (store.get(phone).pending ? disturb(rowOf(phone)).then(done) : done()), Math.floor(rand() * 250)),
            )
          : Promise.resolve();
      await until(() => store.get(phone).pending === null, 5000, `request for ${phone} to settle`);
      await disturbed;
      // The dialog shows an error when the row stayed: the agent cancels it, as they would.
      if (dialog.open) dialog.cancel();
      sequences++;
      const state = store.get(phone);
      outcomes[state.error ? (state.error.error as { code?: string }).code ?? 'error' : 'accepted'] =
        (outcomes[state.error ? (state.error.error as { code?: string }).code ?? 'error' : 'accepted'] ?? 0) + 1;
      const server = (await (await fetch('/edge/fault/state')).json()) as { blocked: Record<string, boolean> };
      const serverBlocked = server.blocked[phone] ?? false;
      const pill = pillOf(phone);
      await until(() => pill.isConnected, 2000, 'the pill back in the list');
      await pill.updateComplete;
      const shown = (pill.shadowRoot!.textContent ?? '').trim();
      // What the agent reads: "Blocked" and "Couldn't unblock" mean blocked; nothing,
      // "Unblocked" and "Couldn't block" mean not; a spinner word after the answer is a lie.
      const pillSaysBlocked = /^(Blocked|Couldn't unblock)/.test(shown)
        ? true
        : shown === '' || /^(Unblocked|Couldn't block)/.test(shown)
          ? false
          : null;
      if (state.blocked !== serverBlocked || pillSaysBlocked !== serverBlocked) {
        mismatches.push(`#${sequences} ${phone}: server ${serverBlocked}, store ${state.blocked}, pill "${shown}"`);
      }
    }

    // CONCURRENCY customers at a time, each running its own sequences back to back.
    const perLane = Math.ceil(SEQUENCES / CONCURRENCY);
    await Promise.all(
      PHONES.slice(0, CONCURRENCY).map(async (phone) => {
        for (let i = 0; i < perLane; i++) await sequence(phone);
      }),
    );
    disconnect();
    const server = (await (await fetch('/edge/fault/state')).json()) as { counts: Record<string, number> };
    console.log(
      `sequences: ${sequences}, mismatches: ${mismatches.length} ` +
        `(server answers ${JSON.stringify(server.counts)}; outcomes ${JSON.stringify(outcomes)})`,
    );
    expect(sequences).to.be.at.least(SEQUENCES);
    expect(server.counts.hang + server.counts.drop + server.counts['500'], 'the server did fail').to.be.greaterThan(20);
    expect(mismatches, mismatches.join('\n')).to.deep.equal([]);
  });
});
