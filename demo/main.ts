import '../src/define.js';
import { blockStore, connectBackend, fetchBackend } from '../src/index.js';
import { render } from 'lit';
import { demoApi, type Customer } from './api.js';
import { mountMockControls } from './mock-controls.js';
import { showToast } from './toast.js';
import { mountThemeSwitcher } from './theme-switcher.js';
import { chatPane } from './views/chat-pane.js';
import { conversationList } from './views/conversation-list.js';

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
  // The reference API has no "is blocked" query: the host seeds what it knows.
  for (const c of customers) blockStore.set(c.id, c.blocked);
  if ((!openId || !byId(openId)) && customers.length > 0) openChat(customers[0].id);
  else update();
}

function wireEvents(mock: { refresh(): Promise<void> }): void {
  document.addEventListener('chat-block-change', ({ detail }) => {
    const c = byId(detail.customer.id);
    const verb = detail.blocked ? 'blocked' : 'unblocked';
    if (c) addMessage(c, 'system', `You ${verb} this customer`);
    showToast(`${detail.customer.name} ${verb}.`);
    void mock.refresh();
    update();
  });
  document.addEventListener('chat-block-error', ({ detail }) => {
    void mock.refresh();
    showToast(`Couldn't ${detail.action} ${detail.customer.name}: ${detail.error.message}`, 'error');
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
  connectBackend(document, fetchBackend({ baseUrl: '/api' }), { timeoutMs: 8000 });
  const mock = mountMockControls($('mock-controls'), $('mock-mode'), loadCustomers);
  wireEvents(mock);
  await loadCustomers();
}

main().catch((error) => {
  showToast(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`, 'error', 60_000);
});
