import { html, render } from 'lit';
import { demoApi, type FailureMode, type MockControl } from './api.js';

const LATENCIES: [number, string][] = [
  [0, 'None'],
  [400, '0.4 s'],
  [1500, '1.5 s'],
  [4000, '4 s'],
  [10000, '10 s (beyond the 8 s timeout)'],
];

const FAILURES: [FailureMode, string, string][] = [
  ['none', 'None', ''],
  ['next', 'Fail the next request (500)', 'fails next'],
  ['always', 'Fail every request (500)', 'failing'],
  ['unauthorized', 'Revoked API key (401)', '401'],
  ['hang', 'Never answer (client times out)', 'hanging'],
];

/**
 * The "Mock server" panel: lets a person slow the mock API down or make it fail,
 * to watch the elements' pending, error and retry states. `onReset` reloads the inbox.
 */
export function mountMockControls(host: HTMLElement, badge: HTMLElement, onReset: () => Promise<void>) {
  let control: MockControl = { latencyMs: 0, failure: 'none', failPhones: [] };
  let busy = false;

  const apply = async (patch: Partial<MockControl>) => {
    control = await demoApi.setControl(patch);
    draw();
  };

  const draw = () => {
    const failure = FAILURES.find(([mode]) => mode === control.failure);
    const parts = [control.latencyMs ? `${control.latencyMs / 1000} s` : '', failure?.[2] ?? ''].filter(Boolean);
    badge.textContent = parts.length ? parts.join(' · ') : 'healthy';
    badge.dataset.state = control.failure === 'none' ? 'ok' : 'failing';
    render(
      html`
        <p class="mock-hint">Answers the demo's calls to the chat API. Slow it down or break it to see pending, error and retry.</p>
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
            .value=${control.failure}
            @change=${(e: Event) => apply({ failure: (e.target as HTMLSelectElement).value as FailureMode })}
          >
            ${FAILURES.map(
              ([mode, label]) => html`<option value=${mode} ?selected=${mode === control.failure}>${label}</option>`,
            )}
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

  /** Re-reads the server's mode: 'next' switches itself off after one failure. */
  const refresh = async () => {
    control = await demoApi.control();
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
