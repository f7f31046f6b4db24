// Pins conditional formatting: the builder and the rule read back what was set, setConditionalFormatRules replaces
// every rule, rule ranges move with inserted rows, and the model reports the rules.
import { NotImplementedError } from '../../../local/runtime/core';
import { setupSheet } from './helpers';

describe('ConditionalFormatRuleBuilder', () => {
  it('builds a formula rule whose condition reads back exactly', () => {
    const { app, sheet } = setupSheet();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$F2="Red"')
      .setBackground('#F4CCCC')
      .setFontColor('#990000')
      .setBold(true)
      .setRanges([sheet.getRange('A2:T1000')])
      .build();
    const c = rule.getBooleanCondition()!;
    expect(c.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    expect(c.getCriteriaValues()).toEqual(['=$F2="Red"']);
    expect([c.getBackground(), c.getFontColor(), c.getBold(), c.getItalic()]).toEqual([
      '#f4cccc',
      '#990000',
      true,
      null,
    ]);
    expect(rule.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:T1000']);
    expect(rule.getGradientCondition()).toBeNull();
  });

  it.each([
    ['whenTextEqualTo', ['Red'], 'TEXT_EQUAL_TO'],
    ['whenTextContains', ['late'], 'TEXT_CONTAINS'],
    ['whenCellEmpty', [], 'CELL_EMPTY'],
    ['whenCellNotEmpty', [], 'CELL_NOT_EMPTY'],
    ['whenNumberGreaterThan', [10], 'NUMBER_GREATER_THAN'],
    ['whenNumberBetween', [1, 5], 'NUMBER_BETWEEN'],
  ] as const)('%s reads back as %s', (method, args, criteria) => {
    const { app } = setupSheet();
    const b = app.newConditionalFormatRule() as unknown as Record<
      string,
      (...a: unknown[]) => GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder
    >;
    const c = b[method](...args)
      .setBackground('#ffffff')
      .build()
      .getBooleanCondition()!;
    expect(String(c.getCriteriaType())).toBe(criteria);
    expect(c.getCriteriaValues()).toEqual(args);
  });

  it('takes a relative date for the date conditions', () => {
    const { app } = setupSheet();
    const c = app
      .newConditionalFormatRule()
      .whenDateBefore(app.RelativeDate.TODAY)
      .build()
      .getBooleanCondition()!;
    expect(String(c.getCriteriaType())).toBe('DATE_BEFORE_RELATIVE');
    expect(c.getCriteriaValues()).toEqual([app.RelativeDate.TODAY]);
  });

  it('copies a rule into a builder without changing the original', () => {
    const { app, sheet } = setupSheet();
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Red')
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('A1')])
      .build();
    const amber = rule.copy().whenTextEqualTo('Amber').setBackground('#ffe599').build();
    expect(amber.getBooleanCondition()!.getCriteriaValues()).toEqual(['Amber']);
    expect(amber.getRanges()[0].getA1Notation()).toBe('A1');
    expect(rule.getBooleanCondition()!.getCriteriaValues()).toEqual(['Red']);
  });

  it('does not model gradient rules', () => {
    const { app } = setupSheet();
    expect(() => app.newConditionalFormatRule().setGradientMaxpoint('#ff0000')).toThrow(NotImplementedError);
  });
});

describe('rules on a sheet', () => {
  function rule(
    app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    text: string,
    range: GoogleAppsScript.Spreadsheet.Range,
  ) {
    return app
      .newConditionalFormatRule()
      .whenTextEqualTo(text)
      .setBackground('#ff0000')
      .setRanges([range])
      .build();
  }

  it('replaces every rule on setConditionalFormatRules and appends through get-push-set', () => {
    const { app, sheet } = setupSheet();
    sheet.setConditionalFormatRules([rule(app, 'Red', sheet.getRange('F2:F10'))]);
    const rules = sheet.getConditionalFormatRules();
    rules.push(rule(app, 'Amber', sheet.getRange('F2:F10')));
    sheet.setConditionalFormatRules(rules);
    expect(
      sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition()!.getCriteriaValues()[0]),
    ).toEqual(['Red', 'Amber']);
    sheet.setConditionalFormatRules([rule(app, 'Green', sheet.getRange('F2:F10'))]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toHaveLength(0);
  });

  it('moves and stretches rule ranges with inserted and deleted rows', () => {
    const { app, sheet } = setupSheet();
    sheet.setConditionalFormatRules([rule(app, 'Red', sheet.getRange('F2:F10'))]);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('F3:F11');
    sheet.insertRowsAfter(5, 2);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('F3:F13');
    sheet.deleteRows(2, 3);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('F2:F10');
    sheet.deleteRows(2, 9);
    expect(sheet.getConditionalFormatRules()).toHaveLength(0);
  });

  it('reports the rules in the model', () => {
    const { app, sheet, store } = setupSheet();
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$F2="Red"')
        .setBackground('#f4cccc')
        .setRanges([sheet.getRange('A2:T100')])
        .build(),
    ]);
    expect(store.model().sheets[0].conditionalFormats).toEqual([
      {
        ranges: [{ sheet: 'Sheet1', a1: 'A2:T100', row: 2, column: 1, numRows: 99, numColumns: 20 }],
        criteria: 'CUSTOM_FORMULA',
        values: ['=$F2="Red"'],
        background: '#f4cccc',
        fontColor: null,
        bold: null,
        italic: null,
        underline: null,
        strikethrough: null,
      },
    ]);
  });
});
