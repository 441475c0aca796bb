/** A custom element class that knows its default tag and the elements it renders. */
export interface DefinableElement extends CustomElementConstructor {
  readonly tagName: string;
  readonly dependencies?: Record<string, DefinableElement>;
}

/**
 * Registers `ctor` under `tag` unless the tag is taken (no throw when two
 * bundles define the same tags), then its dependencies. A custom tag gets a
 * subclass, because one class can only be registered once per registry.
 */
export function defineElement(
  ctor: DefinableElement,
  tag: string = ctor.tagName,
  registry: CustomElementRegistry = customElements,
): void {
  for (const [depTag, dep] of Object.entries(ctor.dependencies ?? {})) defineElement(dep, depTag, registry);
  if (registry.get(tag)) return;
  const taken = registry.getName?.(ctor);
  registry.define(tag, taken ? class extends (ctor as unknown as typeof HTMLElement) {} : ctor);
}

/**
 * The registry elements in `el`'s shadow root are created from: the scoped registry the
 * root was attached with, else the global one. For a dependency defined on first use.
 */
export function registryOf(el: Element): CustomElementRegistry {
  const root = el.shadowRoot as (ShadowRoot & { customElementRegistry?: CustomElementRegistry | null }) | null;
  return root?.customElementRegistry ?? customElements;
}
