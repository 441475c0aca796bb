/**
 * Where `blockStore.follow()` hears changes made elsewhere (other agents, other devices,
 * the server's own clock): an `EventSource`, the URL of one, or any feed with `subscribe`.
 */

/** Any source of changes: `subscribe(fn)` calls `fn` with each change and returns the unsubscribe. */
export interface ChangeFeed {
  subscribe(fn: (change: unknown) => void): () => void;
}

export type FollowSource = string | URL | EventSource | ChangeFeed;

export interface FollowOptions {
  /** For a URL on another origin: send its cookies (`new EventSource(url, { withCredentials })`). */
  withCredentials?: boolean;
  /**
   * For a URL: open the stream in one tab of this origin only, and let the others hear its
   * changes through `syncAcrossTabs()` (which every tab must call). A browser allows six
   * connections per origin over HTTP/1.1, across all tabs. The tab that holds the stream is
   * chosen with the Web Locks API (where there is none, every tab opens its own); when it
   * closes, another takes over and resumes after the newest revision it has heard.
   */
  shareAcrossTabs?: boolean;
}

/** What a feed delivers to the store. */
export interface FeedSink {
  /** One change: a customer's whole state after it (`{ phone | id, blocked, …, revision }`). */
  change(data: unknown): void;
  /** Changes may have been missed (a reconnect the server could not resume): read again what is shown. */
  resync(): void;
  /** The newest revision this page has heard, from any source: where a stream taken over resumes. */
  newest(): number | null;
}

// Reopening a URL's stream after the browser gave up on it (an HTTP error answer).
const REOPEN_BASE_MS = 1000;
const REOPEN_MAX_MS = 30_000;

/** Starts delivering `source`'s changes to `sink`; returns the function that stops it. */
export function openFeed(source: FollowSource, sink: FeedSink, options: FollowOptions = {}): () => void {
  if (typeof source === 'string' || source instanceof URL) {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (options.shareAcrossTabs && locks) return followShared(locks, String(source), sink, options);
    return followUrl(String(source), sink, options, '');
  }
  if (typeof EventSource !== 'undefined' && source instanceof EventSource) return followEventSource(source, sink, false);
  if (typeof (source as ChangeFeed | null)?.subscribe === 'function') return followFeed(source as ChangeFeed, sink);
  throw new TypeError(
    'chat-block-elements: blockStore.follow() needs an EventSource, the URL of one, or { subscribe(fn) } returning an unsubscribe function.',
  );
}

function followFeed(feed: ChangeFeed, sink: FeedSink): () => void {
  const unsubscribe = feed.subscribe((change) => {
    if ((change as { type?: unknown } | null)?.type === 'reset') sink.resync();
    else sink.change(change);
  });
  if (typeof unsubscribe !== 'function') {
    throw new TypeError('chat-block-elements: blockStore.follow(): subscribe(fn) must return the unsubscribe function.');
  }
  return unsubscribe;
}

/**
 * Listens to an `EventSource`: `change` events (and unnamed ones) carry a state, `reset` asks
 * for a re-read. The browser reconnects by itself and sends `Last-Event-ID`, so the server
 * resumes; a reconnect before any id was seen cannot resume, so it re-reads instead.
 * Returns the stop function and, through `onClosed`, says when the browser gave up.
 */
function followEventSource(events: EventSource, sink: FeedSink, own: boolean, onClosed?: (lastId: string) => void) {
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
  events.addEventListener('change', onChange as EventListener);
  events.addEventListener('message', onChange);
  events.addEventListener('ready', onMark as EventListener);
  events.addEventListener('reset', onReset as EventListener);
  events.addEventListener('open', onOpen);
  events.addEventListener('error', onError);
  return () => {
    events.removeEventListener('change', onChange as EventListener);
    events.removeEventListener('message', onChange);
    events.removeEventListener('ready', onMark as EventListener);
    events.removeEventListener('reset', onReset as EventListener);
    events.removeEventListener('open', onOpen);
    events.removeEventListener('error', onError);
    if (own) events.close();
  };
}

/**
 * A stream that one tab of the origin holds at a time: this one waits for the lock, then opens
 * the stream from the newest revision it heard from the tab before (through syncAcrossTabs),
 * and holds it until stopped or closed, when the next tab waiting takes over.
 */
function followShared(locks: LockManager, url: string, sink: FeedSink, options: FollowOptions): () => void {
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
function followUrl(url: string, sink: FeedSink, options: FollowOptions, after: string): () => void {
  if (typeof EventSource === 'undefined') {
    throw new TypeError('chat-block-elements: blockStore.follow(url) needs EventSource (a browser); pass { subscribe(fn) } elsewhere.');
  }
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
