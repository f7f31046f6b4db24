// Timescales as councils write them (DESIGN 2.3), including every phrasing in the seed plan.
import { parseExactDate, parseTimescale } from '../../src/domain/timescale';

describe('parseTimescale — the DESIGN 2.3 table', () => {
  it.each([
    ['By the end of 2009/10', '2010-03-31'],
    ['End of 2009/10', '2010-03-31'],
    ['During 2009/10', '2010-03-31'],
    ['To be achieved by the end of 2010/11', '2011-03-31'],
    ['Before the end of 2009', '2009-12-31'],
    ['By the end of 2009', '2009-12-31'],
    ['By December 2009', '2009-12-31'],
    ['By March 2010', '2010-03-31'],
    ['March 2010', '2010-03-31'],
    ['February 2012', '2012-02-29'],
    ['Q3 2009/10', '2009-12-31'],
    ['Quarter 3 2009/10', '2009-12-31'],
    ['Q1 2009/10', '2009-06-30'],
    ['Q2 2009/10', '2009-09-30'],
    ['Q4 2009/10', '2010-03-31'],
    ['31/03/2010', '2010-03-31'],
    ['31 March 2010', '2010-03-31'],
    ['2010-03-31', '2010-03-31'],
    ['1/4/10', '2010-04-01'],
    ['By 31st Oct 2010.', '2010-10-31'],
    ['by the end of 1999/00', '2000-03-31'],
  ])('%s → %s', (text, date) => {
    expect(parseTimescale(text)).toEqual({ kind: 'date', date });
  });

  it.each([
    ['Before April 2010', '2010-03-31'],
    ['Before 2010', '2009-12-31'],
    ['Before 2010/11', '2010-03-31'],
    ['Before Q3 2010/11', '2010-09-30'],
    ['Before 31/03/2010', '2010-03-30'],
    ['Before the end of 2009', '2009-12-31'],
  ])('a bare "before" is the day before the period starts: %s → %s', (text, date) => {
    expect(parseTimescale(text)).toEqual({ kind: 'date', date });
  });

  it('two-digit years follow Sheets: 00–29 are 20xx, 30–99 are 19xx', () => {
    expect(parseTimescale('31/12/29')).toEqual({ kind: 'date', date: '2029-12-31' });
    expect(parseTimescale('31/12/99')).toEqual({ kind: 'date', date: '1999-12-31' });
  });

  it('reads day first, never US order', () => {
    expect(parseTimescale('04/03/2010')).toEqual({ kind: 'date', date: '2010-03-04' });
  });

  it.each(['Ongoing', 'Annual', 'Reviewed annually', 'Six-monthly', 'Quarterly', 'Place Survey is biennial'])(
    '%s is recurring',
    (text) => expect(parseTimescale(text)).toEqual({ kind: 'recurring' }),
  );

  it('Complete is complete, blank is blank', () => {
    expect(parseTimescale('Complete')).toEqual({ kind: 'complete' });
    expect(parseTimescale('  ')).toEqual({ kind: 'blank' });
  });

  it.each(['next week', 'soon', '31/02/2010', 'By the end of 2009/11', 'Q5 2009/10', 'Smarch 2010', '2009'])(
    '%s is not understood',
    (text) => expect(parseTimescale(text)).toEqual({ kind: 'unknown' }),
  );
});

describe('parseTimescale — every phrasing in the seed plan', () => {
  it.each([
    ['Ongoing', 'recurring'],
    ['Annual', 'recurring'],
    ['By the end of 2009/10', '2010-03-31'],
    ['Reviewed annually', 'recurring'],
    ['Ongoing see CEA1 above', 'recurring'],
    ['Most formal surveys are annual', 'recurring'],
    ['', 'blank'],
    ['Ongoing and linked to the review of publications', 'recurring'],
    ['Ongoing, but a more formal review of partnerships likely in 2009', 'recurring'],
    ['Linked to the re-launch of Kent View', 'unknown'],
    ['Six-monthly', 'recurring'],
    ['Ongoing via Inphase', 'recurring'],
    ['During 2009/10', '2010-03-31'],
    ['Ongoing consideration', 'recurring'],
    ['Ongoing with annual review', 'recurring'],
    ['To be achieved by the end of 2010/11', '2011-03-31'],
    ['To be dealt with when plans are agreed and at the six-month review', 'unknown'],
    ['Place Survey is biennial', 'recurring'],
    ['Before the end of 2009', '2009-12-31'],
    ['Six-monthly LAA reports', 'recurring'],
    ['Quarterly performance reporting', 'recurring'],
    ['Ongoing – managed via the KCC Environment Board', 'recurring'],
    ['Complete', 'complete'],
    ['Implementation of action plans from 2009 onwards', 'unknown'],
  ])('%j → %s', (text, expected) => {
    const parsed = parseTimescale(text);
    expect(parsed.kind === 'date' ? parsed.date : parsed.kind).toBe(expected);
  });
});

describe('parseExactDate', () => {
  it('rejects days that do not exist', () => {
    expect(parseExactDate('31/02/2010')).toBeUndefined();
    expect(parseExactDate('29/02/2010')).toBeUndefined();
    expect(parseExactDate('29/02/2012')).toBe('2012-02-29');
  });
  it('does not read words as dates', () => {
    expect(parseExactDate('next week')).toBeUndefined();
  });
});
