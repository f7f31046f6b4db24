// Session of the local Apps Script runtime: who is running the script, as whom, and in which time zone.
import { createHash } from 'node:crypto';
import type { RuntimeCore } from './core';
import { resolveZone } from './formatDate';

export interface SessionOptions {
  scriptTimeZone: string;
  /** The person at the keyboard; defaults to the effective user (the developer running their own script). */
  activeUser?: string;
  /** The account the script runs as (the trigger's creator when a trigger runs it). */
  effectiveUser: string;
  /** Language setting, e.g. "en" (the reference's example) or "en_GB". */
  locale?: string;
  /** Identifies the script in getTemporaryActiveUserKey (the real key is unique to the script). */
  scriptId?: string;
}

/** The temporary key rotates every 30 days (reference: Session.getTemporaryActiveUserKey). */
const KEY_ROTATION_MS = 30 * 86400000;

class UserImpl {
  constructor(private readonly _email: string) {}
  getEmail(): string {
    return this._email;
  }
}

class SessionImpl {
  constructor(
    private readonly _core: RuntimeCore,
    private readonly _state: {
      active: string;
      effective: string;
      timeZone: string;
      locale: string;
      scriptId: string;
    },
  ) {}

  /**
   * The email is '' when Google withholds it: for consumer accounts whenever the script runs without that
   * user's own authorization (simple triggers, another user's installable trigger, "execute as me" web apps).
   */
  getActiveUser(): UserImpl {
    return this._core.expose('Session', 'User', new UserImpl(this._state.active));
  }

  getEffectiveUser(): UserImpl {
    return this._core.expose('Session', 'User', new UserImpl(this._state.effective));
  }

  getTemporaryActiveUserKey(): string {
    const period = Math.floor(this._core.nowMillis() / KEY_ROTATION_MS);
    const digest = createHash('sha256')
      .update(`${this._state.scriptId}\n${this._state.active}\n${period}`)
      .digest('base64');
    return digest.replace(/=+$/, '');
  }

  getScriptTimeZone(): string {
    return this._state.timeZone;
  }

  getActiveUserLocale(): string {
    return this._state.locale;
  }
}

export function createSession(
  core: RuntimeCore,
  opts: SessionOptions,
): {
  Session: SessionImpl;
  /** '' models Google withholding the address (installable triggers on consumer accounts). */
  setActiveUser(email: string): void;
  /** Who the script runs as: the trigger's creator when a trigger fires. */
  setEffectiveUser(email: string): void;
  /** Runtime plumbing, uncounted: the person at the keyboard now ('' when withheld). */
  activeUser(): string;
  /** Runtime plumbing, uncounted: the account the script runs as now, whose permissions every service applies. */
  effectiveUser(): string;
} {
  resolveZone(opts.scriptTimeZone);
  const state = {
    active: opts.activeUser ?? opts.effectiveUser,
    effective: opts.effectiveUser,
    timeZone: opts.scriptTimeZone,
    locale: opts.locale ?? 'en',
    scriptId: opts.scriptId ?? 'local-script',
  };
  return {
    Session: core.expose('Session', 'Session', new SessionImpl(core, state)),
    setActiveUser(email: string): void {
      state.active = email;
    },
    setEffectiveUser(email: string): void {
      state.effective = email;
    },
    activeUser: () => state.active,
    effectiveUser: () => state.effective,
  };
}
