import { html, nothing, ReactiveElement, type PropertyValues } from 'lit';
import { CustomerElement } from '../../internal/customer-element.js';
import type { ChatPropertyDeclaration } from '../../internal/base-element.js';
import { warnOnce } from '../../internal/warn-once.js';
import type { CustomerBlockState } from '../../state/block-store.js';
import { styles } from './chat-status-pill.styles.js';
import { format } from '../../strings/registry.js';
import { REFRESH_MS, timeUntil } from '../../internal/time-format.js';
import { unconfirmedLabel, unconfirmedOffer } from '../../internal/unconfirmed-offer.js';
import { lazyModule, reportViewFailure } from '../../internal/lazy.js';

// What Retry and Check do: loaded when a pill first offers one (see updated()).
const retryModule = lazyModule(() => import('./pill-retry.js'));

// A pill's own state, kept on the prototype until it changes (see the class).
const INTERNALS = Symbol('internals');
const SHOWN = Symbol('shownStatus');
const TIMER = Symbol('timer');

export type PillStatus = 'active' | 'blocked' | 'blocking' | 'unblocking' | 'unblocked' | 'unconfirmed' | 'error';

const STATUSES: readonly PillStatus[] = ['active', 'blocked', 'blocking', 'unblocking', 'unblocked', 'unconfirmed', 'error'];

// The clock as the last render() read it. One element's render() and updated() run back to
// back, so updated() arms its timers from the reading that decided what was shown: a window
// that closes between the two still gets the timer that renders the pill again.
let renderedAt = 0;

/**
 * @tag chat-status-pill
 * @summary Shows a customer's block status on the chat screen or in a conversation row.
 *
 * Hidden while the customer is active; "Blocked" stays; "Blocking…" / "Unblocking…"
 * while a request runs; "Unblocked" for `transient-ms` after the backend accepts an unblock; on failure "Couldn't block"
 * with a Retry button. When no answer said what the server did (a timeout, a lost connection),
 * "Block not confirmed" with **Check** (reads the state back, when the backend has `status()`;
 * "Checking…" meanwhile) or **Retry** (sends the same request again, same `Idempotency-Key`).
 * Follows the shared store, so every pill of one customer agrees.
 * The current status is also exposed as a custom state, `chat-status-pill:state(blocked)`,
 * and `:state(visible)` whenever the pill shows; select active pills with
 * `:not(:state(visible))` (a pill that never showed has no state, to stay cheap in long lists).
 *
 * @event {ChatBlockRequestEvent} chat-block-request - Retry after a failed block (same contract as on `<chat-header-menu>`).
 * @event {ChatBlockRequestEvent} chat-unblock-request - Retry after a failed unblock.
 * @event {ChatBlockChangeEvent} chat-block-change - A retry was accepted.
 * @event {ChatBlockErrorEvent} chat-block-error - A retry failed again.
 *
 * @cssstate blocked - The customer is blocked.
 * @cssstate blocking - A block request is running.
 * @cssstate unblocking - An unblock request is running.
 * @cssstate unblocked - Shown for `transient-ms` after an accepted unblock.
 * @cssstate unconfirmed - The last request's outcome is unknown; the pill offers Check or Retry.
 * @cssstate error - The last request failed; the pill offers Retry.
 * @cssstate visible - The pill shows (any status but active).
 *
 * @csspart pill - The pill itself; also carries the status name (`pill blocked`).
 * @csspart retry - The Retry button shown after a failure, or after an unconfirmed outcome with no way to check.
 * @csspart check - The Check button shown after an unconfirmed outcome (a backend with `status()` is connected).
 * @csspart checking - "Checking…" while the state is read back.
 *
 * @cssprop --chat-font-family - Font family of every element.
 * @cssprop --chat-color-scheme - Unset by default: the page's own `color-scheme` (inherited). Set `light`, `dark`, or `light dark` (follow the OS) to override.
 * @cssprop --chat-focus-ring - Focus outline color.
 * @cssprop --chat-pill-color - Text color in neutral states (blocking, unblocking).
 * @cssprop --chat-pill-background - Background in neutral states.
 * @cssprop --chat-pill-blocked-color - Text color when blocked.
 * @cssprop --chat-pill-blocked-background - Background when blocked.
 * @cssprop --chat-pill-unblocked-color - Text color of the transient "Unblocked".
 * @cssprop --chat-pill-unblocked-background - Background of the transient "Unblocked".
 * @cssprop --chat-pill-unconfirmed-color - Text (and border) color while an outcome is not confirmed.
 * @cssprop --chat-pill-unconfirmed-background - Background while an outcome is not confirmed.
 * @cssprop --chat-pill-error-color - Text color after a failure.
 * @cssprop --chat-pill-error-background - Background after a failure.
 */
