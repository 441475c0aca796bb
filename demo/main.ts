import '../src/define.js';
import { blockStore, connectBackend, fetchBackend, requestBlockChange } from '../src/index.js';
import { render } from 'lit';
import { demoApi, type Customer } from './api.js';
import { mountMockControls } from './mock-controls.js';
import { showToast } from './toast.js';
import { mountThemeSwitcher } from './theme-switcher.js';
import { chatPane } from './views/chat-pane.js';
import { conversationList } from './views/conversation-list.js';
import { blockedItems, blockedPage } from './views/blocked-page.js';

/**
 * The demo host: a team inbox that owns its data (customers, messages) and lets
 * chat-block-elements own the block interaction. Data flows one way: the
 * elements fire requests, `connectBackend` sends them to the mock API through
 * `fetchBackend`, the store updates, and this page re-renders what depends on it.
 */

let customers: Customer[] = [];
let openId: string | null = null;
let filter = '';
let stopWatchingOpen: (() => void) | null = null;

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
  const blocked = open ? blockStore.get(open.id).blocked : false;
  render(chatPane(open, blocked, { send }), $('chat'));
  scrollHistoryToEnd();
}

/** Chats or Blocked customers, from the address's hash (so Back works). */
async function showView(): Promise<void> {
  const blockedView = location.hash === '#blocked';
  document.querySelector<HTMLElement>('.app')!.hidden = blockedView;
  $('blocked-view').hidden = !blockedView;
  $('nav-chats').toggleAttribute('aria-current', !blockedView);
  $('nav-blocked').toggleAttribute('aria-current', blockedView);
  if (blockedView) await refreshBlocked();
}

async function refreshBlocked(): Promise<void> {
  const blocked = await demoApi.blockedCustomers();
  $('blocked-count').textContent = blocked.length ? String(blocked.length) : '';
  if (!$('blocked-view').hidden) render(blockedPage(blockedItems(blocked)), $('blocked-view'));
}

function openChat(id: string): void {
  if (id === openId) return;
  openId = id;
  // The composer follows this one customer's state, wherever it is changed from.
  stopWatchingOpen?.();
  stopWatchingOpen = blockStore.subscribe(id, update);
  update();
}

function send(id: string, text: string): void {
  const c = byId(id);
  if (!c) return;
  addMessage(c, 'agent', text);
  update();
}

function addMessage(c: Customer, from: 'agent' | 'system', text: string): void {
  const at = new Date().toISOString();
  c.messages = [...c.messages, { from, text, at }];
  if (from === 'agent') Object.assign(c, { lastMessage: text, time: at });
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
  // The reference API has no "is blocked" query: the host seeds what it knows (and the
  // demo's server keeps why, until when and since when).
  for (const c of customers) {
    blockStore.set(c.id, c.blocked ? { blocked: true, reason: c.blockReason, until: c.blockedUntil, at: c.blockedAt } : false);
  }
  await refreshBlocked();
  if ((!openId || !byId(openId)) && customers.length > 0) openChat(customers[0].id);
  else update();
}

function wireEvents(mock: { refresh(): Promise<void> }): void {
  document.addEventListener('chat-block-change', ({ detail }) => {
    const c = byId(detail.customer.id);
    const verb = detail.blocked ? 'blocked' : 'unblocked';
    // A block is told in the conversation by <chat-block-notice>; an unblock leaves a line.
    if (c && !detail.blocked) addMessage(c, 'system', `You unblocked this customer`);
    showToast(`${detail.customer.name} ${verb}.`);
    void mock.refresh();
    void refreshBlocked();
    update();
  });
  // A timed block ended while the page was open. The library never unblocks by itself:
  // this inbox decides to, through the normal request (so the server is told).
  blockStore.addEventListener('chat-block-expired', ({ detail }) => {
    const c = byId(detail.customer.id);
    showToast(`${c?.name ?? detail.customer.id}'s timed block ended: unblocking.`);
    void requestBlockChange(document, blockStore, { id: detail.customer.id, name: c?.name ?? '' }, 'unblock').catch(() => {});
  });
  window.addEventListener('hashchange', () => void showView());
  document.addEventListener('chat-block-error', ({ detail }) => {
    void mock.refresh();
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
  // Every request under `document` goes to the mock API; the page never holds the key.
  // The mock stores a block's reason and end (sendMetadata). It records no agent, so no `by`:
  // the elements then say "You blocked…" for this page's blocks.
  connectBackend(document, fetchBackend({ baseUrl: '/api', sendMetadata: true }), { timeoutMs: 8000 });
  const mock = mountMockControls($('mock-controls'), $('mock-mode'), loadCustomers);
  wireEvents(mock);
  await loadCustomers();
  await showView();
}

main().catch((error) => {
  showToast(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`, 'error', 60_000);
});
