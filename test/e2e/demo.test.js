// End-to-end: the demo inbox on chat-block-relay (in front of the mock chat API), driven in
// real Chromium like an agent would, signed in as Dana Kapoor.
// Run: npm run build -w chat-block-relay && CHROME_PATH=/usr/bin/chromium node --test test/e2e/
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, startDemo } from './harness.js';
import { demoServerApi } from './demo-api.js';

const EMILY = { id: '+14155550132', name: 'Emily Carter' };
const MALLORY = { id: '+447911123456', name: '<img src=x onerror=alert(1)> Mallory' };

/** @type {import('puppeteer-core').Page} */ let page;
let base = '';
const pageErrors = [];
const alerts = [];

/** The demo's server from node, a second observer of what the page did; Ben is another agent. */
let server;
let ben;
/** Whether the chat API itself (behind the relay) has the customer blocked. */
const serverBlocked = (id) => server.chatApiBlocked(id);

/** The accessible label of whatever has focus, looking through shadow roots. */
const focusedLabel = () =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    // Without the invisible bidi isolates that wrap customer names.
    return (el?.getAttribute('aria-label') || el?.textContent || '').replace(/[\u2066-\u2069]/g, '').trim().replace(/\s+/g, ' ');
  });

/** Waits until the pill in the customer's conversation row reads `text` ('' = hidden). */
const rowPill = (id, text) =>
  page.waitForFunction(
    (id, text) => {
      const pill = document.querySelector(`li[data-customer="${id}"] chat-status-pill`);
      const shown = (pill?.checkVisibility() && pill.shadowRoot.querySelector('[part~="pill"]')?.textContent.trim()) || '';
      return shown.startsWith(text) && (text !== '' || shown === '');
    },
    {},
    id,
    text,
  );

/** The composer banner's sentence, without the bidi isolates around the name. */
/** Waits for `tag`'s updateComplete: a notice or banner loads what it shows when its customer first shows blocked. */
const settled = (tag) => page.$eval(tag, (el) => el.updateComplete.then(() => true));
const bannerMessage = async () =>
  (await settled('chat-block-banner')) &&
  page.$eval('chat-block-banner', (b) => (b.checkVisibility() ? b.shadowRoot.querySelector('[part~="message"]').textContent.replace(/[\u2066-\u2069]/g, '') : ''));
/** The notice's line as read, '' when hidden. */
const noticeText = async () =>
  (await settled('chat-block-notice')) &&
  page.$eval('chat-block-notice', (n) =>
    n.checkVisibility() ? n.shadowRoot.querySelector('[part~="notice"]').textContent.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim() : '',
  );

const dialogOpen = () => page.evaluate(() => !!document.querySelector('chat-header-menu')?.shadowRoot.querySelector('chat-confirm-dialog')?.open);

async function openChat({ id, name }) {
  await page.click(`li[data-customer="${id}"] .row-open`);
  await page.waitForFunction((name) => document.querySelector('.chat-name')?.textContent === name, {}, name);
}

/** Mouse path: three dots → Block → the dialog's Block button. */
async function blockWithMouse() {
  await page.click('chat-header-menu >>> [part~="trigger"]');
  await page.waitForSelector('::-p-aria([name="Block"][role="menuitem"])');
  await page.click('::-p-aria([name="Block"][role="menuitem"])');
  await page.waitForFunction(() => document.querySelector('chat-header-menu')?.shadowRoot.querySelector('chat-confirm-dialog')?.open);
  await page.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
}

let demo;
before(async () => {
  demo = await startDemo();
  ({ page, base } = demo);
  server = demoServerApi(base);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
});

after(() => demo?.close());

beforeEach(async () => {
  await server.reset();
  ben = await server.agent('ben');
  await page.goto(base);
  await page.waitForSelector('li[data-customer] chat-status-pill');
  await page.waitForFunction(() => customElements.get('chat-header-menu'));
});

