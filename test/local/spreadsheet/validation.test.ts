// Pins data validation: every builder criterion reads back exactly what was set, rules attach to cells and come
// back per cell (null where none), new rows inherit them, and the model groups cells into rectangles.
import { NotImplementedError } from '../../../local/runtime/core';
import { setupSheet } from './helpers';

describe('DataValidationBuilder', () => {
  it('reads back a list rule with its dropdown flag, and allows invalid data by default', () => {
    const { app } = setupSheet();
    const b = app.newDataValidation().requireValueInList(['Not started', 'In progress'], false);
    expect(b.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(b.getCriteriaValues()).toEqual([['Not started', 'In progress'], false]);
    expect(b.getAllowInvalid()).toBe(true);
    expect(b.getHelpText()).toBeNull();
    const rule = b.setAllowInvalid(false).setHelpText('Pick a status').build();
    expect([rule.getAllowInvalid(), rule.getHelpText()]).toEqual([false, 'Pick a status']);
    expect(app.newDataValidation().requireValueInList(['a']).build().getCriteriaValues()).toEqual([
      ['a'],
      true,
    ]);
  });

  it.each([
    ['requireDate', [], 'DATE_IS_VALID_DATE'],
    ['requireNumberBetween', [1, 10], 'NUMBER_BETWEEN'],
    ['requireNumberGreaterThan', [0], 'NUMBER_GREATER_THAN'],
    ['requireNumberGreaterThanOrEqualTo', [0], 'NUMBER_GREATER_THAN_OR_EQUAL_TO'],
    ['requireNumberLessThan', [5], 'NUMBER_LESS_THAN'],
    ['requireNumberEqualTo', [3], 'NUMBER_EQUAL_TO'],
    ['requireTextIsEmail', [], 'TEXT_IS_VALID_EMAIL'],
    ['requireTextIsUrl', [], 'TEXT_IS_VALID_URL'],
    ['requireTextContains', ['@'], 'TEXT_CONTAINS'],
    ['requireCheckbox', [], 'CHECKBOX'],
    ['requireCheckbox', ['Yes', 'No'], 'CHECKBOX'],
    ['requireFormulaSatisfied', ['=LEN(A1)<10'], 'CUSTOM_FORMULA'],
  ] as const)('%s(%j) reads back as %s with the same values', (method, args, criteria) => {
    const { app } = setupSheet();
    const builder = app.newDataValidation() as unknown as Record<
      string,
      (...a: unknown[]) => GoogleAppsScript.Spreadsheet.DataValidationBuilder
    >;
    const rule = builder[method](...args).build();
    expect(String(rule.getCriteriaType())).toBe(criteria);
    expect(rule.getCriteriaValues()).toEqual(args);
  });

  it('reads back dates as new Date objects for the date criteria', () => {
    const { app } = setupSheet();
    const start = new Date('2010-04-01T00:00:00Z');
    const end = new Date('2011-03-31T00:00:00Z');
    const cases: [GoogleAppsScript.Spreadsheet.DataValidation, string, Date[]][] = [
      [app.newDataValidation().requireDateAfter(start).build(), 'DATE_AFTER', [start]],
      [app.newDataValidation().requireDateBefore(end).build(), 'DATE_BEFORE', [end]],
      [app.newDataValidation().requireDateOnOrAfter(start).build(), 'DATE_ON_OR_AFTER', [start]],
      [app.newDataValidation().requireDateOnOrBefore(end).build(), 'DATE_ON_OR_BEFORE', [end]],
      [app.newDataValidation().requireDateBetween(start, end).build(), 'DATE_BETWEEN', [start, end]],
    ];
    for (const [rule, criteria, dates] of cases) {
      expect(String(rule.getCriteriaType())).toBe(criteria);
      const values = rule.getCriteriaValues() as Date[];
      expect(values.map((d) => d.getTime())).toEqual(dates.map((d) => d.getTime()));
      expect(values[0]).not.toBe(dates[0]);
    }
  });

  it('keeps a range rule as a Range', () => {
    const { app, sheet } = setupSheet();
    const rule = app.newDataValidation().requireValueInRange(sheet.getRange('Z1:Z5')).build();
    const [range, dropdown] = rule.getCriteriaValues() as [GoogleAppsScript.Spreadsheet.Range, boolean];
    expect([range.getA1Notation(), dropdown]).toEqual(['Z1:Z5', true]);
  });

  it('copies a rule into a new builder and changes criteria with withCriteria', () => {
    const { app } = setupSheet();
    const rule = app.newDataValidation().requireNumberBetween(1, 5).setHelpText('1 to 5').build();
    const changed = rule.copy().withCriteria(app.DataValidationCriteria.NUMBER_BETWEEN, [1, 9]).build();
    expect(changed.getCriteriaValues()).toEqual([1, 9]);
    expect(changed.getHelpText()).toBe('1 to 5');
    expect(rule.getCriteriaValues()).toEqual([1, 5]);
  });

  it('refuses to build a rule with no criteria (the real outcome is not known here)', () => {
    const { app } = setupSheet();
    expect(() => app.newDataValidation().build()).toThrow(NotImplementedError);
  });
});

describe('rules on cells', () => {
  it('sets one rule on a range and reads it back per cell, null where none', () => {
    const { app, sheet } = setupSheet();
    const rule = app.newDataValidation().requireValueInList(['A', 'B']).build();
    sheet.getRange('C2:C4').setDataValidation(rule);
    expect(String(sheet.getRange('C3').getDataValidation()?.getCriteriaType())).toBe('VALUE_IN_LIST');
    const rules = sheet.getRange('B2:C2').getDataValidations();
    expect(rules[0][0]).toBeNull();
    expect(rules[0][1]?.getCriteriaValues()).toEqual([['A', 'B'], true]);
    sheet.getRange('C3').clearDataValidations();
    expect(sheet.getRange('C3').getDataValidation()).toBeNull();
    sheet.getRange('C4').setDataValidation(null);
    expect(sheet.getRange('C4').getDataValidation()).toBeNull();
  });

  it('sets different rules per cell with setDataValidations, checking the shape', () => {
    const { app, sheet } = setupSheet();
    const email = app.newDataValidation().requireTextIsEmail().build();
    sheet.getRange('A1:B1').setDataValidations([[email, null]]);
    expect(
      sheet
        .getRange('A1:B1')
        .getDataValidations()
        .map((r) => r.map((x) => (x ? String(x.getCriteriaType()) : null))),
    ).toEqual([['TEXT_IS_VALID_EMAIL', null]]);
    expect(() => sheet.getRange('A1:B1').setDataValidations([[email]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('does not reject a script write that breaks a rule (validation stops people, not scripts)', () => {
    const { app, sheet } = setupSheet();
    sheet
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireValueInList(['A']).setAllowInvalid(false).build());
    sheet.getRange('A1').setValue('Z');
    expect(sheet.getRange('A1').getValue()).toBe('Z');
  });

  it('gives rows inserted inside a validated block the same rule', () => {
    const { app, sheet } = setupSheet();
    sheet.getRange('B2:B10').setDataValidation(app.newDataValidation().requireTextIsEmail().build());
    sheet.insertRowsAfter(5, 2);
    expect(sheet.getRange('B6').getDataValidation()).not.toBeNull();
    expect(sheet.getRange('B12').getDataValidation()).not.toBeNull();
    expect(sheet.getRange('B13').getDataValidation()).toBeNull();
  });

  it('reports rules in the model as rectangles of cells that share them', () => {
    const { app, sheet, store } = setupSheet();
    const list = app.newDataValidation().requireValueInList(['A', 'B']).setAllowInvalid(false).build();
    sheet.getRange('C2:D500').setDataValidation(list);
    sheet
      .getRange('F2')
      .setDataValidation(
        app.newDataValidation().requireDateOnOrAfter(new Date('2010-04-01T00:00:00Z')).build(),
      );
    const v = store.model().sheets[0].validations;
    expect(v.map((x) => [x.a1, x.criteria, x.allowInvalid])).toEqual([
      ['C2:D500', 'VALUE_IN_LIST', false],
      ['F2', 'DATE_ON_OR_AFTER', true],
    ]);
    expect(v[0].values).toEqual([['A', 'B'], true]);
    expect((v[1].values[0] as Date).toISOString()).toBe('2010-04-01T00:00:00.000Z');
  });
});
