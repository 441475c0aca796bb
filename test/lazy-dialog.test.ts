// Lazy loading: a <chat-confirm-dialog> loads what it shows (the native <dialog>, its questions,
// its styles) when it connects or is asked, and confirm() opens it only once that is here;
// fetchBackend() loads its request code on the first block or unblock.
import { expect } from '@open-wc/testing';
import '../src/define.js';
import { fetchBackend, type ChatConfirmDialog } from '../src/index.js';
import { fetched, PHONE } from './lazy-helpers.js';
import { part } from './helpers.js';

describe('lazy loading: the dialog and the fetch backend', () => {
  it('a dialog fetches its view when it connects; confirm() opens it once the view is there', async () => {
    const dialog = document.createElement('chat-confirm-dialog') as ChatConfirmDialog;
    expect(fetched('/chat-confirm-dialog/dialog-view.ts'), 'before any dialog is in the page').to.equal(false);
    const answer = dialog.confirm({ heading: 'Archive this chat?' });
    document.body.append(dialog);
    try {
      // Asked before its view came: not open yet, so `open` never means "shown but empty".
      if (!dialog.shadowRoot?.querySelector('dialog')) expect(dialog.open).to.equal(false);
      await dialog.updateComplete;
      expect(fetched('/chat-confirm-dialog/dialog-view.ts')).to.equal(true);
      expect(dialog.open).to.equal(true);
      expect(dialog.shadowRoot!.querySelector('dialog')!.open, 'the native dialog is shown').to.equal(true);
      expect(part(dialog, 'heading').textContent).to.equal('Archive this chat?');
      // Styled by the sheet that came with the view.
      expect(getComputedStyle(part(dialog, 'actions')).display).to.equal('flex');
      part(dialog, 'cancel').click();
      expect(await answer).to.equal(false);
    } finally {
      dialog.remove();
    }
  });

  it('fetchBackend() checks its options at once and loads its request code on the first call', async () => {
    expect(() => fetchBackend({ baseUrl: '' })).to.throw(TypeError, /baseUrl is required/);
    const sent: string[] = [];
    const backend = fetchBackend({
      baseUrl: '/proxy',
      fetch: async (url, init) => {
        sent.push(`${url} ${init?.body}`);
        return new Response('{}', { status: 201, headers: { 'Content-Type': 'application/json' } });
      },
    });
    expect(fetched('/backend/fetch-request'), 'before any request').to.equal(false);
    await backend.block({ id: PHONE, name: 'Priya Sharma' }, new AbortController().signal);
    expect(fetched('/backend/fetch-request')).to.equal(true);
    expect(sent).to.deep.equal([`/proxy/customer/block {"phone":"${PHONE}"}`]);
  });
});
