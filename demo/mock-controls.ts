import { html, render } from 'lit';
import { demoApi, type UpstreamControls, type UpstreamFault } from './api.js';

const LATENCIES: [number, string][] = [
  [0, 'None'],
  [400, '0.4 s'],
  [1500, '1.5 s'],
  [4000, '4 s'],
  [6000, '6 s (beyond the relay\'s 5 s)'],
];

const FAULTS: [UpstreamFault, string, string][] = [
  ['none', 'None', ''],
  ['down', 'Down: 500, nothing applied', 'down'],
  ['reset', 'Applies, then resets the connection', 'resetting'],
  ['hang', 'Applies, then never answers', 'hanging'],
  ['refuse', 'Refuses (400)', 'refusing'],
];

/**
 * The "Chat API (mock)" panel: the only mock left. It stands in for the third-party chat
 * API behind the relay; slow it down or break it to watch the relay retry, the page say
 * "not confirmed" and every view settle once it recovers. `onReset` reloads the inbox.
 */
export function mountMockControls(host: HTMLElement, badge: HTMLElement, onReset: () => Promise<void>) {
  let control: Pick<UpstreamControls, 'fault' | 'latencyMs'> = { latencyMs: 0, fault: 'none' };
  let busy = false;

  const apply = async (patch: Partial<Pick<UpstreamControls, 'fault' | 'latencyMs'>>) => {
    control = await demoApi.setUpstream(patch);
    draw();
  };

  const draw = () => {
    const fault = FAULTS.find(([mode]) => mode === control.fault);
    const parts = [control.latencyMs ? `${control.latencyMs / 1000} s` : '', fault?.[2] ?? ''].filter(Boolean);
    badge.textContent = parts.length ? parts.join(' · ') : 'healthy';
    badge.dataset.state = control.fault === 'none' ? 'ok' : 'failing';
    render(
      html`
        <p class="mock-hint">
          The chat API behind the relay. Slow it down or break it: the relay keeps what was asked, keeps trying, and
          every page settles when it recovers.
        </p>
        <label class="field">
          <span>Latency</span>
          <select
            name="latency"
            .value=${String(control.latencyMs)}
            @change=${(e: Event) => apply({ latencyMs: Number((e.target as HTMLSelectElement).value) })}
          >
            ${withCurrent(LATENCIES, control.latencyMs).map(
              ([ms, label]) => html`<option value=${ms} ?selected=${ms === control.latencyMs}>${label}</option>`,
            )}
          </select>
        </label>
        <label class="field">
          <span>Failure</span>
          <select
            name="failure"
            .value=${control.fault}
            @change=${(e: Event) => apply({ fault: (e.target as HTMLSelectElement).value as UpstreamFault })}
          >
            ${FAULTS.map(([mode, label]) => html`<option value=${mode} ?selected=${mode === control.fault}>${label}</option>`)}
          </select>
        </label>
        <button
          class="button-secondary"
          type="button"
          ?disabled=${busy}
          @click=${async () => {
            busy = true;
            draw();
            try {
              await demoApi.reset();
              await onReset();
              await refresh();
            } finally {
              busy = false;
              draw();
            }
          }}
        >
          Reset demo data
        </button>
      `,
      host,
    );
  };

  /** Re-reads the mock's mode (a test or another window may have changed it). */
  const refresh = async () => {
    control = await demoApi.upstream();
    draw();
  };

  draw();
  void refresh();
  return { refresh };
}

/** Keeps a latency set from outside (e.g. a test) selectable. */
function withCurrent(list: [number, string][], ms: number): [number, string][] {
  return list.some(([v]) => v === ms) ? list : [...list, [ms, `${ms / 1000} s`]];
}
