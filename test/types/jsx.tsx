// React 19 raw tags typed by chat-block-elements/jsx (dist/jsx.d.ts, generated from the manifest).
// The @ts-expect-error lines are the test: each wrong use must be a type error.
import type {} from '../../dist/jsx.js';
import type { ChatHeaderMenu } from '../../dist/index.js';
import { useRef } from 'react';

export function Header({ phone }: { phone: string }) {
  const menu = useRef<ChatHeaderMenu>(null);
  return (
    <header className="chat" onClick={() => menu.current?.show()}>
      <chat-status-pill customer={phone} status="blocked" transient-ms={0} announce />
      <chat-header-menu
        ref={menu}
        customer={phone}
        customer-name="Priya Sharma"
        placement="bottom-start"
        canBlock={false}
        aria-describedby="x"
        onchat-block-change={(e) => {
          const blocked: boolean = e.detail.blocked;
          // @ts-expect-error detail.blocked is a boolean
          const wrong: string = e.detail.blocked;
          void [blocked, wrong];
        }}
        onchat-block-request={(e) => e.detail.waitUntil(Promise.resolve())}
      >
        <chat-menu-item value="mark-read" tone="neutral">Mark read</chat-menu-item>
      </chat-header-menu>
      <chat-header-menu customer={phone} can-block="false" confirm-unblock="false" />
      {/* @ts-expect-error can-block takes a boolean or "true" / "false" */}
      <chat-header-menu customer={phone} can-block="no" />
      {/* @ts-expect-error customer is a string */}
      <chat-status-pill customer={42} />
      {/* @ts-expect-error not a status */}
      <chat-status-pill customer={phone} status="not-a-status" />
      {/* @ts-expect-error not a placement */}
      <chat-header-menu customer={phone} placement="middle" />
      {/* @ts-expect-error tone is neutral or danger */}
      <chat-menu-item tone="loud" />
      {/* @ts-expect-error no such attribute */}
      <chat-confirm-dialog heading="Block?" colour="red" />
    </header>
  );
}
