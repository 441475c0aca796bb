// End-to-end: the demo's moderation features on chat-block-relay, in real Chromium, checking
// the relay's and the chat API's state after each step: a block with a reason and a
// duration, Undo, and a bulk unblock from the "Blocked customers" page (the relay's list)
// with one refusal injected at the chat API.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, startDemo } from './harness.js';
import { demoServerApi } from './demo-api.js';

const PRIYA = { id: '+919876543210', name: 'Priya Sharma' };

let demo;
/** @type {import('puppeteer-core').Page} */ let page;
let base = '';
let pageErrors = [];

let server;
/** Ben, another agent, reads and writes through the relay. */
let ben;
const onServer = (id) => ben.status(id);

before(async () => {
  demo = await startDemo();
  ({ page, base, pageErrors } = demo);
  server = demoServerApi(base);
});

after(() => demo?.close());

beforeEach(async () => {
  await server.reset();
  ben = await server.agent('ben');
  pageErrors.length = 0;
});

/** Opens the header menu of the open chat and its dialog for Block. */
async function openBlockDialog() {
  await page.click('chat-header-menu >>> [part~="trigger"]');
  await page.waitForSelector('::-p-aria([name="Block"][role="menuitem"])');
  await page.click('::-p-aria([name="Block"][role="menuitem"])');
  await page.waitForFunction(() => document.querySelector('chat-header-menu')?.shadowRoot.querySelector('chat-confirm-dialog')?.open);
}

test('a block with a reason and a duration: the server stores both, the notice and pill say so, Undo unblocks', async () => {
  await page.goto('about:blank');
  await page.goto(base);
  await page.waitForSelector('chat-header-menu');
  await openBlockDialog();
  await page.click('::-p-aria([name="Abusive"][role="radio"])');
  await page.select('chat-header-menu >>> chat-confirm-dialog >>> select', '24 hours');
  assert.deepEqual(await axeViolations(page), [], 'axe with the reason and duration questions');
  const before = Date.now();
  await page.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
  await page.waitForFunction(() => document.querySelector('chat-header-menu').shadowRoot.querySelector('[part~="undo-text"]'));
  const customer = await onServer(PRIYA.id);
  assert.equal(customer.blocked, true);
  assert.equal(customer.reason, 'abusive');
  assert.equal(customer.by, 'Dana Kapoor');
  assert.equal(await server.chatApiBlocked(PRIYA.id), true);
  const hours = (Date.parse(customer.until) - before) / 3600_000;
  assert.ok(hours > 23.9 && hours < 24.01, `blocked for 24 hours (got ${hours})`);
  // The notice's view loads with the first block it shows.
  await page.waitForFunction(() => document.querySelector('chat-block-notice').shadowRoot.querySelector('[part~="notice"]'));
  const notice = await page.$eval('chat-block-notice', (n) => n.shadowRoot.textContent.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim());
  assert.match(notice, /Dana Kapoor blocked this customer/);
  assert.match(notice, /Abusive/);
  const pill = await page.$eval(`li[data-customer="${PRIYA.id}"] chat-status-pill`, (p) => p.shadowRoot.textContent.trim());
  assert.match(pill, /^Blocked · ends in 24 hours/);
  assert.deepEqual(await axeViolations(page), [], 'axe with the undo toast');

  // Undo from the keyboard: the next Tab from the trigger reaches it.
  await page.evaluate(() => document.querySelector('chat-header-menu').shadowRoot.querySelector('[part~="trigger"]').focus());
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.querySelector('chat-header-menu').shadowRoot.activeElement?.getAttribute('part'));
  assert.equal(focused, 'undo-button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(async (id) => !(await (await fetch('/api/mock/upstream')).json()).blocked[id], {}, PRIYA.id);
  const after = await onServer(PRIYA.id);
  assert.equal(after.blocked, false);
  assert.equal(after.reason, null, 'the unblock cleared the reason');
  assert.deepEqual(pageErrors, []);
});

test('Blocked customers: bulk unblock with failures leaves exactly the failed rows, and the server agrees', async () => {
  const ids = ['+14155550132', '+919876543210', '+447911123456', '+971501234567'];
  for (const id of ids) await ben.block(id, { reason: 'spam' });
  // The chat API refuses one customer's unblock.
  const failing = '+447911123456';
  await server.setUpstream({ fault: 'refuse', faultPhones: [failing] });
  await page.goto('about:blank');
  await page.goto(`${base}#blocked`);
  await page.waitForFunction(() => document.querySelector('chat-blocked-list')?.shadowRoot?.querySelectorAll('[role="row"]').length > 4);
  const blockedBefore = (await ben.list()).map((c) => c.phone).sort();
  assert.equal(blockedBefore.length, ids.length + 1, 'the seeded blocked customer plus ours');
  assert.deepEqual(await axeViolations(page), []);

  await page.click('chat-blocked-list >>> [part~="select-all"]');
  await page.click('chat-blocked-list >>> [part~="unblock-selected"]');
  await page.waitForFunction(() => document.querySelector('chat-blocked-list').shadowRoot.querySelector('chat-confirm-dialog')?.open);
  await page.click('chat-blocked-list >>> chat-confirm-dialog >>> [part~="confirm"]');
  await page.waitForFunction(() => /of 5 unblocked · 1 failed/.test(document.querySelector('chat-blocked-list').shadowRoot.querySelector('[part~="progress"]')?.textContent ?? ''));
  const progress = await page.$eval('chat-blocked-list >>> [part~="progress"]', (p) => p.textContent.trim());
  assert.match(progress, /^4 of 5 unblocked · 1 failed/);

  const serverBlocked = (await ben.list()).map((c) => c.phone);
  assert.deepEqual(serverBlocked, [failing], 'only the failed customer is still blocked on the relay');
  const chatApi = (await server.upstream()).blocked;
  assert.deepEqual(Object.keys(chatApi).filter((id) => chatApi[id]), [failing], 'and on the chat API');
  const rowsShown = await page.$$eval('chat-blocked-list >>> [role="row"][aria-rowindex]', (rows) =>
    rows.filter((r) => r.querySelector('[part~="name"]')).map((r) => r.textContent),
  );
  assert.equal(rowsShown.length, 1, `one row left (${rowsShown.join(' | ')})`);
  assert.match(rowsShown[0], /\+447911123456|Mallory/);
  assert.deepEqual(await axeViolations(page), [], 'axe with a failed row');

  // The server recovers; Retry on the failed row unblocks it.
  await server.setUpstream({ fault: 'none', faultPhones: [] });
  await page.click('chat-blocked-list >>> [part~="retry"]');
  await page.waitForFunction(async () => Object.values((await (await fetch('/api/mock/upstream')).json()).blocked).every((b) => !b));
  assert.deepEqual(await ben.list(), [], 'nobody is blocked on the relay');
  assert.deepEqual(pageErrors, []);
});
