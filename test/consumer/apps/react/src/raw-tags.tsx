// React 19 with the raw tags, typed by chat-block-elements/jsx.
import type {} from 'chat-block-elements/jsx';
import { useState } from 'react';

export function RawTags({ phone }: { phone: string }) {
  const [log, setLog] = useState<string[]>([]);
  return (
    <section id="raw">
      <chat-status-pill customer={phone}></chat-status-pill>
      <chat-header-menu
        customer={phone}
        customer-name="Ravi Kumar"
        placement="bottom-start"
        canBlock={true}
        confirm-unblock="false"
        onchat-menu-select={(e) => setLog((l) => [...l, `select:${e.detail.value}`])}
        onchat-block-change={(e) => setLog((l) => [...l, `change:${e.detail.blocked}`])}
      >
        <chat-menu-item value="archive">Archive</chat-menu-item>
      </chat-header-menu>
      <output id="raw-log">{log.join(' ')}</output>
    </section>
  );
}

export function WrongRawTags({ phone }: { phone: string }) {
  return (
    <>
      {/* @ts-expect-error customer is a string */}
      <chat-status-pill customer={42} />
      {/* @ts-expect-error not a status */}
      <chat-status-pill customer={phone} status="not-a-status" />
      {/* @ts-expect-error tone is neutral or danger */}
      <chat-menu-item tone="loud" />
      {/* @ts-expect-error no such attribute */}
      <chat-header-menu customer={phone} colour="red" />
      <chat-header-menu
        customer={phone}
        onchat-block-change={(e) => {
          // @ts-expect-error detail.blocked is a boolean
          const wrong: string = e.detail.blocked;
          void wrong;
        }}
      />
    </>
  );
}