describe('demo inbox', () => {
  test('passes axe in every state: inbox, menu open, dialog open, error, blocked', async () => {
    await openChat(EMILY);
    assert.deepEqual(await axeViolations(page), [], 'inbox');
    await page.click('chat-header-menu >>> [part~="trigger"]');
    assert.deepEqual(await axeViolations(page), [], 'menu open');
    await page.waitForSelector('::-p-aria([name="Block"][role="menuitem"])');
    await page.click('::-p-aria([name="Block"][role="menuitem"])');
    await page.waitForFunction(() => document.querySelector('chat-header-menu')?.shadowRoot.querySelector('chat-confirm-dialog')?.open);
    assert.deepEqual(await axeViolations(page), [], 'dialog open');
    await server.setUpstream({ fault: 'refuse' });
    await page.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
    await page.waitForSelector('chat-header-menu >>> chat-confirm-dialog >>> [role="alert"]');
    assert.deepEqual(await axeViolations(page), [], 'error in the dialog');
    await server.setUpstream({ fault: 'none' });
    await page.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
    await rowPill(EMILY.id, 'Blocked');
    assert.deepEqual(await axeViolations(page), [], 'blocked, composer off');
  });


  test('block from the chat header with the mouse', async () => {
    await openChat(EMILY);
    assert.equal(await page.$eval('#composer-input', (t) => t.disabled), false);
    await blockWithMouse();

    await rowPill(EMILY.id, 'Blocked');
    assert.equal(await dialogOpen(), false, 'the dialog closes once the backend accepted');
    assert.equal(await serverBlocked(EMILY.id), true, 'the chat API has the block');
    assert.equal((await ben.status(EMILY.id)).by, 'Dana Kapoor', 'the relay recorded who, from the sign-in');
    assert.equal(await page.$eval('#composer-input', (t) => t.disabled), true, 'composer is off');
    // <chat-block-banner> takes the composer's place (hidden by the host's CSS alone), and
    // <chat-block-notice> ends the conversation.
    // Who comes from the relay (the sign-in), the same on every screen and after a reload.
    assert.equal(await bannerMessage(), `Dana Kapoor blocked ${EMILY.name}. Unblock to send messages.`);
    assert.equal(await page.$eval('.composer', (f) => getComputedStyle(f).display), 'none', 'the composer is hidden');
    assert.match(await noticeText(), /^Dana Kapoor blocked this customer · \d{1,2}:\d{2}\s?(AM|PM)? · Unblock$/);
  });

  test('unblock from the composer banner: its dialog, the server, then focus in the composer', async () => {
    await ben.block(EMILY.id);
    await page.goto(base);
    await page.waitForSelector(`li[data-customer="${EMILY.id}"]`);
    await openChat(EMILY);
    await rowPill(EMILY.id, 'Blocked');
    // Read from the relay, which keeps who (from the sign-in) and when.
    assert.equal(await bannerMessage(), `Ben Okafor blocked ${EMILY.name}. Unblock to send messages.`);
    assert.match(await noticeText(), /^Ben Okafor blocked this customer · \d{1,2}:\d{2} [AP]M · Unblock$/);

    await settled('chat-block-banner');
    await page.click('chat-block-banner >>> [part~="unblock"]');
    await page.waitForFunction(() => document.querySelector('chat-block-banner')?.shadowRoot.querySelector('chat-confirm-dialog')?.open);
    assert.deepEqual(await axeViolations(page), [], 'the banner\'s dialog open');
    await page.click('chat-block-banner >>> chat-confirm-dialog >>> [part~="confirm"]');

    await rowPill(EMILY.id, 'Unblocked');
    assert.equal(await serverBlocked(EMILY.id), false, 'the chat API has the unblock');
    await page.waitForFunction(() => !document.querySelector('chat-block-banner').checkVisibility());
    assert.equal(await page.$eval('.composer', (f) => getComputedStyle(f).display), 'block', 'the composer is back');
    await page.waitForFunction(() => document.activeElement?.id === 'composer-input');
    assert.equal(await page.$eval('chat-block-notice', (n) => n.checkVisibility()), false, 'the notice hides');
  });

  test('a refused unblock from the notice shows the error on the line, and Unblock retries', async () => {
    await ben.block(EMILY.id);
    await page.goto(base);
    await page.waitForSelector(`li[data-customer="${EMILY.id}"]`);
    await openChat(EMILY);
    await rowPill(EMILY.id, 'Blocked');
    await server.setUpstream({ fault: 'refuse' });
    await settled('chat-block-notice');
    await page.click('chat-block-notice >>> [part~="unblock"]');
    await page.waitForFunction(() => document.querySelector('chat-block-notice')?.shadowRoot.querySelector('chat-confirm-dialog')?.open);
    await page.click('chat-block-notice >>> chat-confirm-dialog >>> [part~="confirm"]');
    await page.waitForSelector('chat-block-notice >>> chat-confirm-dialog >>> [role="alert"]');
    await page.click('chat-block-notice >>> chat-confirm-dialog >>> [part~="cancel"]');
    const alert = await page.waitForSelector('chat-block-notice >>> [part~="error"]');
    assert.match(await alert.evaluate((a) => a.textContent), /^Couldn't unblock: .*customer cannot be changed right now/);
    assert.equal(await serverBlocked(EMILY.id), true, 'nothing changed on the server');
    assert.equal((await ben.status(EMILY.id)).blocked, true, 'the relay rolled its intent back');
    assert.deepEqual(await axeViolations(page), [], 'the error on the notice');
    await server.setUpstream({ fault: 'none' });

    await page.click('chat-block-notice >>> [part~="unblock"]');
    await page.waitForFunction(() => document.querySelector('chat-block-notice')?.shadowRoot.querySelector('chat-confirm-dialog')?.open);
    await page.click('chat-block-notice >>> chat-confirm-dialog >>> [part~="confirm"]');
    await rowPill(EMILY.id, 'Unblocked');
    assert.equal(await serverBlocked(EMILY.id), false, 'the retry reached the server');
  });

  test('unblock with the keyboard only', async () => {
    await ben.block(EMILY.id);
    await page.goto(base);
    await page.waitForSelector(`li[data-customer="${EMILY.id}"]`);
    await openChat(EMILY);
    await rowPill(EMILY.id, 'Blocked');

    // From the top of the page, Tab until the three-dots trigger has focus.
    await page.evaluate(() => document.activeElement?.blur());
    let tabs = 0;
    // The trigger is named for the open customer.
    while ((await focusedLabel()) !== `More actions for ${EMILY.name}`) {
      assert.ok(++tabs < 30, 'the menu trigger is reachable with Tab');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('chat-header-menu')?.open);
    assert.equal(await focusedLabel(), 'Mark read', 'Enter opens the menu on its first item');
    for (let i = 0; (await focusedLabel()) !== 'Unblock'; i++) {
      assert.ok(i < 5, 'arrows reach Unblock');
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('chat-header-menu')?.shadowRoot.querySelector('chat-confirm-dialog')?.open);
    assert.equal(await focusedLabel(), 'Cancel', 'the dialog starts on the least destructive button');
    await page.keyboard.press('Tab');
    assert.equal(await focusedLabel(), 'Unblock');
    await page.keyboard.press('Enter');

    await rowPill(EMILY.id, 'Unblocked');
    assert.equal(await serverBlocked(EMILY.id), false, 'the chat API has the unblock');
    assert.equal(await page.$eval('#composer-input', (t) => t.disabled), false, 'composer is back on');
    assert.equal(await focusedLabel(), `More actions for ${EMILY.name}`, 'focus returns to the trigger');
  });

  test('a refused block shows the error, keeps the state, and can be retried', async () => {
    await openChat(EMILY);
    await server.setUpstream({ fault: 'refuse' });
    await blockWithMouse();

    const alert = await page.waitForSelector('chat-header-menu >>> chat-confirm-dialog >>> [role="alert"]');
    assert.match(await alert.evaluate((a) => a.textContent), /customer cannot be changed right now/);
    assert.equal(await dialogOpen(), true, 'the dialog stays open to retry');
    assert.equal(await serverBlocked(EMILY.id), false, 'nothing changed on the server');
    await rowPill(EMILY.id, "Couldn't block");
    await page.waitForFunction(() => document.getElementById('toasts').textContent.includes("Couldn't block Emily Carter"));
    assert.equal(await page.$eval('#composer-input', (t) => t.disabled), false);

    await server.setUpstream({ fault: 'none' });
    await page.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
    await rowPill(EMILY.id, 'Blocked');
    assert.equal(await dialogOpen(), false);
    assert.equal(await serverBlocked(EMILY.id), true, 'the retry reached the server');
  });

  test('cancelling a block in flight: not confirmed, then the relay finishes it and every view settles', async () => {
    await openChat(EMILY);
    await server.setUpstream({ latencyMs: 1500 });
    await blockWithMouse();
    await rowPill(EMILY.id, 'Blocking…');
    await page.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="cancel"]');
    // The POST had left: the relay committed it and goes on with the chat API.
    await page.waitForFunction(() => document.getElementById('toasts').textContent.includes('The block of Emily Carter is not confirmed'));
    // No Retry needed: the relay's confirmation is pushed (follow) and every view settles to it.
    await rowPill(EMILY.id, 'Blocked');
    assert.equal(await serverBlocked(EMILY.id), true, 'the chat API applied what arrived');
    assert.equal(await page.$eval('#composer-input', (t) => t.disabled), true, 'the composer follows the server');
    assert.equal((await server.upstream()).calls[`block ${EMILY.id}`], 1, 'sent to the chat API once');
  });

  test('the chat API down: "not confirmed" with Check until the relay gets it through', async () => {
    await openChat(EMILY);
    await server.setUpstream({ fault: 'down' });
    await blockWithMouse();
    // The relay committed the intent and answered 202: the page claims neither state.
    await rowPill(EMILY.id, 'Block not confirmed');
    assert.equal(await dialogOpen(), false, 'the dialog closes: the agent has nothing to retry');
    assert.equal(await page.$eval('#composer-input', (t) => t.disabled), false, 'nothing is claimed blocked yet');
    // The store reads the relay back by itself ("Checking…"), and offers Check between reads.
    await page.waitForSelector(`li[data-customer="${EMILY.id}"] chat-status-pill >>> [part~="check"], li[data-customer="${EMILY.id}"] chat-status-pill >>> [part~="checking"]`);
    assert.deepEqual(await axeViolations(page), [], 'not confirmed');
    assert.equal((await ben.status(EMILY.id)).pending?.action, 'block', 'the relay keeps the intent');
    // The chat API comes back: the relay's retry gets through and the push settles every view.
    await server.setUpstream({ fault: 'none' });
    await rowPill(EMILY.id, 'Blocked');
    assert.equal(await serverBlocked(EMILY.id), true);
  });

  test('host menu items and names stay text', async () => {
    const row = `li[data-customer="${MALLORY.id}"]`;
    assert.equal(await page.$eval(`${row} .row-name`, (n) => n.textContent), MALLORY.name);
    await openChat(MALLORY);
    assert.ok(await page.$(`${row} .badge`), 'starts with unread messages');
    await page.click('chat-header-menu >>> [part~="trigger"]');
    await page.waitForSelector('::-p-aria([name="Mark read"][role="menuitem"])');
    await page.click('::-p-aria([name="Mark read"][role="menuitem"])');
    await page.waitForFunction((row) => !document.querySelector(`${row} .badge`), {}, row);

    await page.click('chat-header-menu >>> [part~="trigger"]');
    await page.waitForSelector('::-p-aria([name="Block"][role="menuitem"])');
    await page.click('::-p-aria([name="Block"][role="menuitem"])');
    const heading = await page.waitForSelector('chat-header-menu >>> chat-confirm-dialog >>> [part~="heading"]');
    assert.equal(await heading.evaluate((h) => h.textContent.replace(/[\u2068\u2069]/g, '').trim()), `Block ${MALLORY.name}?`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('chat-header-menu')?.shadowRoot.querySelector('chat-confirm-dialog')?.open);
    assert.equal(await serverBlocked(MALLORY.id), false, 'cancel sends nothing');

    assert.equal(await page.evaluate(() => document.querySelectorAll('img, script:not([type="module"])').length), 0);
    assert.deepEqual(alerts, [], 'no customer string ran as HTML');
    assert.deepEqual(pageErrors, []);
  });
});
