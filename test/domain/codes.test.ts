// Codes: parsing, and which code each new row gets — never a number used before, on Actions, Archive or in the marks.
import {
  type CodeRow,
  codeStem,
  formatHighWater,
  parseCode,
  parseCodeLoosely,
  parseHighWater,
  planCodes,
} from '../../src/domain/codes';
import { DEFAULT_LISTS } from '../../src/domain/lists';

let nextRow = 2;
const row = (code: string, theme = 'Community engagement', category = 'C'): CodeRow => ({
  row: nextRow++,
  code,
  theme,
  category,
});
const plan = (rows: CodeRow[], archivedCodes: string[] = [], highWater = {}) =>
  planCodes({ rows, archivedCodes, highWater, lists: DEFAULT_LISTS });

beforeEach(() => {
  nextRow = 2;
});

describe('parseCode', () => {
  it('splits a code into stem and number, any case', () => {
    expect(parseCode('CEC12')).toEqual({ stem: 'CEC', number: 12 });
    expect(parseCode(' cec4 ')).toEqual({ stem: 'CEC', number: 4 });
    expect(parseCode('CEC-4')).toBeUndefined();
    expect(parseCode('TBC')).toBeUndefined();
    expect(codeStem('ce', 'c')).toBe('CEC');
  });

  it('reads odd spellings generously when counting numbers already taken', () => {
    expect(parseCodeLoosely('cec 4')).toEqual({ stem: 'CEC', number: 4 });
    expect(parseCodeLoosely('CEC-07')).toEqual({ stem: 'CEC', number: 7 });
    expect(parseCodeLoosely('CEC4.')).toEqual({ stem: 'CEC', number: 4 });
    expect(parseCodeLoosely('n/a')).toBeUndefined();
    expect(parseCodeLoosely('12')).toBeUndefined();
  });
});

describe('planCodes', () => {
  it('gives the next number after the highest for the row’s theme prefix and category letter', () => {
    const result = plan([row('CEC1'), row('CEC4'), row(''), row('', 'Communications', 'A')]);
    expect(result.assigned).toEqual([
      { row: 4, code: 'CEC5' },
      { row: 5, code: 'CMA1' },
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('never fills a gap: a missing number may belong to a deleted action', () => {
    expect(plan([row('CEC1'), row('CEC3'), row('')]).assigned).toEqual([{ row: 4, code: 'CEC4' }]);
  });

  it('gives consecutive numbers to several new rows of one stem, in row order', () => {
    expect(plan([row(''), row('CEC2'), row('')]).assigned).toEqual([
      { row: 2, code: 'CEC3' },
      { row: 4, code: 'CEC4' },
    ]);
  });

  it('counts archived codes as used', () => {
    expect(plan([row('CEC1'), row('')], ['CEC1', 'CEC9', 'OCB2']).assigned).toEqual([
      { row: 3, code: 'CEC10' },
    ]);
  });

  it('counts the high-water mark as used, so a number whose row was deleted unarchived is not reused', () => {
    const result = plan([row('CEC1'), row('')], [], { CEC: 7 });
    expect(result.assigned).toEqual([{ row: 3, code: 'CEC8' }]);
    expect(result.highWater).toEqual({ CEC: 8 });
  });

  it('raises the marks to every code seen, assigned or not', () => {
    const result = plan(
      [row('CEA3', 'Community engagement', 'A'), row('WDB2', 'Workforce development', 'B')],
      ['RMD5'],
    );
    expect(result.assigned).toEqual([]);
    expect(result.highWater).toEqual({ CEA: 3, WDB: 2, RMD: 5 });
  });

  it('keeps marks only for stems the Lists can make, and those stored before', () => {
    const result = plan([row('ZZZQ12'), row('CEC2')], ['XYA9'], { OLDA: 3 });
    expect(result.highWater).toEqual({ CEC: 2, OLDA: 3 });
  });

  it('counts mixed-case and oddly written codes in the column, and ignores what is not a code', () => {
    const result = plan([row('cec6'), row('CEC - 8'), row('TBC'), row('?'), row('')]);
    expect(result.assigned).toEqual([{ row: 6, code: 'CEC9' }]);
  });

  it('finds the category by letter, name or "A - Monitoring", and the theme by name in any case', () => {
    const result = plan([
      row('', 'community ENGAGEMENT', 'c'),
      row('', 'Outcomes', 'In hand'),
      row('', 'Member roles', 'A - Monitoring'),
    ]);
    expect(result.assigned.map((a) => a.code)).toEqual(['CEC1', 'OCD1', 'MMA1']);
  });

  it('leaves rows whose theme or category is missing or unknown, saying why', () => {
    const result = plan([
      row('', '', 'A'),
      row('', 'Parks', 'A'),
      row('', 'Outcomes', ''),
      row('', 'Outcomes', 'Z'),
      row('', '', ''),
    ]);
    expect(result.assigned).toEqual([]);
    expect(result.skipped).toEqual([
      { row: 2, message: 'Theme is missing.' },
      { row: 3, message: 'Theme "Parks" is not in Lists › Themes.' },
      { row: 4, message: 'Category is missing.' },
      { row: 5, message: 'Category "Z" is not in Lists › Categories.' },
      { row: 6, message: 'Theme is missing; Category is missing.' },
    ]);
  });

  it('a second run over the result gives nothing new', () => {
    const first = plan([row('CEC1'), row('')]);
    nextRow = 2;
    const second = plan([row('CEC1'), row(first.assigned[0].code)], [], first.highWater);
    expect(second.assigned).toEqual([]);
    expect(second.highWater).toEqual(first.highWater);
  });
});

describe('high-water marks in a document property', () => {
  it('round-trips, sorted so the same marks are always the same text', () => {
    const text = formatHighWater({ WDB: 2, CEC: 4 });
    expect(text).toBe('{"CEC":4,"WDB":2}');
    expect(parseHighWater(text)).toEqual({ CEC: 4, WDB: 2 });
  });

  it('reads nothing, broken JSON or odd entries as no marks rather than failing', () => {
    expect(parseHighWater(null)).toEqual({});
    expect(parseHighWater('{not json')).toEqual({});
    expect(parseHighWater('[1,2]')).toEqual({});
    expect(parseHighWater('{"CEC":"4","CEA":2.5,"x":3,"WDB":6}')).toEqual({ WDB: 6 });
  });
});
