// A React app using the wrappers from chat-block-elements/react, bundled by test/e2e/react.test.js.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ChatHeaderMenu, ChatMenuItem, ChatStatusPill } from '../../../src/react.js';
import { blockStore } from '../../../src/index.js';

const PRIYA = '+919999999999';
blockStore.set(PRIYA, false);

function App() {
  const [log, setLog] = useState<string[]>([]);
  const add = (line: string) => setLog((lines) => [...lines, line]);
  return (
    <div>
      <ChatStatusPill customer={PRIYA} />
      <ChatHeaderMenu
        customer={PRIYA}
        customerName="Priya Sharma"
        onChatMenuSelect={(e) => add(`select:${e.detail.value}`)}
        onChatBlockRequest={(e) => e.detail.waitUntil(Promise.resolve())}
        onChatBlockChange={(e) => add(`change:${e.detail.blocked}`)}
      >
        <ChatMenuItem value="mark-read">Mark read</ChatMenuItem>
      </ChatHeaderMenu>
      <output id="log">{log.join(' ')}</output>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
