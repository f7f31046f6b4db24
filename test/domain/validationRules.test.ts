// The entry checks setup puts on columns: which columns, and the formulas for Progress and email addresses.
import {
  COLUMN_VALIDATIONS,
  criteriaTypeOf,
  EMAIL_LIST_PATTERN,
  emailListFormula,
  wholePercentFormula,
} from '../../src/domain/validationRules';

describe('COLUMN_VALIDATIONS', () => {
  it('covers the dropdowns, dates and Progress on Actions and the email columns on People, each with help text', () => {
    expect(COLUMN_VALIDATIONS.map((v) => `${v.sheet}.${v.header}:${criteriaTypeOf(v.rule)}`)).toEqual([
      'Actions.Theme:VALUE_IN_RANGE',
      'Actions.Category:VALUE_IN_RANGE',
      'Actions.Status:VALUE_IN_RANGE',
      'Actions.Source:VALUE_IN_RANGE',
      'Actions.Target date:DATE_IS_VALID_DATE',
      'Actions.Revised target date:DATE_IS_VALID_DATE',
      'Actions.Progress:CUSTOM_FORMULA',
      'People.Email:CUSTOM_FORMULA',
      'People.Manager email:CUSTOM_FORMULA',
    ]);
    for (const v of COLUMN_VALIDATIONS) expect(v.helpText.length).toBeGreaterThan(20);
    expect(new Set(COLUMN_VALIDATIONS.map((v) => v.helpText)).size).toBe(COLUMN_VALIDATIONS.length);
  });

  it('Category offers the letters; dates and Progress refuse bad entries', () => {
    const category = COLUMN_VALIDATIONS.find((v) => v.header === 'Category');
    expect(category?.rule).toEqual({ kind: 'list', listHeader: 'Category letter' });
    for (const header of ['Theme', 'Category', 'Status', 'Target date', 'Revised target date', 'Progress'])
      expect(COLUMN_VALIDATIONS.find((v) => v.header === header)?.allowInvalid).toBe(false);
  });
});

describe('formulas', () => {
  it('Progress: a whole number from 0 to 100, relative to the first data cell', () => {
    expect(wholePercentFormula('O2')).toBe('=AND(ISNUMBER(O2),O2=INT(O2),O2>=0,O2<=100)');
  });

  it('email: one address or several separated by commas (a group’s row), nothing else', () => {
    expect(emailListFormula('B2')).toBe(`=REGEXMATCH(TO_TEXT(B2),"${EMAIL_LIST_PATTERN}")`);
    // The pattern uses only what RE2 (Sheets' REGEXMATCH) and JavaScript read alike, so it is checked here in JS.
    const re = new RegExp(EMAIL_LIST_PATTERN);
    for (const ok of [
      'a@example.org',
      'md.one@example.org, md.two@example.org',
      ' a@x.gov.uk;b@y.org ',
      'a@x.org b@x.org',
    ])
      expect(re.test(ok)).toBe(true);
    for (const bad of [
      'Robert Hardy',
      'a@',
      '@example.org',
      'a@example',
      'a@example.org, not an address',
      'a@b@c.org',
    ])
      expect(re.test(bad)).toBe(false);
    expect(EMAIL_LIST_PATTERN).not.toContain('"');
  });
});
