import { expect, fixture, html } from '@open-wc/testing';
import { accessibleRoleAndName, engine, press } from './helpers.js';

// The test harness itself, in each engine: the key and accessibility-tree helpers every
// other file relies on behave the same through CDP (Chromium), BiDi (Firefox) and
// WebDriver (WebKit).
describe(`test harness in ${engine}`, () => {
  it('press() sends real keys: Tab moves focus, Space and Enter press a button', async () => {
    const page = await fixture<HTMLElement>(html`<div><button id="a">a</button><button id="b">b</button></div>`);
    const [a, b] = page.querySelectorAll('button');
    const clicks: string[] = [];
    page.addEventListener('click', (e) => clicks.push((e.target as Element).id));
    a.focus();
    await press('Tab');
    expect(document.activeElement === b, 'Tab moved focus to the next button').to.equal(true);
    await press('Space');
    await press('Enter');
    expect(clicks).to.deep.equal(['b', 'b']);
  });

  it('press("Shift+Tab") moves focus back (a chord in every engine)', async () => {
    const page = await fixture<HTMLElement>(html`<div><button id="a">a</button><button id="b">b</button></div>`);
    const [a, b] = page.querySelectorAll('button');
    const keys: string[] = [];
    page.addEventListener('keydown', (e) => keys.push(`${e.shiftKey ? 'Shift+' : ''}${e.key}/${e.code}`));
    b.focus();
    await press('Shift+Tab');
    expect(document.activeElement === a, 'Shift+Tab moved focus to the previous button').to.equal(true);
    // Engine difference: WebKitGTK's WebDriver sends Shift+Tab with `key` "Unidentified"
    // (GTK's ISO_Left_Tab), `code` "Tab"; code that listens for Tab should not rely on `key` alone.
    expect(keys).to.include(engine === 'webkit' ? 'Shift+Unidentified/Tab' : 'Shift+Tab/Tab');
  });

  it('accessibleRoleAndName() reads the engine accessibility tree, inside a shadow root too', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML = '<button aria-label="More actions for Priya">⋮</button>';
    const button = host.shadowRoot!.querySelector('button')!;
    const node = await accessibleRoleAndName(button, { role: 'button', name: 'More actions for Priya' });
    expect(node.role, node.via).to.equal('button');
    expect(node.name, node.via).to.equal('More actions for Priya');
    const wrong = await accessibleRoleAndName(button, { role: 'link', name: 'More actions for Priya' });
    expect(wrong.role, `a wrong role is not confirmed (${wrong.via})`).to.not.equal('link');
  });
});
