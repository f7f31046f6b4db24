// Plumbing shared by every DocumentApp wrapper class: the per-call guard and the way back from a wrapper to its node.
import { DocNode } from './nodes';

/** What the guard needs from a handle (the Session class, kept as an interface to avoid an import cycle). */
export interface Enterable {
  enter<T>(mutating: boolean, fn: () => T): T;
}

const MUTATORS = /^(set|append|insert|remove|delete|replace|clear|merge|add)/;

/**
 * Routes every public method of a wrapper class through its handle's enter(): members starting with `_` are the
 * runtime's plumbing and toString is a probe, so both are left alone.
 */
export function guardMethods(cls: { prototype: object }): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name === 'toString' || name.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const fn = desc.value as (...args: unknown[]) => unknown;
    const mutating = MUTATORS.test(name);
    Object.defineProperty(proto, name, {
      ...desc,
      value: function guarded(this: { _s: Enterable }, ...args: unknown[]) {
        return this._s.enter(mutating, () => fn.apply(this, args));
      },
    });
  }
}

/** The node behind an element object a script passed back in, or null for anything else. */
export function nodeOf(value: unknown): DocNode | null {
  if (typeof value !== 'object' || value === null) return null;
  const node = (value as { _node?: unknown })._node;
  return node instanceof DocNode ? node : null;
}
