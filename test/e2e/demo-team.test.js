// End-to-end: the demo as a team (issues 16 and 17). Two windows of one browser signed in as
// two agents see each other's changes live; an agent who may not block can't; a timed block
// ends on the relay with every page closed; blocks and their reasons survive a reload and a
// restart of the server.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, launchChromium, startDemoServer } from './harness.js';
import { demoServerApi } from './demo-api.js';

const EMILY = { id: '+14155550132', name: 'Emily Carter' };
const PRIYA = { id: '+919876543210', name: 'Priya Sharma' };

let dataDir;
let server;
let api;
let browser;
const pageErrors = [];

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cbe-demo-team-'));
  server = await startDemoServer({ dataDir });
  api = demoServerApi(server.base);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await api.reset();
  pageErrors.length = 0;
});

/**
 * A window signed in as `agent`, on the inbox (or `hash`), in `context` (default: the
 * browser's own, where windows share cookies and BroadcastChannel, as one person's do).
 */
async function windowAs(agent, hash = '', context = browser.defaultBrowserContext()) {
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.setViewport({ width: 1280, height: 800 });
  page.on('pageerror', (error) => pageErrors.push(`${agent}: ${error.message}`));
  await page.goto(`${server.base}?agent=${agent}${hash}`);
  await page.waitForSelector('li[data-customer] chat-status-pill');
  await page.waitForFunction(() => customElements.get('chat-header-menu'));
  return page;
}

/** Opens a customer's chat in `page`, brought to the front (a window behind gets no animation frames). */
const openChat = async (page, { id, name }) => {
  await page.bringToFront();
  await page.click(`li[data-customer="${id}"] .row-open`);
  await page.waitForFunction((name) => document.querySelector('.chat-name')?.textContent === name, {}, name);
};

/** Waits, polling (a window in the background gets no animation frames), until `fn(...args)` is truthy. */
const poll = (page, fn, ...args) => page.waitForFunction(fn, { polling: 50 }, ...args);

const pillText = (page, id) =>
  page.$eval(`li[data-customer="${id}"] chat-status-pill`, (p) => p.shadowRoot.querySelector('[part~="pill"]')?.textContent.trim() ?? '');
const noticeText = (page) =>
  page.$eval('chat-block-notice', (n) =>
    n.checkVisibility() ? n.shadowRoot.textContent.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim() : '',
  );

test('two windows of one browser stay two agents (each cookie is scoped to its agent)', async () => {
  const dana = await windowAs('dana');
  const ben = await windowAs('ben');
  await dana.reload();
  await dana.waitForSelector('#agent-select');
  assert.equal(await dana.$eval('#agent-select', (s) => s.value), 'dana', 'signing Ben in did not sign Dana out');
  assert.equal(await ben.$eval('#agent-select', (s) => s.value), 'ben');
  const asDana = await dana.evaluate(async () => (await fetch('/api/as/dana/auth/me')).json());
  const asBen = await ben.evaluate(async () => (await fetch('/api/as/ben/auth/me')).json());
  assert.deepEqual([asDana.name, asBen.name], ['Dana Kapoor', 'Ben Okafor']);
  await Promise.all([dana.close(), ben.close()]);
});

test("two agents on two machines: one's block shows in the other's pill, menu, notice and list at once", async () => {
  // Ben on another machine: his own browser context (no shared cookies, no BroadcastChannel),
  // so what reaches him comes through the relay's change stream.
  const elsewhere = await browser.createBrowserContext();
  const dana = await windowAs('dana');
  const ben = await windowAs('ben', '', elsewhere);
  const benList = await windowAs('ben', '#blocked', elsewhere);
  await openChat(ben, EMILY);

  await openChat(dana, EMILY);
  await dana.click('chat-header-menu >>> [part~="trigger"]');
  await dana.click('::-p-aria([name="Block"][role="menuitem"])');
  await dana.waitForFunction(() => document.querySelector('chat-header-menu')?.shadowRoot.querySelector('chat-confirm-dialog')?.open);
  await dana.click('::-p-aria([name="Spam"][role="radio"])');
  await dana.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
  const confirmed = Date.now();

  // Ben's inbox: the row's pill, the open chat's notice with Dana's name and reason, the menu offers Unblock.
  await poll(ben, (id) => document.querySelector(`li[data-customer="${id}"] chat-status-pill`)?.shadowRoot.textContent.includes('Blocked'), EMILY.id);
  const seenAfter = Date.now() - confirmed;
  await poll(ben, () => document.querySelector('chat-block-notice')?.shadowRoot.querySelector('[part~="notice"]')?.checkVisibility());
  assert.match(await noticeText(ben), /^Dana Kapoor blocked this customer · \d{1,2}:\d{2} [AP]M · Spam · Unblock$/);
  await ben.bringToFront();
  await ben.click('chat-header-menu >>> [part~="trigger"]');
  await ben.waitForSelector('::-p-aria([name="Unblock"][role="menuitem"])');
  await ben.keyboard.press('Escape');
  // Ben's "Blocked customers" list, paged from the relay: Emily on top, with who and why.
  await poll(benList, (id) => document.querySelector('chat-blocked-list')?.shadowRoot.querySelector('[part~="row"]')?.textContent.includes(id), EMILY.id);
  const firstRow = await benList.$eval('chat-blocked-list', (l) => l.shadowRoot.querySelector('[part~="row"]').textContent.replace(/[\u2066-\u2069]/g, ''));
  assert.match(firstRow, /Emily Carter.*by Dana Kapoor.*Spam/);
  assert.deepEqual(await axeViolations(ben), [], "Ben's window after Dana's block");

  // And back: Ben unblocks from his notice; Dana's window follows.
  await ben.click('chat-block-notice >>> [part~="unblock"]');
  await ben.waitForFunction(() => document.querySelector('chat-block-notice')?.shadowRoot.querySelector('chat-confirm-dialog')?.open);
  await ben.click('chat-block-notice >>> chat-confirm-dialog >>> [part~="confirm"]');
  await poll(dana, (id) => !document.querySelector(`li[data-customer="${id}"] chat-status-pill`)?.shadowRoot.textContent.includes('Blocked'), EMILY.id);
  await poll(dana, () => document.querySelector('.messages .system:last-of-type')?.textContent.includes('Ben Okafor unblocked this customer'));
  await poll(benList, () => document.querySelector('chat-blocked-list').rowCount.total === 1);
  assert.equal(await api.chatApiBlocked(EMILY.id), false);
  assert.deepEqual(pageErrors, []);
  console.log(`# a block reached the other agent's window ${seenAfter} ms after the click on Block`);
  await dana.close();
  await elsewhere.close();
});

