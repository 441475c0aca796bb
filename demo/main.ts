import '../src/define.js';
import { blockStore, connectBackend, relayBackend } from '../src/index.js';
import { render } from 'lit';
import { demoApi, type DemoAgent, type HostCustomer } from './api.js';
import { agentBase } from './server/agents.js';
import { mountAgentSwitcher } from './agent-switcher.js';
import { mountMockControls } from './mock-controls.js';
import { showToast } from './toast.js';
import { mountThemeSwitcher } from './theme-switcher.js';
import { chatPane } from './views/chat-pane.js';
import { conversationList } from './views/conversation-list.js';
import { blockedPage } from './views/blocked-page.js';

/**
 * The demo host: a team inbox that owns its data (customers, messages) and lets
 * chat-block-elements own the block interaction, with chat-block-relay as the server half.
 * Data flows one way: the elements fire requests, `connectBackend` sends them to the relay
 * through `relayBackend`, the store updates, and this page re-renders what depends on it.
 * What other agents (and the relay's clock) change arrives through `blockStore.follow()`.
 */

let customers: HostCustomer[] = [];
let me: DemoAgent;
let openId: string | null = null;
let filter = '';
let stopWatchingOpen: (() => void) | null = null;

type Relay = ReturnType<typeof relayBackend>;

const $ = (id: string) => document.getElementById(id)!;
const byId = (id: string) => customers.find((c) => c.id === id);

function update(): void {
  const query = filter.trim().toLowerCase();
  const shown = query
    ? customers.filter((c) => [c.name, c.id, c.lastMessage].some((s) => s.toLowerCase().includes(query)))
    : customers;
  const unread = customers.filter((c) => c.unread > 0).length;
  $('chat-count').textContent = unread ? `${unread} unread` : '';
  render(conversationList(shown, openId, openChat), $('conversations'));
  const open = openId ? byId(openId) : undefined;
  render(chatPane(open, open ? blockStore.get(open.id) : undefined, me, { send }), $('chat'));
  scrollHistoryToEnd();
}

/** Chats or Blocked customers, from the address's hash (so Back works). */
function showView(relay: Relay): void {
  const blockedView = location.hash === '#blocked';
  document.querySelector<HTMLElement>('.app')!.hidden = blockedView;
  $('blocked-view').hidden = !blockedView;
  $('nav-chats').toggleAttribute('aria-current', !blockedView);
  $('nav-blocked').toggleAttribute('aria-current', blockedView);
  // Rendered once, on first show: the list pages through the relay and follows the store.
  if (blockedView && !$('blocked-view').firstElementChild) render(blockedPage(relay), $('blocked-view'));
}

/** The count next to "Blocked customers": every customer the store knows as blocked. */
function countBlocked(): void {
  const n = blockStore.getBlocked().length;
  $('blocked-count').textContent = n ? String(n) : '';
}

function openChat(id: string): void {
  if (id === openId) return;
  openId = id;
  // The chat pane follows this one customer's state, wherever it is changed from.
  stopWatchingOpen?.();
  stopWatchingOpen = blockStore.subscribe(id, update);
  update();
}

function send(id: string, text: string): void {
  const c = byId(id);
  if (!c) return;
  const at = new Date().toISOString();
  c.messages = [...c.messages, { from: 'agent', text, at }];
  Object.assign(c, { lastMessage: text, time: at });
  update();
}

let lastScrolledTo = '';
function scrollHistoryToEnd(): void {
  const log = document.querySelector<HTMLElement>('.messages');
  const key = `${openId}:${byId(openId ?? '')?.messages.length}`;
  if (log && key !== lastScrolledTo) {
    log.scrollTop = log.scrollHeight;
    lastScrolledTo = key;
  }
}

async function loadCustomers(): Promise<void> {
  customers = await demoApi.customers();
  // The relay has the truth: each customer's state is read from it (with its revision, so a
  // change pushed meanwhile is not overwritten). The views show each as it arrives.
  for (const c of customers) void blockStore.refresh(c.id).catch(() => {});
  if ((!openId || !byId(openId)) && customers.length > 0) openChat(customers[0].id);
  else update();
}

function wireEvents(relay: Relay): void {
  document.addEventListener('chat-block-change', ({ detail }) => {
    showToast(`${detail.customer.name} ${detail.blocked ? 'blocked' : 'unblocked'}.`);
    update();
  });
  // A timed block ended while the page was open. The relay ends it (once, whoever is
  // online, or nobody): this page only says so, and the push shows when it is done.
  blockStore.addEventListener('chat-block-expired', ({ detail }) => {
    const c = byId(detail.customer.id);
    showToast(`${c?.name ?? detail.customer.id}'s timed block has ended: the relay is unblocking them.`);
  });
  blockStore.subscribeAll(countBlocked);
  window.addEventListener('hashchange', () => showView(relay));
  document.addEventListener('chat-block-error', ({ detail }) => {
    // A lost answer is not a refusal: the change may have been made, and the views say so.
    if (detail.outcome === 'unconfirmed') showToast(`The ${detail.action} of ${detail.customer.name} is not confirmed: ${detail.error.message}`, 'error');
    else showToast(`Couldn't ${detail.action} ${detail.customer.name}: ${detail.error.message}`, 'error');
  });
  document.addEventListener('chat-menu-select', (event) => {
    const id = (event.target as Element).closest('chat-header-menu')?.getAttribute('customer');
    const c = id ? byId(id) : undefined;
    if (!c) return;
    if (event.detail.value === 'mark-read') {
      c.unread = 0;
      update();
    } else if (event.detail.value === 'assign') {
      showToast(`${c.name} is assigned to you.`);
    }
  });
  $('search').addEventListener('input', (event) => {
    filter = (event.target as HTMLInputElement).value;
    update();
  });
}

async function main(): Promise<void> {
  mountThemeSwitcher($('theme') as HTMLSelectElement);
  const agents = await demoApi.agents();
  const asked = new URLSearchParams(location.search).get('agent');
  me = await demoApi.signIn(agents.find((a) => a.id === asked)?.id ?? agents[0].id);
  mountAgentSwitcher($('agent'), agents, me);
  // Every request goes to the relay as this agent; the page never holds the chat API's key.
  const relay = relayBackend({ baseUrl: agentBase(me.id) });
  connectBackend(document, relay, { timeoutMs: 8000 });
  // One stream serves every element, and every tab of this agent: other agents' changes, the
  // relay's confirmations and expiries. One tab holds it; the others hear it through the channel.
  blockStore.syncAcrossTabs();
  blockStore.follow(relay.eventsUrl, { shareAcrossTabs: true });
  mountMockControls($('mock-controls'), $('mock-mode'), async () => location.reload());
  wireEvents(relay);
  await loadCustomers();
  showView(relay);
}

main().catch((error) => {
  showToast(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`, 'error', 60_000);
});
