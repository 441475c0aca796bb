// End-to-end: the demo's moderation features on its mock API, in real Chromium, checking
// the server's state after each step: a block with a reason and a duration, Undo, and a
// bulk unblock from the "Blocked customers" page with injected failures.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, startDemo } from './harness.js';

const PRIYA = { id: '+919876543210', name: 'Priya Sharma' };

let demo;
/** @type {import('puppeteer-core').Page} */ let page;
let base = '';
let pageErrors = [];

async function api(path, body) {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(new URL(`api/${path}`, base), init);
  assert.ok(response.ok, `${path} answered ${response.status}`);
  return response.json();
}
const onServer = async (id) => (await api('customers')).find((c) => c.id === id);

before(async () => {
  demo = await startDemo();
  ({ page, base, pageErrors } = demo);
});

after(() => demo?.close());

beforeEach(async () => {
  await api('reset', {});
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
  assert.equal(customer.blockReason, 'abusive');
  const hours = (Date.parse(customer.blockedUntil) - before) / 3600_000;
  assert.ok(hours > 23.9 && hours < 24.01, `blocked for 24 hours (got ${hours})`);
  // The notice's view loads with the first block it shows.
  await page.waitForFunction(() => document.querySelector('chat-block-notice').shadowRoot.querySelector('[part~="notice"]'));
  const notice = await page.$eval('chat-block-notice', (n) => n.shadowRoot.textContent.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim());
  assert.match(notice, /You blocked this customer/);
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
  await page.waitForFunction(async (id) => {
    const all = await (await fetch('/api/customers')).json();
    return all.find((c) => c.id === id).blocked === false;
  }, {}, PRIYA.id);
  const after = await onServer(PRIYA.id);
  assert.equal(after.blockReason, null, 'the unblock cleared the reason');
  assert.deepEqual(pageErrors, []);
});

test('Blocked customers: bulk unblock with failures leaves exactly the failed rows, and the server agrees', async () => {
  const ids = ['+14155550132', '+919876543210', '+447911123456', '+971501234567'];
  for (const id of ids) await api('customer/block', { phone: id, reason: 'spam' });
  // One customer's unblock fails on the server.
  const failing = '+447911123456';
  await api('control', { failPhones: [failing] });
  await page.goto('about:blank');
  await page.goto(`${base}#blocked`);
  await page.waitForFunction(() => document.querySelector('chat-blocked-list')?.shadowRoot?.querySelectorAll('[role="row"]').length > 4);
  const blockedBefore = (await api('customers?blocked=true')).map((c) => c.id).sort();
  assert.equal(blockedBefore.length, ids.length + 1, 'the seeded blocked customer plus ours');
  assert.deepEqual(await axeViolations(page), []);

  await page.click('chat-blocked-list >>> [part~="select-all"]');
  await page.click('chat-blocked-list >>> [part~="unblock-selected"]');
  await page.waitForFunction(() => document.querySelector('chat-blocked-list').shadowRoot.querySelector('chat-confirm-dialog')?.open);
  await page.click('chat-blocked-list >>> chat-confirm-dialog >>> [part~="confirm"]');
  await page.waitForFunction(() => /of 5 unblocked · 1 failed/.test(document.querySelector('chat-blocked-list').shadowRoot.querySelector('[part~="progress"]')?.textContent ?? ''));
  const progress = await page.$eval('chat-blocked-list >>> [part~="progress"]', (p) => p.textContent.trim());
  assert.match(progress, /^4 of 5 unblocked · 1 failed/);

  const serverBlocked = (await api('customers?blocked=true')).map((c) => c.id);
  assert.deepEqual(serverBlocked, [failing], 'only the failed customer is still blocked on the server');
  const rowsShown = await page.$$eval('chat-blocked-list >>> [role="row"][aria-rowindex]', (rows) =>
    rows.filter((r) => r.querySelector('[part~="name"]')).map((r) => r.textContent),
  );
  assert.equal(rowsShown.length, 1, `one row left (${rowsShown.join(' | ')})`);
  assert.match(rowsShown[0], /\+447911123456|Mallory/);
  assert.deepEqual(await axeViolations(page), [], 'axe with a failed row');

  // The server recovers; Retry on the failed row unblocks it.
  await api('control', { failPhones: [] });
  await page.click('chat-blocked-list >>> [part~="retry"]');
  await page.waitForFunction(async () => (await (await fetch('/api/customers?blocked=true')).json()).length === 0);
  assert.deepEqual(pageErrors, []);
});
