// Unit tests of the pure pieces: A1 notation, number-format rendering and time-zone serials.
import { columnToLetters, lettersToColumn, parseA1, toA1 } from '../../../local/runtime/spreadsheet/a1';
import {
  formatGeneral,
  formatNumberPattern,
  formatSerialAsDate,
  isDateTimeFormat,
} from '../../../local/runtime/spreadsheet/numberFormat';
import {
  instantFromSerial,
  isValidTimeZone,
  serialFromInstant,
  serialFromParts,
} from '../../../local/runtime/spreadsheet/timezone';

describe('A1 notation', () => {
  it('converts columns both ways past Z and AZ', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnToLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    expect(['A', 'z', 'AA', 'ZZ', 'AAA'].map(lettersToColumn)).toEqual([1, 26, 27, 702, 703]);
  });

  it('parses a sheet prefix, quoted names and open ends', () => {
    expect(parseA1("'Run log'!B2:C", 1000, 26)).toMatchObject({
      sheetName: 'Run log',
      row: 2,
      column: 2,
      numRows: 999,
      numColumns: 2,
    });
    expect(parseA1('Actions!3:4', 1000, 26)).toMatchObject({
      sheetName: 'Actions',
      row: 3,
      numRows: 2,
      numColumns: 26,
      wholeRows: true,
    });
    expect(parseA1('A1:B2:C3', 1000, 26)).toBeNull();
    expect(toA1({ row: 2, column: 3, numRows: 1, numColumns: 1 })).toBe('C2');
  });
});

describe('number formats', () => {
  it('knows a date or time format from a numeric one', () => {
    expect(['dd/MM/yyyy', 'HH:mm', 'd mmm', 'yyyy-mm-dd hh:mm:ss'].map(isDateTimeFormat)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0.00', '#,##0', '"£"#,##0.00', '0%', '@', '0.###############'].map(isDateTimeFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('renders dates with month/minute disambiguation, names and am/pm', () => {
    const serial = serialFromParts(2010, 3, 31, 14, 5, 9);
    expect(formatSerialAsDate(serial, 'dd/mm/yyyy hh:mm:ss')).toBe('31/03/2010 14:05:09');
    expect(formatSerialAsDate(serial, 'dddd d mmmm yy')).toBe('Wednesday 31 March 10');
    expect(formatSerialAsDate(serial, 'h:mm am/pm')).toBe('2:05 PM');
    expect(formatSerialAsDate(serial, 'M/d/yyyy')).toBe('3/31/2010');
    expect(formatSerialAsDate(serial, '"Due "ddd d')).toBe('Due Wed 31');
  });

  it('renders numeric patterns with decimal rounding, grouping, percent and sections', () => {
    expect(formatNumberPattern(1.005, '0.00')).toBe('1.01');
    expect(formatNumberPattern(1234567.5, '#,##0')).toBe('1,234,568');
    expect(formatNumberPattern(0.5, '#.##')).toBe('.5');
    expect(formatNumberPattern(0.125, '0.0%')).toBe('12.5%');
    expect(formatNumberPattern(-3, '0;[Red](0)')).toBe('(3)');
    expect(formatNumberPattern(0, '0;-0;"none"')).toBe('none');
    expect(formatNumberPattern(12345, '0.00E+00')).toBe('1.23E+04');
    expect(formatNumberPattern(7, '000')).toBe('007');
  });

  it('shows Automatic numbers plainly, up to 10 decimals', () => {
    expect([formatGeneral(42), formatGeneral(0.1 + 0.2), formatGeneral(2 / 3), formatGeneral(1e20)]).toEqual([
      '42',
      '0.3',
      '0.6666666667',
      '1E+20',
    ]);
  });
});

describe('serials and time zones', () => {
  it('round-trips instants across the BST change in Europe/London', () => {
    for (const iso of [
      '2010-03-28T00:30:00Z',
      '2010-03-28T01:30:00Z',
      '2010-10-31T01:30:00Z',
      '2010-07-01T12:00:00Z',
    ]) {
      const ms = Date.parse(iso);
      expect(instantFromSerial(serialFromInstant(ms, 'Europe/London'), 'Europe/London')).toBe(ms);
    }
    expect(serialFromInstant(Date.parse('2010-03-28T01:30:00Z'), 'Europe/London')).toBeCloseTo(
      serialFromParts(2010, 3, 28, 2, 30),
      9,
    );
  });

  it('reads the hour the clocks repeat as its second occurrence: a wall-clock serial cannot tell them apart', () => {
    const firstOneThirty = Date.parse('2010-10-31T00:30:00Z');
    const serial = serialFromInstant(firstOneThirty, 'Europe/London');
    expect(serial).toBeCloseTo(serialFromParts(2010, 10, 31, 1, 30), 9);
    expect(new Date(instantFromSerial(serial, 'Europe/London')).toISOString()).toBe(
      '2010-10-31T01:30:00.000Z',
    );
  });

  it('keeps the seconds of a historic offset (London ran 1m15s behind GMT until 1847)', () => {
    const ms = Date.UTC(1800, 5, 1, 12);
    expect(serialFromInstant(ms, 'Europe/London')).toBeCloseTo(serialFromParts(1800, 6, 1, 11, 58, 45), 9);
    expect(instantFromSerial(serialFromInstant(ms, 'Europe/London'), 'Europe/London')).toBe(ms);
  });

  it('takes time-zone database ids only, not the fixed offsets Utilities.formatDate reads', () => {
    expect(['Europe/London', 'UTC', 'GMT', 'America/New_York'].map(isValidTimeZone)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['GMT+01:00', 'Europe/Nowhere', ''].map(isValidTimeZone)).toEqual([false, false, false]);
  });
});
