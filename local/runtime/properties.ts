// PropertiesService of the local Apps Script runtime: script, user and document stores of string values
// with Apps Script's size limits, kept for the runtime's life (they outlive executions, as the real ones do).
import type { RuntimeCore } from './core';

/** Limits from the Apps Script quotas page: "Properties value size 9 KB / val", "total storage 500 KB / property store". */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

/**
 * The service's message when a store would pass 500 KB (seen e.g. in lucasvtiradentes/gcal-sync#115). Scripts
 * that stored one value over 9 KB report the same message, so it is used for that limit too; "Argument too
 * large: value" is CacheService's wording, not PropertiesService's.
 */
export const PROPERTY_QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

export type StoreKind = 'script' | 'user' | 'document';

export interface PropertiesOptions {
  /** Whose user store getUserProperties() opens: the user the script runs as. Default 'user'. */
  currentUser?: () => string;
  /** Bound to a spreadsheet (the project's case); when false getDocumentProperties() returns null. */
  containerBound?: boolean;
}

type Store = Map<string, string>;

class PropertiesImpl {
  constructor(private readonly _store: Store) {}

  getProperty(key: string): string | null {
    return this._store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: unknown): PropertiesImpl {
    this._apply([[String(key), toStored(value)]], false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): PropertiesImpl {
    const pairs = Object.keys(properties ?? {}).map((k): [string, string] => [k, toStored(properties[k])]);
    this._apply(pairs, Boolean(deleteAllOthers));
    return this;
  }

  /** A copy, not a live view (reference: Properties.getProperties). */
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }

  getKeys(): string[] {
    return [...this._store.keys()];
  }

  deleteProperty(key: string): PropertiesImpl {
    this._store.delete(String(key));
    return this;
  }

  deleteAllProperties(): PropertiesImpl {
    this._store.clear();
    return this;
  }

  /** Checks every limit before changing anything, so a refused write leaves the store as it was. */
  private _apply(pairs: [string, string][], deleteAllOthers: boolean): void {
    const next: Store = deleteAllOthers ? new Map() : new Map(this._store);
    for (const [k, v] of pairs) {
      if (byteLength(v) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error(PROPERTY_QUOTA_MESSAGE);
      next.set(k, v);
    }
    if (storeBytes(next) > PROPERTY_STORE_LIMIT_BYTES) throw new Error(PROPERTY_QUOTA_MESSAGE);
    this._store.clear();
    for (const [k, v] of next) this._store.set(k, v);
  }
}

class PropertiesServiceImpl {
  constructor(
    private readonly _core: RuntimeCore,
    private readonly _stores: { script: Store; document: Store; user: Map<string, Store> },
    private readonly _currentUser: () => string,
    private readonly _bound: boolean,
  ) {}

  getScriptProperties(): PropertiesImpl {
    return this._wrap(this._stores.script);
  }

  getUserProperties(): PropertiesImpl {
    return this._wrap(userStore(this._stores.user, this._currentUser()));
  }

  /** null when the script is not bound to a document (reference: PropertiesService.getDocumentProperties). */
  getDocumentProperties(): PropertiesImpl | null {
    return this._bound ? this._wrap(this._stores.document) : null;
  }

  private _wrap(store: Store): PropertiesImpl {
    return this._core.expose('PropertiesService', 'Properties', new PropertiesImpl(store));
  }
}

export function createPropertiesService(
  core: RuntimeCore,
  opts: PropertiesOptions = {},
): {
  PropertiesService: PropertiesServiceImpl;
  /** A copy of a store's contents, for tests and the CLI ('user' needs the user's email). */
  snapshot(kind: StoreKind, user?: string): Record<string, string>;
  /** Puts values into a store directly (no limits, no counting), e.g. to start a test from a known state. */
  seed(kind: StoreKind, values: Record<string, string>, user?: string): void;
  /** Bytes a store uses as the quota counts them (keys plus values, UTF-8). */
  bytesUsed(kind: StoreKind, user?: string): number;
} {
  const stores = {
    script: new Map<string, string>(),
    document: new Map<string, string>(),
    user: new Map<string, Store>(),
  };
  const currentUser = opts.currentUser ?? (() => 'user');
  const pick = (kind: StoreKind, user?: string): Store => {
    if (kind === 'script') return stores.script;
    if (kind === 'document') return stores.document;
    return userStore(stores.user, user ?? currentUser());
  };
  return {
    PropertiesService: core.expose(
      'PropertiesService',
      'PropertiesService',
      new PropertiesServiceImpl(core, stores, currentUser, opts.containerBound ?? true),
    ),
    snapshot: (kind, user) => Object.fromEntries(pick(kind, user)),
    seed: (kind, values, user) => {
      const store = pick(kind, user);
      for (const [k, v] of Object.entries(values)) store.set(k, String(v));
    },
    bytesUsed: (kind, user) => storeBytes(pick(kind, user)),
  };
}

function userStore(users: Map<string, Store>, email: string): Store {
  let store = users.get(email);
  if (!store) {
    store = new Map();
    users.set(email, store);
  }
  return store;
}

/**
 * Values are stored as strings; other types are converted "automatically" (Properties guide, Data format),
 * which in the V8 runtime is JavaScript's String(). null and undefined are refused: what the service does
 * with them is not documented, and storing the text "null" would hide a bug.
 */
function toStored(value: unknown): string {
  if (value === null || value === undefined) throw new Error('Invalid argument: value');
  return String(value);
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function storeBytes(store: Store): number {
  let total = 0;
  for (const [k, v] of store) total += byteLength(k) + byteLength(v);
  return total;
}
