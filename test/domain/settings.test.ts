// Settings (DESIGN 2.8): defaults, parsing, and a bad value being a problem with the default used.
import { DEFAULT_SETTINGS, parseSettings } from '../../src/domain/settings';
import { londonMidnight, settingsSheet } from '../builders/plan';

const TZ = 'Europe/London';

describe('parseSettings', () => {
  it('gives the DESIGN 2.8 defaults when Settings is missing or blank', () => {
    expect(parseSettings(undefined, TZ).settings).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      planTitle: 'Corporate Improvement Plan',
      committee: 'Cabinet',
      classification: 'Unrestricted',
      draftReportDaysBeforeMeeting: 14,
      dueSoonWindowDays: 28,
      staleAfterDays: 90,
      remindBeforeDays: [14, 3],
      escalateAfterDaysOverdue: 28,
      weeklyDigestDay: 'Monday',
      weeklyDigestHour: 8,
    });
    expect(
      parseSettings(settingsSheet({ 'Due-soon window (days)': '' }), TZ).settings.dueSoonWindowDays,
    ).toBe(28);
  });

  it('reads each kind of value', () => {
    const { settings, problems } = parseSettings(
      settingsSheet({
        'organisation NAME': 'Example Council',
        'Committee meeting dates': '19/04/2010, 2010-10-18',
        'Remind before (days)': '3, 14, 7',
        'Weekly digest day': 'wed',
        'Weekly digest hour': 17,
        'Allowed email domains': '@Example.org; council.gov.uk',
        'Send all email to': 'tester@example.org',
      }),
      TZ,
    );
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      organisationName: 'Example Council',
      committeeMeetingDates: ['2010-04-19', '2010-10-18'],
      remindBeforeDays: [14, 7, 3],
      weeklyDigestDay: 'Wednesday',
      weeklyDigestHour: 17,
      allowedEmailDomains: ['example.org', 'council.gov.uk'],
      sendAllEmailTo: ['tester@example.org'],
    });
  });

  it('a meeting date typed into a date cell is read in the spreadsheet time zone', () => {
    const { settings } = parseSettings(
      settingsSheet({ 'Committee meeting dates': londonMidnight('2010-07-08') }),
      TZ,
    );
    expect(settings.committeeMeetingDates).toEqual(['2010-07-08']);
  });

  it('a bad email-safety setting stops reminders instead of falling back to "anyone, for real"', () => {
    const { settings, problems } = parseSettings(
      settingsSheet({ 'Allowed email domains': 'example org', 'Send all email to': 'tester at example.org' }),
      TZ,
    );
    expect(settings.unsafeEmailSettings).toEqual(['Allowed email domains', 'Send all email to']);
    expect(problems.map((p) => p.message)).toEqual([
      'Allowed email domains "example" is not a domain name (for example example.gov.uk); no reminder email is sent until it is corrected.',
      'Send all email to "tester" is not a valid email address; no reminder email is sent until it is corrected.',
    ]);
    expect(
      parseSettings(settingsSheet({ 'Allowed email domains': 'example.org' }), TZ).settings
        .unsafeEmailSettings,
    ).toEqual([]);
  });

  it('a bad value is a problem and the default is used', () => {
    const { settings, problems } = parseSettings(
      settingsSheet({
        'Due-soon window (days)': 'four weeks',
        'Weekly digest hour': 25,
        'Weekly digest day': 'Funday',
        'Administrator email': 'admin at example',
        'Committee meeting dates': '31/02/2010',
        'Colour scheme': 'blue',
      }),
      TZ,
    );
    expect(settings.dueSoonWindowDays).toBe(28);
    expect(settings.weeklyDigestHour).toBe(8);
    expect(settings.weeklyDigestDay).toBe('Monday');
    expect(settings.administratorEmail).toBe('');
    expect(problems.map((p) => p.message)).toEqual([
      'Due-soon window (days) should be a whole number from 1 to 365; the default (28) is used.',
      'Weekly digest hour should be a whole number from 0 to 23; the default (8) is used.',
      'Weekly digest day should be a day of the week (Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday); the default (Monday) is used.',
      'Administrator email "admin at example" is not a valid email address; the default (blank) is used.',
      'Committee meeting dates "31/02/2010" is not a date (write dates as 2010-04-19 or 19/04/2010, separated by commas); the default (none) is used.',
      '"Colour scheme" is not a setting this plan knows; check the spelling.',
    ]);
    expect(problems.map((p) => p.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});
