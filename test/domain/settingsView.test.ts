// What the Settings and schedules dialog shows: settings in use, last successful runs, times in the sheet's zone.
import { formatDateTime, lastSuccessfulRuns, viewSettings } from '../../src/domain/settingsView';
import { settingsSheet } from '../builders/plan';

const TZ = 'Europe/London';

describe('viewSettings', () => {
  it('every setting with the value in use, whether it is the default, and why a value was not used', () => {
    const { settings, otherProblems } = viewSettings(
      settingsSheet({
        Committee: 'Scrutiny Committee',
        'Due-soon window (days)': 'soon',
        'Favourite colour': 'blue',
      }),
      TZ,
    );
    const byName = new Map(settings.map((s) => [s.name, s]));
    expect(settings).toHaveLength(17);
    expect(byName.get('Committee')).toEqual({
      name: 'Committee',
      value: 'Scrutiny Committee',
      isDefault: false,
      problem: '',
    });
    expect(byName.get('Due-soon window (days)')).toEqual({
      name: 'Due-soon window (days)',
      value: '28',
      isDefault: true,
      problem: 'Due-soon window (days) should be a whole number from 1 to 365; the default (28) is used.',
    });
    expect(byName.get('Remind before (days)')).toMatchObject({ value: '14, 3', isDefault: true });
    expect(byName.get('Organisation name')).toMatchObject({ value: '(none)', isDefault: true });
    expect(otherProblems).toEqual([
      'Settings row 4: "Favourite colour" is not a setting this plan knows; check the spelling.',
    ]);
  });

  it('no Settings sheet: every default', () => {
    const { settings, otherProblems } = viewSettings(undefined, TZ);
    expect(settings.every((s) => s.isDefault && !s.problem)).toBe(true);
    expect(otherProblems).toEqual([]);
  });
});

describe('lastSuccessfulRuns', () => {
  it('the latest ok run of each job, failures and unreadable rows ignored', () => {
    const at = (iso: string) => new Date(iso);
    const rows = [
      ['Job', 'Started', 'Finished', 'Outcome', 'Actions', 'Problems', 'Details'],
      ['Refresh status colours', '', at('2010-03-08T06:01:00Z'), 'ok', 5, 0, ''],
      ['Refresh status colours', '', at('2010-03-09T06:01:00Z'), 'ok', 5, 0, ''],
      ['Refresh status colours', '', at('2010-03-10T06:01:00Z'), 'failed', 0, 1, ''],
      ['Set up or repair', '', at('2010-03-01T09:00:00Z'), 'ok', 0, 0, ''],
      ['Set up or repair', '', 'not a date', 'ok', 0, 0, ''],
      ['', '', '', '', '', '', ''],
    ];
    expect(lastSuccessfulRuns(rows)).toEqual([
      { job: 'Refresh status colours', finished: at('2010-03-09T06:01:00Z') },
      { job: 'Set up or repair', finished: at('2010-03-01T09:00:00Z') },
    ]);
    expect(lastSuccessfulRuns(undefined)).toEqual([]);
    expect(lastSuccessfulRuns([['When', 'What']])).toEqual([]);
  });
});

describe('formatDateTime', () => {
  it('day first, 24-hour, in the spreadsheet’s zone (BST in summer)', () => {
    expect(formatDateTime(new Date('2010-03-10T09:05:00Z'), TZ)).toBe('10/03/2010 09:05');
    expect(formatDateTime(new Date('2010-06-30T23:30:00Z'), TZ)).toBe('01/07/2010 00:30');
  });
});
