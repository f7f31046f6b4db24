// Puts setup's data validation on the plan's columns, found by header, over the data rows (row 2 to the last row),
// leaving a column alone when its rule is already in place.
import { columnLetter } from '../domain/schema';
import { columnOf } from '../domain/sheetRepair';
import { type ColumnValidation, COLUMN_VALIDATIONS, criteriaTypeOf } from '../domain/validationRules';
import type { DataValidationBuilderPort, DataValidationPort, RangePort } from '../gas/ports';
import type { LaidOutSheet } from './sheetLayout';
import { listOf } from './sheetLayout';

/** What a column's rule must be: the validation and, for a dropdown, where its list lives. */
interface Wanted {
  v: ColumnValidation;
  /** First data cell of the column, e.g. "O2" (custom formulas are written relative to it). */
  firstCell: string;
  list?: { sheet: LaidOutSheet; column: number };
}

export function applyValidations(
  sheets: ReadonlyMap<string, LaidOutSheet>,
  listsSheetName: string,
  newDataValidation: () => DataValidationBuilderPort,
  changes: string[],
  problems: string[],
): void {
  const lists = sheets.get(listsSheetName);
  const maxRows = new Map<string, number>();
  const set = new Map<string, string[]>();
  for (const v of COLUMN_VALIDATIONS) {
    const target = sheets.get(v.sheet);
    const column = target ? columnOf(target.headers, v.header) : 0;
    if (!target || !column) continue; // an optional column this council does not use
    const wanted: Wanted = { v, firstCell: `${columnLetter(column - 1)}2` };
    if (v.rule.kind === 'list') {
      const listColumn = lists ? columnOf(lists.headers, v.rule.listHeader) : 0;
      if (!lists || !listColumn) {
        problems.push(
          `${listsSheetName} has no "${v.rule.listHeader}" column, so ${v.sheet} › ${v.header} has no dropdown; ` +
            `add that column (with its list) to ${listsSheetName} and run Set up or repair again.`,
        );
        continue;
      }
      wanted.list = { sheet: lists, column: listColumn };
    }
    if (!maxRows.has(v.sheet)) maxRows.set(v.sheet, target.sheet.getMaxRows());
    const rows = (maxRows.get(v.sheet) as number) - 1;
    if (rows < 1) continue;
    const range = target.sheet.getRange(2, column, rows, 1);
    if (inPlace(range.getDataValidations(), wanted)) continue;
    range.setDataValidation(build(newDataValidation(), wanted));
    set.set(v.sheet, [...(set.get(v.sheet) ?? []), v.header]);
  }
  for (const [sheet, headers] of set) changes.push(`${sheet}: set the entry checks on ${listOf(headers)}.`);
}

function build(builder: DataValidationBuilderPort, { v, firstCell, list }: Wanted) {
  const rule = v.rule;
  if (rule.kind === 'list' && list) {
    const letter = columnLetter(list.column - 1);
    // The whole column below the header, so a theme or status added to Lists shows at once, without setup.
    builder.requireValueInRange(list.sheet.sheet.getRange(`${letter}2:${letter}`), true);
  } else if (rule.kind === 'date') builder.requireDate();
  else if (rule.kind === 'formula') builder.requireFormulaSatisfied(rule.formula(firstCell));
  return builder.setAllowInvalid(v.allowInvalid).setHelpText(v.helpText).build();
}

/**
 * The column is covered when no data cell lacks a rule and its first and last rules are ours. A missing rule is
 * seen without any call (getDataValidations gives null); reading every rule's criteria would cost calls per row,
 * so only the two ends are compared.
 */
function inPlace(rules: (DataValidationPort | null)[][], wanted: Wanted): boolean {
  if (rules.some((row) => row[0] === null)) return false;
  return matches(rules[0][0], wanted) && matches(rules[rules.length - 1][0], wanted);
}

function matches(rule: DataValidationPort | null, { v, firstCell, list }: Wanted): boolean {
  if (!rule) return false;
  if (String(rule.getCriteriaType()) !== criteriaTypeOf(v.rule)) return false;
  if (rule.getHelpText() !== v.helpText || rule.getAllowInvalid() !== v.allowInvalid) return false;
  const values = rule.getCriteriaValues();
  if (v.rule.kind === 'formula') return values[0] === v.rule.formula(firstCell);
  if (v.rule.kind === 'list' && list) return isListColumn(values[0] as RangePort, list);
  return true;
}

/** The rule's range is the list's column from row 2 on the Lists sheet as it is now (not one since deleted). */
function isListColumn(range: RangePort, list: { sheet: LaidOutSheet; column: number }): boolean {
  try {
    return (
      range.getSheet().getSheetId() === list.sheet.sheet.getSheetId() &&
      range.getColumn() === list.column &&
      range.getRow() === 2 &&
      range.getNumColumns() === 1
    );
  } catch {
    return false; // a range on a deleted sheet cannot be read: the rule needs setting again
  }
}
