import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { CustomerBlockState } from '../../src/index.js';
import type { DemoAgent, HostCustomer, Message } from '../api.js';
import { clock, dayLabel, hue, initials, prettyPhone } from '../format.js';

export interface ChatPaneHandlers {
  send(id: string, text: string): void;
}

/**
 * The open chat: header with the library's pill and three-dots menu (plus the
 * host's own items), the history ending with the library's block notice, and the
 * library's banner in place of the composer while the customer is blocked (the
 * composer is hidden by CSS alone: `chat-block-banner:state(blocked) + .composer`).
 * After an unblock, the host's own line says who ended the block and when (another agent,
 * or the relay when a timed block ran out). Every customer string goes through Lit text
 * bindings, never as HTML. An agent who may not block sees Block disabled, with why.
 */
export function chatPane(customer: HostCustomer | undefined, state: CustomerBlockState | undefined, me: DemoAgent, handlers: ChatPaneHandlers) {
  if (!customer) {
    return html`<div class="chat-empty"><p>Select a conversation to start chatting.</p></div>`;
  }
  const c = customer;
  const blocked = !!state?.blocked;
  return html`
    <header class="chat-header">
      <span class="avatar avatar-lg" style="--hue: ${hue(c.id)}" aria-hidden="true">${initials(c.name)}</span>
      <div class="chat-title">
        <h2 class="chat-name" id="chat-name">${c.name}</h2>
        <p class="chat-sub">${prettyPhone(c.id)} · WhatsApp</p>
      </div>
      <chat-status-pill customer=${c.id} announce></chat-status-pill>
      <chat-header-menu
        customer=${c.id}
        customer-name=${c.name}
        can-block=${me.canBlock ? 'true' : 'false'}
        reasons="spam abusive other"
        durations="1m 24h 7d"
        undo-ms
      >
        <chat-menu-item value="mark-read">Mark read</chat-menu-item>
        <chat-menu-item value="assign">Assign to…</chat-menu-item>
      </chat-header-menu>
    </header>
    <div class="messages" role="log" aria-labelledby="chat-name">
      ${history(c.messages)} ${unblockedLine(state, me)}
      <chat-block-notice customer=${c.id} customer-name=${c.name}></chat-block-notice>
    </div>
    <chat-block-banner customer=${c.id} customer-name=${c.name}></chat-block-banner>
    ${keyed(c.id, composer(c, blocked, handlers))}
  `;
}

/** "Ben Okafor unblocked this customer · 10:03", or "The timed block ended · 10:03" (the relay's clock). */
function unblockedLine(state: CustomerBlockState | undefined, me: DemoAgent) {
  if (!state || state.blocked || state.unconfirmed || !state.by || !state.at) return nothing;
  const who = state.by === 'system' ? 'The timed block ended' : `${state.by === me.name ? 'You' : state.by} unblocked this customer`;
  return html`<div class="system"><span>${who} · <time datetime=${state.at}>${clock(state.at)}</time></span></div>`;
}

function history(messages: Message[]) {
  let lastDay = '';
  return messages.map((m) => {
    const day = dayLabel(m.at);
    const separator = day !== lastDay ? html`<div class="day"><span>${day}</span></div>` : nothing;
    lastDay = day;
    if (m.from === 'system') return html`${separator}<div class="system"><span>${m.text}</span></div>`;
    return html`${separator}<div class="bubble from-${m.from}">
      <span class="visually-hidden">${m.from === 'agent' ? 'You' : 'Customer'}:</span>
      <span class="bubble-text">${m.text}</span>
      <time class="bubble-time" datetime=${m.at}>${clock(m.at)}</time>
    </div>`;
  });
}

function composer(c: HostCustomer, blocked: boolean, { send }: ChatPaneHandlers) {
  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('message') as HTMLTextAreaElement;
    const text = input.value.trim();
    if (!text || blocked) return;
    send(c.id, text);
    input.value = '';
  };
  // Enter sends, Shift+Enter starts a new line, as in every chat product.
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      (event.currentTarget as HTMLTextAreaElement).form!.requestSubmit();
    }
  };
  // While blocked, <chat-block-banner> (just before this form) takes its place; `disabled` is
  // the fallback for a browser without :state().
  return html`<form class="composer ${blocked ? 'is-blocked' : ''}" @submit=${submit}>
    <div class="composer-row">
      <label class="visually-hidden" for="composer-input">Message</label>
      <textarea
        id="composer-input"
        name="message"
        rows="1"
        placeholder=${blocked ? 'Messaging is off for blocked customers' : 'Type a message'}
        ?disabled=${blocked}
        @keydown=${onKeydown}
      ></textarea>
      <button class="send" type="submit" ?disabled=${blocked} aria-label="Send">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10.1 15 12 3.4 13.9z" />
        </svg>
      </button>
    </div>
  </form>`;
}
