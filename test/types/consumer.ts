// Compiled against the built package (dist/*.d.ts), as a host app sees it: `npm run typecheck:dist`.
// The @ts-expect-error lines are the test: they fail the build if a wrong use type-checks.
import { blockStore, connectBackend, fetchBackend, ChatBackendError, type BackendErrorCode, type CustomerBlockState } from '../../dist/index.js';
import '../../dist/define.js';
import es from '../../dist/strings/locales/es.js';
import { ChatHeaderMenu as ReactMenu } from '../../dist/react.js';

document.addEventListener('chat-block-change', (event) => {
  const blocked: boolean = event.detail.blocked;
  const id: string = event.detail.customer.id;
  // @ts-expect-error detail.blocked is a boolean
  const wrong: string = event.detail.blocked;
  void [blocked, id, wrong];
});

document.addEventListener('chat-block-request', (event) => {
  event.detail.waitUntil(fetch('/api', { signal: event.detail.signal }));
  const action: 'block' | 'unblock' = event.detail.action;
  void action;
});

document.addEventListener('chat-block-error', (event) => {
  if (event.detail.error instanceof ChatBackendError) {
    const code: BackendErrorCode = event.detail.error.code;
    const known: string = code;
    // @ts-expect-error codes are a closed union
    const other: BackendErrorCode = 'no-such-code';
    void [known, other];
  }
});

const menu = document.createElement('chat-header-menu');
menu.customer = '+919999999999';
menu.canBlock = false;
const open: boolean = menu.open;
// @ts-expect-error placement takes a floating-ui placement
menu.placement = 'middle';

const pill = document.querySelector('chat-status-pill');
if (pill) pill.status = 'blocked';

const dialog = document.createElement('chat-confirm-dialog');
const confirmed: Promise<boolean> = dialog.confirm({ heading: 'Block?', tone: 'danger', action: (signal) => fetch('/x', { signal }) });

const state: CustomerBlockState = blockStore.get('+919999999999');
const stop: () => void = connectBackend(document, fetchBackend({ baseUrl: '/api' }), { timeoutMs: 8000 });
// @ts-expect-error the backend needs block and unblock
connectBackend(document, { block: async () => {} });

const spanish: string = es.block;
const Wrapper: unknown = ReactMenu;
void [open, confirmed, state, stop, spanish, Wrapper];
