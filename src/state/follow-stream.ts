import { STREAM_EVENTS, type FeedSink, type FollowOptions } from './follow.js';

/**
 * The streams `blockStore.follow()` reads: an `EventSource` (the host's or one the store
 * opens from a URL, and reopens), optionally one per origin across tabs. Part of the store's
 * sync half (store-sync.ts), loaded on first need: follow() checks its source and holds what
 * it fires until then (see follow.ts).
 */

// Reopening a URL's stream after the browser gave up on it (an HTTP error answer).
const REOPEN_BASE_MS = 1000;
const REOPEN_MAX_MS = 30_000;

/**
 * Listens to an `EventSource`: `change` events (and unnamed ones) carry a state, `reset` asks
 * for a re-read. The browser reconnects by itself and sends `Last-Event-ID`, so the server
 * resumes; a reconnect before any id was seen cannot resume, so it re-reads instead.
 * `held`: what it fired before this module was here, handled first. Returns the stop function
 * and, through `onClosed`, says when the browser gave up.
 */
export function followEventSource(
  events: EventSource,
  sink: FeedSink,
  own: boolean,
  onClosed?: (lastId: string) => void,
  held: readonly Event[] = [],
) {
  let lastId = '';
  let broken = false;
  const onChange = (event: MessageEvent) => {
    if (event.lastEventId) lastId = event.lastEventId;
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      console.warn(`chat-block-elements: blockStore.follow() ignored a change that is not JSON: ${String(event.data).slice(0, 80)}`);
      return;
    }
    sink.change(data);
  };
  // The relay's `ready` (where a live stream starts) and `reset` carry an id too: a stream
  // opened again resumes from it instead of re-reading everything.
  const onMark = (event: MessageEvent) => {
    if (event.lastEventId) lastId = event.lastEventId;
  };
  const onReset = (event: MessageEvent) => {
    onMark(event);
    sink.resync();
  };
  const onOpen = () => {
    if (broken && !lastId) sink.resync();
    broken = false;
  };
  const onError = () => {
    broken = true;
    if (events.readyState !== EventSource.CLOSED) return;
    if (onClosed) onClosed(lastId);
    else if (!own) {
      console.warn(
        'chat-block-elements: the EventSource given to blockStore.follow() closed (the server refused it); pass its URL instead so the store can reopen it.',
      );
    }
  };
  const handlers: Record<string, (event: MessageEvent) => void> = { change: onChange, message: onChange, ready: onMark, reset: onReset, open: onOpen, error: onError };
  for (const event of held) handlers[event.type](event as MessageEvent);
  for (const type of STREAM_EVENTS) events.addEventListener(type, handlers[type] as EventListener);
  return () => {
    for (const type of STREAM_EVENTS) events.removeEventListener(type, handlers[type] as EventListener);
    if (own) events.close();
  };
}

/**
 * A stream that one tab of the origin holds at a time: this one waits for the lock, then opens
 * the stream from the newest revision it heard from the tab before (through syncAcrossTabs),
 * and holds it until stopped or closed, when the next tab waiting takes over.
 */
export function followShared(locks: LockManager, url: string, sink: FeedSink, options: FollowOptions): () => void {
  const stopped = new AbortController();
  const name = `chat-block-elements.follow ${new URL(url, globalThis.location?.href)}`;
  locks
    .request(name, { signal: stopped.signal }, () => {
      const newest = sink.newest();
      const stop = followUrl(url, sink, options, newest === null ? '' : String(newest));
      return new Promise<void>((release) => {
        stopped.signal.addEventListener('abort', () => (stop(), release()), { once: true });
      });
    })
    // Stopped while it was still waiting for the lock: nothing was opened.
    .catch(() => {});
  return () => stopped.abort();
}

/**
 * A stream the store opens itself (from `after`, when given), and opens again (with
 * `?after=<last id>`, so nothing is missed) when the browser gives up on it, with a growing,
 * jittered wait.
 */
export function followUrl(url: string, sink: FeedSink, options: FollowOptions, after: string): () => void {
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopCurrent = () => {};
  const open = (after: string, reopened: boolean) => {
    const target = new URL(url, globalThis.location?.href);
    if (after) target.searchParams.set('after', after);
    const events = new EventSource(target, { withCredentials: !!options.withCredentials });
    events.addEventListener('open', () => {
      failures = 0;
      // Opened again with nothing to resume from: what happened meanwhile is unknown.
      if (reopened && !after) sink.resync();
    });
    stopCurrent = followEventSource(events, sink, true, (lastId) => {
      stopCurrent();
      if (stopped) return;
      const ceiling = Math.min(REOPEN_MAX_MS, REOPEN_BASE_MS * 2 ** failures++);
      timer = setTimeout(() => open(lastId || after, true), Math.round(ceiling * (0.5 + Math.random() / 2)));
    });
  };
  open(after, false);
  return () => {
    stopped = true;
    clearTimeout(timer);
    stopCurrent();
  };
}
