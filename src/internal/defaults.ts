/**
 * Gives reactive properties their defaults on the prototype instead of setting them in each
 * instance's constructor: a getter answers the default until the property is set (Lit wraps
 * these accessors and still reports every property in the first update). A list of thousands
 * of elements then stores only what the host set on each. Call before the class is defined
 * as a custom element (Lit reads its properties then).
 */
export function propertyDefaults(ctor: { prototype: object }, defaults: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(defaults)) {
    const key = Symbol(name);
    Object.defineProperty(ctor.prototype, name, {
      get(this: Record<symbol, unknown>) {
        const own = this[key];
        return own === undefined ? value : own;
      },
      set(this: Record<symbol, unknown>, next: unknown) {
        this[key] = next;
      },
      configurable: true,
      enumerable: true,
    });
  }
}
