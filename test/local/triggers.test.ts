// Pins ScriptApp of the local runtime: building, listing and deleting triggers, the per-user limit, builder
// validation, and when time-based triggers fire.
import { NotImplementedError, RuntimeCore } from '../../local/runtime/core';
import {
  clockFireTimes,
  clockTriggerFiresIn,
  createScriptApp,
  MAX_TRIGGERS_PER_USER,
  TRIGGER_MESSAGES,
  WeekDay,
  type TriggerRecord,
} from '../../local/runtime/triggers';

const LONDON = 'Europe/London';

function setup(now = '2010-03-10T12:00:00Z') {
  const core = new RuntimeCore(now);
  let user = 'alice@council.gov.uk';
  const app = createScriptApp(core, {
    scriptId: 'script-123',
    ownerEmail: 'owner@council.gov.uk',
    userEmail: () => user,
    scriptTimeZone: LONDON,
  });
  return { core, ...app, switchUser: (email: string) => (user = email) };
}

const iso = (dates: Date[]): string[] => dates.map((d) => d.toISOString().slice(0, 16));
const only = (records: TriggerRecord[]): TriggerRecord => {
  expect(records).toHaveLength(1);
  return records[0];
};

describe('creating triggers', () => {
  it('builds a time-based trigger and describes it with the enums', () => {
    const { ScriptApp, triggers } = setup();
    const t = ScriptApp.newTrigger('sendWeeklyDigest')
      .timeBased()
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(8)
      .create();
    expect(t.getHandlerFunction()).toBe('sendWeeklyDigest');
    expect(t.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(String(t.getTriggerSource())).toBe('CLOCK');
    expect(t.getTriggerSourceId()).toBeNull();
    expect(t.getUniqueId()).toMatch(/^\d+$/);
    expect(only(triggers.list())).toMatchObject({
      owner: 'alice@council.gov.uk',
      timeZone: LONDON,
      schedule: { kind: 'weeks', every: 1, weekday: 1, hour: 8, minute: 0 },
    });
  });

  it('builds spreadsheet triggers from an id or a Spreadsheet', () => {
    const { ScriptApp } = setup();
    const onEdit = ScriptApp.newTrigger('onPlanEdit').forSpreadsheet('sheet-1').onEdit().create();
    expect(onEdit.getEventType()).toBe(ScriptApp.EventType.ON_EDIT);
    expect(onEdit.getTriggerSource()).toBe(ScriptApp.TriggerSource.SPREADSHEETS);
    expect(onEdit.getTriggerSourceId()).toBe('sheet-1');
    const spreadsheet = { getId: () => 'sheet-2' };
    const onOpen = ScriptApp.newTrigger('onPlanOpen').forSpreadsheet(spreadsheet).onOpen().create();
    expect(onOpen.getTriggerSourceId()).toBe('sheet-2');
    expect(ScriptApp.getUserTriggers('sheet-2').map((t) => t.getHandlerFunction())).toEqual(['onPlanOpen']);
  });

  it('records the creator, and the owner when the address is withheld', () => {
    const { ScriptApp, triggers, switchUser } = setup();
    switchUser('');
    ScriptApp.newTrigger('f').timeBased().everyHours(1).create();
    expect(only(triggers.list()).owner).toBe('owner@council.gov.uk');
  });

  it('throws the service error while the triggerCreationFails fault is on', () => {
    const { core, ScriptApp, triggers } = setup();
    core.faults.triggerCreationFails = true;
    expect(() => ScriptApp.newTrigger('f').timeBased().everyDays(1).create()).toThrow(
      TRIGGER_MESSAGES.serverError,
    );
    expect(triggers.list()).toHaveLength(0);
  });

  it('counts calls on every builder', () => {
    const { core, ScriptApp } = setup();
    ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(6).create();
    expect(core.calls.get('ScriptApp.ScriptApp.newTrigger')).toBe(1);
    expect(core.calls.get('ScriptApp.TriggerBuilder.timeBased')).toBe(1);
    expect(core.calls.get('ScriptApp.ClockTriggerBuilder.atHour')).toBe(1);
    expect(core.calls.get('ScriptApp.ClockTriggerBuilder.create')).toBe(1);
  });

  it('refuses builders it does not implement', () => {
    const { ScriptApp } = setup();
    const builder = ScriptApp.newTrigger('f') as unknown as { forForm(id: string): void };
    expect(() => builder.forForm('form-1')).toThrow(NotImplementedError);
  });
});

describe('listing, deleting and the limit', () => {
  it("lists only the current user's triggers", () => {
    const { ScriptApp, switchUser, triggers } = setup();
    ScriptApp.newTrigger('mine').timeBased().everyDays(1).create();
    switchUser('bob@council.gov.uk');
    ScriptApp.newTrigger('bobs').timeBased().everyDays(1).create();
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['bobs']);
    expect(triggers.list().map((t) => t.owner)).toEqual(['alice@council.gov.uk', 'bob@council.gov.uk']);
  });

  it('deletes a trigger, and deleting it again does nothing', () => {
    const { ScriptApp, triggers } = setup();
    const t = ScriptApp.newTrigger('f').timeBased().everyDays(1).create();
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
    expect(triggers.list()).toHaveLength(0);
    ScriptApp.deleteTrigger(t);
    expect(() => ScriptApp.deleteTrigger({})).toThrow('Invalid argument: trigger');
  });

  it(`allows ${MAX_TRIGGERS_PER_USER} triggers per user and refuses the next with the service's message`, () => {
    const { ScriptApp, switchUser } = setup();
    for (let i = 0; i < MAX_TRIGGERS_PER_USER; i += 1)
      ScriptApp.newTrigger(`f${i}`).timeBased().after(1000).create();
    expect(() => ScriptApp.newTrigger('one-too-many').timeBased().after(1000).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    switchUser('bob@council.gov.uk');
    ScriptApp.newTrigger('bobs').timeBased().after(1000).create();
    switchUser('alice@council.gov.uk');
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
    ScriptApp.newTrigger('room-again').timeBased().after(1000).create();
  });
});

describe('builder validation', () => {
  it('takes everyMinutes of 1, 5, 10, 15 or 30 only', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(2)).toThrow(
      TRIGGER_MESSAGES.everyMinutes,
    );
    ScriptApp.newTrigger('f').timeBased().everyMinutes(15).create();
  });

  it('needs a daily or weekly frequency for atHour and nearMinute', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').timeBased().atHour(8).create()).toThrow(
      TRIGGER_MESSAGES.hourNeedsFrequency,
    );
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(5).atHour(8).create()).toThrow(
      TRIGGER_MESSAGES.hourNeedsFrequency,
    );
    ScriptApp.newTrigger('f').timeBased().atHour(8).nearMinute(30).everyDays(1).create();
  });

  it('needs exactly one schedule', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').timeBased().create()).toThrow(TRIGGER_MESSAGES.noSchedule);
    expect(() => ScriptApp.newTrigger('f').timeBased().everyDays(1).everyHours(2).create()).toThrow(
      TRIGGER_MESSAGES.twoSchedules,
    );
  });

  it('wants the WeekDay enum, a real time zone and hours in range', () => {
    const { ScriptApp } = setup();
    const builder = ScriptApp.newTrigger('f').timeBased();
    expect(() => builder.onWeekDay('MONDAY' as unknown as typeof WeekDay.MONDAY)).toThrow(
      'Invalid argument: day',
    );
    expect(() => builder.inTimezone('Mars/Olympus')).toThrow('Invalid argument: timeZone');
    expect(() => builder.atHour(24)).toThrow('Invalid argument: hour');
    expect(ScriptApp.WeekDay).toBe(WeekDay);
  });

  it('needs an event for a spreadsheet trigger', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').forSpreadsheet('s').create()).toThrow(
      TRIGGER_MESSAGES.noSpreadsheetEvent,
    );
  });
});

