/** A module loaded with dynamic `import()` on first need, once per page. */
export interface LazyModule<T> {
  /** The module if it has loaded, else undefined (no load started). */
  readonly now: T | undefined;
  /**
   * True after a load failed, until a later one succeeds. (WebKit and recent Chromium fetch again
   * on the next `load()`; Firefox and older Chromium, 150 for one, keep the failure for the
   * page's life: only a reload helps there.)
   */
  readonly failed: boolean;
  /** Loads it (once; a failed load is tried again on the next call). */
  load(): Promise<T>;
  /** Resolves once it has loaded, by whatever call, without starting a load. */
  readonly loaded: Promise<T>;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loading: Promise<T> | undefined;
  let done!: (module: T) => void;
  const lazy = {
    now: undefined as T | undefined,
    failed: false,
    loaded: new Promise<T>((resolve) => (done = resolve)),
    load: () =>
      (loading ??= importer().then(
        (module) => {
          lazy.failed = false;
          done((lazy.now = module));
          return module;
        },
        (error) => {
          loading = undefined;
          lazy.failed = true;
          throw error;
        },
      )),
  };
  return lazy;
}

/** What `renderWhenLoaded` needs of an element. */
interface Renderable {
  readonly localName: string;
  requestUpdate(name?: PropertyKey, oldValue?: unknown): void;
}

/**
 * Loads an element's lazily loaded view, then renders the element again (`rerender`, by
 * default a plain update). A failed load is reported, naming the element, and renders the
 * element again too (to say so: see load-failed.ts); a view that failed is not asked for
 * again by every render, connect or `updateComplete` (its reason says: reload the page).
 * The promise never rejects, so `updateComplete` can await it.
 */
export function renderWhenLoaded(lazy: LazyModule<unknown>, el: Renderable, rerender = () => el.requestUpdate()): Promise<void> {
  if (lazy.failed) return Promise.resolve();
  return lazy.load().then(rerender, (error) => {
    reportViewFailure(el, error);
    el.requestUpdate();
  });
}

/** The console line for a view that could not be loaded, naming the element. */
export function reportViewFailure(el: { readonly localName: string }, error: unknown): void {
  console.error(`${el.localName}: its view could not be loaded.`, error);
}

/**
 * Starts loading `lazy` as soon as the pointer enters, or focus lands in, an element for
 * which `wanted(path)` holds, so the first click does not wait on the network. `wanted` sees
 * every hint until then, and may get the element it finds ready too (the menu renders its
 * popup, closed). One pair of capturing listeners on the document for the whole page (none
 * per element), installed on the first call and removed once the module has loaded. A hint
 * from inside a closed shadow root is not seen here: that first open then loads on the click
 * itself.
 */
export function prefetchOnHint(lazy: LazyModule<unknown>, wanted: (path: EventTarget[]) => boolean): void {
  if (lazy.now || hinted.has(lazy)) return;
  hinted.add(lazy);
  const options = { capture: true, passive: true };
  const stop = () => {
    document.removeEventListener('pointerover', onHint, options);
    document.removeEventListener('focusin', onHint, options);
  };
  function onHint(event: Event): void {
    if (lazy.now) return stop();
    if (wanted(event.composedPath())) lazy.load().catch(() => {});
  }
  document.addEventListener('pointerover', onHint, options);
  document.addEventListener('focusin', onHint, options);
  // Loaded by another route (a click, show()): the hints are no longer needed.
  void lazy.loaded.then(stop);
}

const hinted = new WeakSet<LazyModule<unknown>>();
