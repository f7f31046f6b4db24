// Pins Session of the local runtime: active vs effective user, withheld addresses, time zone and locale.
import { NotImplementedError, RuntimeCore } from '../../local/runtime/core';
import { createSession } from '../../local/runtime/session';

function setup(activeUser?: string) {
  const core = new RuntimeCore('2010-03-10T09:00:00Z');
  const session = createSession(core, {
    scriptTimeZone: 'Europe/London',
    effectiveUser: 'owner@council.gov.uk',
    activeUser,
  });
  return { core, ...session };
}

describe('Session', () => {
  it('reports the effective user as the active one by default', () => {
    const { Session } = setup();
    expect(Session.getActiveUser().getEmail()).toBe('owner@council.gov.uk');
    expect(Session.getEffectiveUser().getEmail()).toBe('owner@council.gov.uk');
  });

  it('gives an empty address when Google withholds the active user', () => {
    const { Session, setActiveUser, setEffectiveUser } = setup('clerk@council.gov.uk');
    expect(Session.getActiveUser().getEmail()).toBe('clerk@council.gov.uk');
    setActiveUser('');
    setEffectiveUser('trigger-owner@council.gov.uk');
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getEffectiveUser().getEmail()).toBe('trigger-owner@council.gov.uk');
  });

  it('gives the script time zone and a default locale', () => {
    const { Session } = setup();
    expect(Session.getScriptTimeZone()).toBe('Europe/London');
    expect(Session.getActiveUserLocale()).toBe('en');
  });

  it('keeps the temporary key for 30 days, per user', () => {
    const { core, Session, setActiveUser } = setup();
    const key = Session.getTemporaryActiveUserKey();
    expect(key).not.toContain('owner@council.gov.uk');
    core.advance(86400000);
    expect(Session.getTemporaryActiveUserKey()).toBe(key);
    core.advance(31 * 86400000);
    expect(Session.getTemporaryActiveUserKey()).not.toBe(key);
    const later = Session.getTemporaryActiveUserKey();
    setActiveUser('someone@else.org');
    expect(Session.getTemporaryActiveUserKey()).not.toBe(later);
  });

  it('refuses an unknown script time zone when created', () => {
    const core = new RuntimeCore();
    expect(() => createSession(core, { scriptTimeZone: 'Narnia/Lantern', effectiveUser: 'a@b.co' })).toThrow(
      'Invalid argument: timeZone',
    );
  });

  it('counts calls and refuses the deprecated members', () => {
    const { core, Session } = setup();
    Session.getActiveUser().getEmail();
    expect(core.calls.get('Session.Session.getActiveUser')).toBe(1);
    expect(core.calls.get('Session.User.getEmail')).toBe(1);
    expect(() => (Session as unknown as { getUser(): void }).getUser()).toThrow(NotImplementedError);
  });
});
