// Apps Script enums as every service hands them out: frozen constants that compare by identity and print as their name.

/** One enum constant: scripts compare by identity (`button === ui.Button.YES`) or by String(c) === 'YES'. */
export interface EnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

export type Enum<K extends string> = Readonly<Record<K, EnumValue>>;

// Plain frozen values rather than exposed proxies: an exposed object answers every unknown member with a function,
// and scripts probe enums by property (`DocumentApp.Attribute.BOLD` as an object key), which must stay exact.
const CONSTANTS = new WeakMap<object, { enumName: string; key: string }>();

export function makeEnum<K extends string>(enumName: string, keys: readonly K[]): Enum<K> {
  const out = {} as Record<K, EnumValue>;
  keys.forEach((key, i) => {
    const value: EnumValue = Object.freeze({
      name: () => key,
      ordinal: () => i,
      toString: () => key,
      toJSON: () => key,
    });
    CONSTANTS.set(value, { enumName, key });
    out[key] = value;
  });
  return Object.freeze(out);
}

/** The constant's key if `value` is one of `anEnum`'s constants, else null. */
export function enumKey<K extends string>(anEnum: Enum<K>, value: unknown): K | null {
  if (typeof value !== 'object' || value === null) return null;
  const found = CONSTANTS.get(value);
  if (!found) return null;
  return (anEnum as Record<string, EnumValue>)[found.key] === value ? (found.key as K) : null;
}

/** The enum's name for any constant made here, else null (used to describe arguments in signature errors). */
export function enumNameOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  return CONSTANTS.get(value)?.enumName ?? null;
}
