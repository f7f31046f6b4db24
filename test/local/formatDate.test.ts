// Pins the Java SimpleDateFormat formatter and the time-zone arithmetic of the local runtime.
import { NotImplementedError } from '../../local/runtime/core';
import { formatDate, resolveZone, zonedParts, zonedToInstant } from '../../local/runtime/formatDate';

const LONDON = 'Europe/London';
const at = (iso: string): Date => new Date(iso);

describe('formatDate across the UK clock changes', () => {
  // The clocks went forward at 01:00 GMT on 28 March 2010 and back at 01:00 GMT on 31 October 2010.
  it('shows GMT before the spring change and BST after it', () => {
    expect(formatDate(at('2010-03-28T00:30:00Z'), LONDON, 'yyyy-MM-dd HH:mm z Z XXX')).toBe(
      '2010-03-28 00:30 GMT +0000 Z',
    );
    expect(formatDate(at('2010-03-28T01:30:00Z'), LONDON, 'yyyy-MM-dd HH:mm z Z XXX')).toBe(
      '2010-03-28 02:30 BST +0100 +01:00',
    );
  });

  it('shows 01:30 twice when the clocks go back', () => {
    expect(formatDate(at('2010-10-31T00:30:00Z'), LONDON, 'HH:mm zzzz')).toBe('01:30 British Summer Time');
    expect(formatDate(at('2010-10-31T01:30:00Z'), LONDON, 'HH:mm zzzz')).toBe('01:30 Greenwich Mean Time');
  });

  it('uses the zone of the argument, not the machine', () => {
    expect(formatDate(at('2010-03-10T13:05:09Z'), 'America/New_York', 'HH:mm z Z')).toBe('08:05 EST -0500');
    expect(formatDate(at('2010-07-10T13:05:09Z'), 'America/New_York', 'HH:mm z')).toBe('09:05 EDT');
  });
});

describe('formatDate pattern letters', () => {
  const d = at('2010-03-07T15:04:05.007Z'); // a Sunday

  it.each([
    ['y', '2010'],
    ['yy', '10'],
    ['yyyy', '2010'],
    ['M', '3'],
    ['MM', '03'],
    ['MMM', 'Mar'],
    ['MMMM', 'March'],
    ['d', '7'],
    ['dd', '07'],
    ['D', '66'],
    ['E', 'Sun'],
    ['EEE', 'Sun'],
    ['EEEE', 'Sunday'],
    ['u', '7'],
    ['H', '15'],
    ['HH', '15'],
    ['h', '3'],
    ['hh', '03'],
    ['k', '15'],
    ['K', '3'],
    ['m', '4'],
    ['mm', '04'],
    ['s', '5'],
    ['ss', '05'],
    ['S', '7'],
    ['SSS', '007'],
    ['a', 'PM'],
    ['G', 'AD'],
    ['X', 'Z'],
    ["yyyy-MM-dd'T'HH:mm:ss'Z'", '2010-03-07T15:04:05Z'],
    ["'It''s' h 'o''clock'", "It's 3 o'clock"],
    ["''", "'"],
    ['dd/MM/yyyy', '07/03/2010'],
  ])('%s -> %s (GMT)', (pattern, expected) => {
    expect(formatDate(d, 'GMT', pattern)).toBe(expected);
  });

  it('writes midnight as 12 AM with h and 24 with k', () => {
    expect(formatDate(at('2010-03-07T00:15:00Z'), 'GMT', 'h:mm a k')).toBe('12:15 AM 24');
  });

  it('accepts fixed GMT offsets as Java custom zone ids', () => {
    expect(formatDate(at('2010-07-10T13:05:00Z'), 'GMT+05:30', 'HH:mm z XX')).toBe('18:35 GMT+05:30 +0530');
    expect(formatDate(at('2010-07-10T13:05:00Z'), 'GMT-8', 'HH:mm Z')).toBe('05:05 -0800');
  });

  it('refuses an unknown time zone instead of silently using GMT', () => {
    expect(() => formatDate(at('2010-07-10T13:05:00Z'), 'London', 'HH:mm')).toThrow(
      'Invalid argument: timeZone',
    );
  });

  it('refuses week-based letters it does not implement, and illegal letters', () => {
    expect(() => formatDate(d, 'GMT', 'w')).toThrow(NotImplementedError);
    expect(() => formatDate(d, 'GMT', 'q')).toThrow("illegal pattern character 'q'");
    expect(() => formatDate(d, 'GMT', "'open")).toThrow('unterminated quote');
  });
});

describe('zoned arithmetic', () => {
  const london = resolveZone(LONDON);

  it('reads wall-clock parts with the offset and ISO weekday', () => {
    const p = zonedParts(Date.parse('2010-03-29T07:00:00Z'), london);
    expect(p).toMatchObject({
      year: 2010,
      month: 3,
      day: 29,
      hour: 8,
      minute: 0,
      weekday: 1,
      offsetMinutes: 60,
    });
  });

  it('turns wall-clock times into instants on both sides of a change', () => {
    expect(new Date(zonedToInstant(london, 2010, 3, 27, 8, 0)).toISOString()).toBe(
      '2010-03-27T08:00:00.000Z',
    );
    expect(new Date(zonedToInstant(london, 2010, 3, 29, 8, 0)).toISOString()).toBe(
      '2010-03-29T07:00:00.000Z',
    );
  });

  it('rounds a historic offset to whole minutes in the parts, but keeps its seconds in the wall clock', () => {
    const p = zonedParts(Date.UTC(1800, 5, 1, 12), london);
    expect(p).toMatchObject({ hour: 11, minute: 58, second: 45, offsetMinutes: -1 });
  });

  it('moves a time skipped by the spring change an hour on, as Java does', () => {
    expect(new Date(zonedToInstant(london, 2010, 3, 28, 1, 30)).toISOString()).toBe(
      '2010-03-28T01:30:00.000Z',
    );
  });
});
