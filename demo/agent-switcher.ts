import { html, render } from 'lit';
import type { DemoAgent } from './api.js';

/**
 * Who this window is signed in as, and a way to be someone else: choosing an agent reloads
 * the page as them (`?agent=ben`); "Open as …" opens a second window as another agent, to
 * watch one agent's block reach the other's screen live. Each agent's sign-in cookie is
 * their own (scoped to their path), so both windows stay who they are.
 */
export function mountAgentSwitcher(host: HTMLElement, agents: readonly DemoAgent[], me: DemoAgent): void {
  const other = agents.find((a) => a.id !== me.id && a.canBlock) ?? agents.find((a) => a.id !== me.id);
  const as = (agent: DemoAgent) => {
    const url = new URL(location.href);
    url.searchParams.set('agent', agent.id);
    return String(url);
  };
  render(
    html`<span class="agent-dot" aria-hidden="true"></span>
      <label class="agent-picker">
        <span>Signed in as</span>
        <select
          id="agent-select"
          @change=${(e: Event) => {
            const chosen = agents.find((a) => a.id === (e.target as HTMLSelectElement).value);
            if (chosen) location.assign(as(chosen));
          }}
        >
          ${agents.map(
            (a) => html`<option value=${a.id} ?selected=${a.id === me.id}>${a.name}${a.canBlock ? '' : ' (view only)'}</option>`,
          )}
        </select>
      </label>
      ${other ? html`<a class="agent-other" href=${as(other)} target="_blank" rel="noopener">Open as ${other.name}</a>` : ''}`,
    host,
  );
}
