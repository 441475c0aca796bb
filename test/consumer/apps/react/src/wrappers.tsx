// chat-block-elements/react: the @lit/react wrappers, typed props and onChat… callbacks.
import { useState } from 'react';
import { ChatHeaderMenu, ChatMenuItem, ChatStatusPill } from 'chat-block-elements/react';
import type { ChatBlockChangeEvent } from 'chat-block-elements';

export function Wrappers({ phone }: { phone: string }) {
  const [log, setLog] = useState<string[]>([]);
  const onChange = (e: ChatBlockChangeEvent) => setLog((l) => [...l, `change:${e.detail.blocked}`]);
  return (
    <section id="wrappers">
      <ChatStatusPill customer={phone} />
      <ChatHeaderMenu
        customer={phone}
        customerName="Priya Sharma"
        placement="bottom-end"
        onChatBlockChange={onChange}
        onChatMenuSelect={(e) => setLog((l) => [...l, `select:${e.detail.value}`])}
      >
        <ChatMenuItem value="mark-read">Mark read</ChatMenuItem>
      </ChatHeaderMenu>
      <output id="wrappers-log">{log.join(' ')}</output>
    </section>
  );
}

export function WrongWrappers({ phone }: { phone: string }) {
  return (
    <>
      {/* @ts-expect-error customer is a string */}
      <ChatStatusPill customer={42} />
      {/* @ts-expect-error not a status */}
      <ChatStatusPill customer={phone} status="not-a-status" />
      {/* @ts-expect-error not a placement */}
      <ChatHeaderMenu customer={phone} placement="middle" />
      <ChatHeaderMenu
        customer={phone}
        onChatBlockChange={(e) => {
          // @ts-expect-error detail.blocked is a boolean (the handler is typed, not any)
          const wrong: string = e.detail.blocked;
          void wrong;
        }}
      />
    </>
  );
}