describe('when time-based triggers fire', () => {
  it('fires "weekly on Monday at 8" at 08:00 London time on both sides of the clock change', () => {
    const { ScriptApp, triggers } = setup('2010-03-10T12:00:00Z'); // a Wednesday
    ScriptApp.newTrigger('digest').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).create();
    const t = only(triggers.list());
    expect(
      iso(clockFireTimes(t, new Date('2010-03-10T00:00:00Z'), new Date('2010-04-06T00:00:00Z'))),
    ).toEqual([
      '2010-03-15T08:00',
      '2010-03-22T08:00',
      '2010-03-29T07:00', // 08:00 BST
      '2010-04-05T07:00',
    ]);
  });

  it('fires every other week with everyWeeks(2)', () => {
    const { ScriptApp, triggers } = setup('2010-03-10T12:00:00Z');
    ScriptApp.newTrigger('f')
      .timeBased()
      .everyWeeks(2)
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(9)
      .create();
    expect(
      iso(
        clockFireTimes(
          only(triggers.list()),
          new Date('2010-03-10T00:00:00Z'),
          new Date('2010-04-10T00:00:00Z'),
        ),
      ),
    ).toEqual(['2010-03-15T09:00', '2010-03-29T08:00']);
  });

  it('starts a daily trigger today if its hour is still to come, else tomorrow', () => {
    const early = setup('2010-03-10T07:00:00Z');
    early.ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(8).create();
    const late = setup('2010-03-10T09:00:00Z');
    late.ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(8).create();
    const window = [new Date('2010-03-10T00:00:00Z'), new Date('2010-03-12T00:00:00Z')] as const;
    expect(iso(clockFireTimes(only(early.triggers.list()), ...window))).toEqual([
      '2010-03-10T08:00',
      '2010-03-11T08:00',
    ]);
    expect(iso(clockFireTimes(only(late.triggers.list()), ...window))).toEqual(['2010-03-11T08:00']);
  });

  it('counts the window as (from, to]', () => {
    const { ScriptApp, triggers } = setup('2010-03-10T07:00:00Z');
    ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(8).create();
    const t = only(triggers.list());
    const eight = new Date('2010-03-10T08:00:00Z');
    expect(clockTriggerFiresIn(t, new Date('2010-03-10T07:30:00Z'), eight)).toBe(true);
    expect(clockTriggerFiresIn(t, eight, new Date('2010-03-10T09:00:00Z'))).toBe(false);
  });

  it('fires after() once and everyMinutes() on the interval', () => {
    const { ScriptApp, triggers } = setup('2010-03-10T12:00:00Z');
    ScriptApp.newTrigger('once')
      .timeBased()
      .after(10 * 60000)
      .create();
    ScriptApp.newTrigger('often').timeBased().everyMinutes(15).create();
    const [once, often] = triggers.list();
    const window = [new Date('2010-03-10T12:00:00Z'), new Date('2010-03-10T13:00:00Z')] as const;
    expect(iso(clockFireTimes(once, ...window))).toEqual(['2010-03-10T12:10']);
    expect(iso(clockFireTimes(often, ...window))).toEqual([
      '2010-03-10T12:15',
      '2010-03-10T12:30',
      '2010-03-10T12:45',
      '2010-03-10T13:00',
    ]);
  });

  it('skips months without the day of onMonthDay', () => {
    const { ScriptApp, triggers } = setup('2010-01-01T12:00:00Z');
    ScriptApp.newTrigger('f').timeBased().onMonthDay(31).atHour(6).inTimezone('UTC').create();
    expect(
      iso(
        clockFireTimes(
          only(triggers.list()),
          new Date('2010-01-01T00:00:00Z'),
          new Date('2010-05-01T00:00:00Z'),
        ),
      ),
    ).toEqual(['2010-01-31T06:00', '2010-03-31T06:00']);
  });

  it('never says a spreadsheet trigger fires on the clock', () => {
    const { ScriptApp, triggers } = setup();
    ScriptApp.newTrigger('f').forSpreadsheet('s').onEdit().create();
    expect(clockTriggerFiresIn(only(triggers.list()), new Date(0), new Date('2030-01-01'))).toBe(false);
  });

  it('hands each firing to due() once, in time order', () => {
    const { core, ScriptApp, triggers } = setup('2010-03-10T12:00:00Z');
    ScriptApp.newTrigger('digest').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).create();
    ScriptApp.newTrigger('nudges').timeBased().everyDays(1).atHour(7).create();
    core.setNow('2010-03-15T08:00:00Z');
    const due = triggers.due(core.now());
    expect(due.map((d) => `${d.trigger.handlerFunction}@${d.at.toISOString().slice(5, 16)}`)).toEqual([
      'nudges@03-11T07:00',
      'nudges@03-12T07:00',
      'nudges@03-13T07:00',
      'nudges@03-14T07:00',
      'nudges@03-15T07:00',
      'digest@03-15T08:00',
    ]);
    expect(triggers.due(core.now())).toEqual([]);
  });
});

describe('other ScriptApp members', () => {
  it('gives the script id, a stand-in token and no web app', () => {
    const { ScriptApp } = setup();
    expect(ScriptApp.getScriptId()).toBe('script-123');
    expect(ScriptApp.getOAuthToken()).toMatch(/^ya29\./);
    expect(ScriptApp.getService().getUrl()).toBeNull();
    expect(String(ScriptApp.AuthMode.FULL)).toBe('FULL');
  });
});