test('an agent who may not block sees Block disabled with why, and the relay refuses them too', async () => {
  const meera = await windowAs('meera');
  await openChat(meera, EMILY);
  await meera.click('chat-header-menu >>> [part~="trigger"]');
  const item = await meera.waitForSelector('chat-header-menu >>> [part~="block-item"]');
  assert.equal(await item.evaluate((i) => i.getAttribute('aria-disabled')), 'true');
  assert.match(await item.evaluate((i) => i.textContent), /You are not allowed to block customers/);
  assert.deepEqual(await axeViolations(meera), []);
  // The page is not the gate: the relay's authorize hook is.
  const asMeera = await api.agent('meera');
  const refused = await asMeera.block(EMILY.id);
  assert.equal(refused.status, 403);
  assert.match(refused.body.message, /Meera Nair may not block customers/);
  assert.equal(await api.chatApiBlocked(EMILY.id), false, 'nothing reached the chat API');
  await meera.close();
});

test('a timed block ends on the relay with every page closed; reopening shows it ended, and by whom', async () => {
  const ben = await api.agent('ben');
  // A short timed block (the menu offers 1 minute; the relay's clock is the same for any length).
  const until = new Date(Date.now() + 2500).toISOString();
  assert.equal((await ben.block(EMILY.id, { reason: 'spam', until })).status, 201);
  assert.equal(await api.chatApiBlocked(EMILY.id), true);
  // No page is open. The relay ends it, once.
  const deadline = Date.now() + 15_000;
  while (await api.chatApiBlocked(EMILY.id)) {
    assert.ok(Date.now() < deadline, 'the relay sent the unblock within 15 s of until');
    await new Promise((r) => setTimeout(r, 100));
  }
  const state = await ben.status(EMILY.id);
  assert.equal(state.blocked, false);
  assert.equal(state.by, 'system', 'the audit says the relay ended it');
  assert.equal((await api.upstream()).calls[`unblock ${EMILY.id}`], 1, 'one unblock reached the chat API');

  const dana = await windowAs('dana');
  await openChat(dana, EMILY);
  await poll(dana, () => document.querySelector('.messages .system:last-of-type')?.textContent.includes('The timed block ended'));
  assert.equal(await pillText(dana, EMILY.id), '', 'no pill: not blocked');
  assert.equal(await dana.$eval('#composer-input', (t) => t.disabled), false);
  assert.deepEqual(pageErrors, []);
  await dana.close();
});

test('blocks, reasons and timed ends survive a reload and a restart of the server', async () => {
  const dana = await windowAs('dana');
  await openChat(dana, PRIYA);
  await dana.click('chat-header-menu >>> [part~="trigger"]');
  await dana.click('::-p-aria([name="Block"][role="menuitem"])');
  await dana.waitForFunction(() => document.querySelector('chat-header-menu')?.shadowRoot.querySelector('chat-confirm-dialog')?.open);
  await dana.click('::-p-aria([name="Abusive"][role="radio"])');
  await dana.select('chat-header-menu >>> chat-confirm-dialog >>> select', '7 days');
  await dana.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
  await poll(dana, (id) => document.querySelector(`li[data-customer="${id}"] chat-status-pill`)?.shadowRoot.textContent.includes('Blocked'), PRIYA.id);
  const shown = async (page) => {
    await openChat(page, PRIYA);
    await poll(page, () => document.querySelector('chat-block-notice')?.shadowRoot.querySelector('[part~="notice"]')?.checkVisibility());
    return { notice: await noticeText(page), pill: await pillText(page, PRIYA.id) };
  };
  const before = await shown(dana);
  assert.match(before.notice, /Dana Kapoor blocked this customer · .* · Abusive · until .* · Unblock/);
  assert.match(before.pill, /^Blocked · ends in 7 days/);

  await dana.reload();
  await dana.waitForSelector('li[data-customer] chat-status-pill');
  assert.deepEqual(await shown(dana), before, 'after a reload');
  await dana.close();

  // The server stops and starts again on the same data folder.
  await server.close();
  server = await startDemoServer({ dataDir });
  api = demoServerApi(server.base);
  const again = await windowAs('dana');
  assert.deepEqual(await shown(again), before, 'after a restart');
  assert.deepEqual(pageErrors, []);
  await again.close();
});