export class ChatStatusPill extends CustomerElement {
  static override readonly tagName = 'chat-status-pill';
  static override styles = styles;
  static override properties: Record<string, ChatPropertyDeclaration> = {
    status: { reflect: true },
    transientMs: { type: Number, attribute: 'transient-ms', initial: 4000 },
    announce: { type: Boolean, reflect: true, initial: false },
    _showUnblocked: { state: true },
  };

  /**
   * Forces a status instead of following the store: `active | blocked | blocking |
   * unblocking | unblocked | unconfirmed | error`. Leave unset to follow the customer.
   */
  declare status: PillStatus | undefined;
  /** How long "Unblocked" shows, in milliseconds; 0 keeps it until the next change. */
  declare transientMs: number;
  /** Makes the pill a polite live region. Opt-in: a list of 500 pills must not chatter. */
  declare announce: boolean;

  /** @internal Attached on first use: most pills of a long list stay active and never need it. */
  declare [INTERNALS]: ElementInternals | null;
  /** @internal */
  declare [SHOWN]: PillStatus;
  /** @internal Re-renders when what is shown ends: the transient "Unblocked", a timed block's "ends in …". */
  declare [TIMER]: ReturnType<typeof setTimeout> | undefined;
  static {
    // On the prototype until a pill shows something: an active pill has none of its own.
    Object.assign(this.prototype, { [INTERNALS]: null, [SHOWN]: 'active', [TIMER]: undefined });
  }

  /** The status shown now. */
  get currentStatus(): PillStatus {
    return this.#statusAt(Date.now());
  }

