import { createRoot } from 'react-dom/client';
// The raw tags, each from its own entry (the wrappers of chat-block-elements/react register every tag themselves).
import 'chat-block-elements/elements/chat-status-pill.js';
import 'chat-block-elements/elements/chat-header-menu.js';
import { Wrappers } from './wrappers.js';
import { RawTags } from './raw-tags.js';

// The host's backend: accepts every request.
document.addEventListener('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));

createRoot(document.getElementById('root')!).render(
  <>
    <Wrappers phone="+911111111111" />
    <RawTags phone="+912222222222" />
  </>,
);
