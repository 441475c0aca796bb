import { createRoot } from 'react-dom/client';
import 'chat-block-elements/define.js';
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
