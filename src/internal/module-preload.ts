/**
 * The CDN build's `import()` helper, in place of Vite's (see `smallPreload` in vite.config.ts):
 * before a lazily loaded chunk is imported, the chunks it imports are asked for at once with
 * `<link rel="modulepreload">`, so opening a menu fetches its chunks side by side, not one after
 * another. Vite's own helper does the same and more that these chunks never need (CSS, its
 * `vite:preloadError` event) in 0.6 KB of the first load; this one is a fifth of that.
 */
const asked = new Set<string>();

export function __vitePreload<T>(load: () => Promise<T>, deps: readonly string[] | undefined, importerUrl: string): Promise<T> {
  for (const dep of deps ?? []) {
    const href = new URL(dep, importerUrl).href;
    if (asked.has(href)) continue;
    asked.add(href);
    const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href });
    // A page whose CSP allows scripts by nonce says it as Vite's helper expects.
    const nonce = document.querySelector<HTMLMetaElement>('meta[property=csp-nonce]')?.nonce;
    if (nonce) link.nonce = nonce;
    document.head.append(link);
  }
  return load();
}