  #statusAt(now: number): PillStatus {
    if (this.status) return STATUSES.includes(this.status) ? this.status : 'active';
    const state = this.customerState;
    if (!state) return 'active';
    if (state.pending) return state.pending === 'block' ? 'blocking' : 'unblocking';
    if (state.unconfirmed) return 'unconfirmed';
    if (state.error) return 'error';
    if (state.blocked) return 'blocked';
    return this.#unblockedFor(state, now) > 0 ? 'unblocked' : 'active';
  }

  /**
   * How much longer "Unblocked" shows, in ms: the store records the unblock the backend
   * accepted (not the host's store.set(), which clears it), so every pill of the customer,
   * even one rendered later, shows the same window.
   */
  #unblockedFor(state: CustomerBlockState, now: number): number {
    const accepted = state.accepted;
    if (accepted?.action !== 'unblock') return 0;
    const ms = Number(this.transientMs);
    return ms > 0 ? accepted.at + ms - now : Infinity;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTimer();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('status') && this.status && !STATUSES.includes(this.status)) {
      console.error(`chat-status-pill: unknown status "${this.status}"; expected one of ${STATUSES.join(', ')}.`);
    }
    if (this.customerId === null && !this.status) {
      warnOnce(
        this,
        'warn',
        `chat-status-pill: its "customer" is ${JSON.stringify(this.customer ?? null)}, not a customer id (a non-blank string or a number); the pill stays hidden.`,
      );
    }
  }

  /**
   * An active pill that has never shown anything renders nothing, and skips Lit's render
   * altogether: rendering `nothing` would still add a part and its marker node to the shadow
   * root, for each of the hundreds of active pills of a list. Its shadow root stays: its
   * styles are what keep the empty host out of the layout. A server-rendered pill (its
   * shadow root has content already) always goes through Lit, to hydrate.
   */
  protected override update(changed: PropertyValues): void {
    if (!this.announce && !this.renderRoot.hasChildNodes() && this.currentStatus === 'active') {
      // ReactiveElement's update (attribute reflection) without LitElement's render.
      (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update.call(this, changed);
      return;
    }
    super.update(changed);
  }

  protected override render() {
    const now = (renderedAt = Date.now());
    const status = this.#statusAt(now);
    this.#exposeState(status);
    const pill =
      status === 'active'
        ? nothing
        : // tabindex=-1: focus can land here when the Retry button it had goes away.
          html`<span part="pill ${status}" tabindex="-1">${this.#label(status, now)}${this.#action(status)}</span>`;
    // One live region for the pill's whole life: a region inserted with its text is often not read.
    return this.announce ? html`<span role="status">${pill}</span>` : pill;
  }

  /** The button after the label: Retry after a failure; Check or Retry when unconfirmed (not for a hand-set status). */
  #action(status: PillStatus) {
    const state = this.status ? null : this.customerState;
    const t = this.text;
    if (status === 'error' && state?.error) return html` <button part="retry" type="button" @click=${this.#retry}>${t.retry}</button>`;
    if (status !== 'unconfirmed' || !state?.unconfirmed) return nothing;
    if (state.checking) return html`<span part="checking"> · ${t.statusChecking}</span>`;
    return unconfirmedOffer(this.store) === 'check'
      ? html` <button part="check" type="button" @click=${this.#retry}>${t.check}</button>`
      : html` <button part="retry" type="button" @click=${this.#retry}>${t.retry}</button>`;
  }

  /** Mirrors the status as custom states: `:state(blocked)` and `:state(visible)`; active has none. */
  #exposeState(status: PillStatus): void {
    if (status === this[SHOWN]) return;
    const states = (this[INTERNALS] ??= this.attachInternals()).states;
    // Active has no state of its own, whether the pill never showed or showed before.
    states.delete(this[SHOWN]);
    if (status === 'active') states.delete('visible');
    else {
      states.add(status);
      states.add('visible');
    }
    this[SHOWN] = status;
  }

  #label(status: Exclude<PillStatus, 'active'>, now: number): string {
    const t = this.text;
    switch (status) {
      case 'blocked': {
        // A timed block says when it ends ("Blocked · ends in 23 hours"), refreshed by updated().
        const until = this.status ? null : this.customerState?.until;
        return until && Date.parse(until) > now ? format(t.statusBlockedUntil, { time: timeUntil(until, t.$code, now) }) : t.statusBlocked;
      }
      case 'blocking':
        return t.statusBlocking;
      case 'unblocking':
        return t.statusUnblocking;
      case 'unblocked':
        return t.statusUnblocked;
      case 'unconfirmed': {
        const state = this.status ? null : this.customerState;
        return state?.unconfirmed ? unconfirmedLabel(state, t) : t.statusBlockUnconfirmed;
      }
      case 'error':
        return this.customerState?.error?.action === 'unblock' ? t.statusUnblockFailed : t.statusBlockFailed;
    }
  }

  /** A pill that offers Retry or Check: its updateComplete includes loading what they do. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    if (this.#offersRetry() && !retryModule.now) await retryModule.load().catch(() => {});
    return result;
  }

  #offersRetry(): boolean {
    return this[SHOWN] === 'error' || this[SHOWN] === 'unconfirmed';
  }

  protected override updated(): void {
    if (this.#offersRetry()) retryModule.load().catch(() => {});
    if (this[TIMER] !== undefined) this.#stopTimer();
    const end = this.#shownUntil();
    // Counted from the clock as it is now: if the end passed since render(), at once.
    if (end !== null) this[TIMER] = setTimeout(() => this.requestUpdate(), Math.max(0, Math.min(REFRESH_MS, end - Date.now())));
  }

  /**
   * When what render() showed stops being true, judged by the clock render() read: the end
   * of "Unblocked", or of a timed block's "ends in …" (refreshed every REFRESH_MS until then).
   */
  #shownUntil(): number | null {
    const shown = this[SHOWN];
    // Only these two end by the clock; an active pill (most of a list) reads no state here.
    if (this.status || (shown !== 'unblocked' && shown !== 'blocked')) return null;
    const state = this.customerState;
    if (!state) return null;
    if (shown === 'unblocked') {
      const left = this.#unblockedFor(state, renderedAt);
      return left === Infinity ? null : renderedAt + left;
    }
    const until = state.until ? Date.parse(state.until) : NaN;
    return until > renderedAt ? until : null;
  }

  #stopTimer(): void {
    clearTimeout(this[TIMER]);
    this[TIMER] = undefined;
  }

  async #retry(): Promise<void> {
    const hadFocus = !!this.shadowRoot?.activeElement;
    // Loaded when the button showed (here at once, then); the outcome lands in the store.
    const module = retryModule.now ?? (await retryModule.load().catch((error) => reportViewFailure(this, error)));
    const state = this.customerState;
    if (!module || !state) return;
    module.retryFromPill(this, this.store, state);
    await this.updateComplete;
    // Retry is gone while the request runs: keep keyboard focus on the pill, not <body>.
    if (hadFocus && !this.shadowRoot?.activeElement) this.renderRoot.querySelector<HTMLElement>('[part~="pill"]')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-status-pill': ChatStatusPill;
  }
}
