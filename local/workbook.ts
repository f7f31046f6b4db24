// The spreadsheet exactly as the code left it, written as an .xlsx file (exceljs) for a person to open: values,
// formulas, formats, notes, validation, conditional formatting, frozen panes, widths, protection, hidden sheets.
import ExcelJS from 'exceljs';
import { isDate } from './runtime/core';
import { columnToLetters, quoteSheetName } from './runtime/spreadsheet/a1';
import { serialFromInstant, partsFromSerial } from './runtime/spreadsheet/timezone';
import type {
  ConditionalFormatModel,
  RangeRef,
  SheetModel,
  SpreadsheetModel,
  ValidationModel,
} from './runtime/spreadsheet';

const PX_PER_CHAR = 7;
const LISTS_SHEET = '_lists';
const INLINE_LIST_MAX = 255;

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Excel sheet names: at most 31 characters and none of []:*?/\ . */
function excelSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let out = base;
  for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(out.toLowerCase());
  return out;
}

/**
 * A Date as exceljs should store it: exceljs turns a Date into a serial from its UTC fields, so the UTC fields
 * must carry the wall-clock time in the spreadsheet's zone (what a person in that zone saw in the cell).
 */
function wallClock(d: Date, timeZone: string): Date {
  const p = partsFromSerial(serialFromInstant(d.getTime(), timeZone));
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond));
}

function absolute(ref: RangeRef, names: Map<string, string>): string {
  const sheet = quoteSheetName(names.get(ref.sheet) ?? ref.sheet);
  const first = `$${columnToLetters(ref.column)}$${ref.row}`;
  const last = `$${columnToLetters(ref.column + ref.numColumns - 1)}$${ref.row + ref.numRows - 1}`;
  return `${sheet}!${first}:${last}`;
}

function quoteText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function excelDate(d: Date, timeZone: string): string {
  const w = wallClock(d, timeZone);
  return `DATE(${w.getUTCFullYear()},${w.getUTCMonth() + 1},${w.getUTCDate()})`;
}

const DV_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  BETWEEN: 'between',
  NOT_BETWEEN: 'notBetween',
  EQUAL_TO: 'equal',
  NOT_EQUAL_TO: 'notEqual',
  GREATER_THAN: 'greaterThan',
  GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  LESS_THAN: 'lessThan',
  LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  AFTER: 'greaterThan',
  BEFORE: 'lessThan',
  ON_OR_AFTER: 'greaterThanOrEqual',
  ON_OR_BEFORE: 'lessThanOrEqual',
};

class ListSheet {
  columns: string[][] = [];
  /** Places a list too long (or too awkward) for an inline Excel list on a hidden sheet; returns its reference. */
  add(items: string[]): string {
    this.columns.push(items);
    const col = columnToLetters(this.columns.length);
    return `${LISTS_SHEET}!$${col}$1:$${col}$${Math.max(1, items.length)}`;
  }
}

function validationFor(
  v: ValidationModel,
  timeZone: string,
  names: Map<string, string>,
  lists: ListSheet,
): ExcelJS.DataValidation | null {
  const topLeft = `${columnToLetters(v.column)}${v.row}`;
  const base = {
    allowBlank: true,
    showErrorMessage: !v.allowInvalid,
    errorStyle: v.allowInvalid ? 'warning' : 'stop',
    ...(v.helpText ? { showInputMessage: true, prompt: v.helpText } : {}),
  };
  const custom = (formula: string): ExcelJS.DataValidation => ({
    ...base,
    type: 'custom',
    formulae: [formula],
  });
  const [a, b] = v.values;
  switch (v.criteria) {
    case 'VALUE_IN_LIST': {
      const items = (a as unknown[]).map(String);
      const inline = items.join(',');
      const fits = inline.length <= INLINE_LIST_MAX && !items.some((i) => i.includes(',') || i.includes('"'));
      return { ...base, type: 'list', formulae: [fits ? `"${inline}"` : lists.add(items)] };
    }
    case 'VALUE_IN_RANGE':
      return { ...base, type: 'list', formulae: [absolute(a as RangeRef, names)] };
    case 'CHECKBOX':
      return {
        ...base,
        type: 'list',
        formulae: [`"${a === undefined ? 'TRUE,FALSE' : `${String(a)},${String(b ?? '')}`}"`],
      };
    case 'DATE_IS_VALID_DATE':
      return {
        ...base,
        type: 'date',
        operator: 'greaterThanOrEqual',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      };
    case 'TEXT_IS_VALID_EMAIL':
      return custom(`ISNUMBER(MATCH("*@*.?*",${topLeft},0))`);
    case 'TEXT_IS_VALID_URL':
      return custom(`OR(LEFT(${topLeft},7)="http://",LEFT(${topLeft},8)="https://")`);
    case 'TEXT_CONTAINS':
      return custom(`ISNUMBER(SEARCH(${quoteText(String(a))},${topLeft}))`);
    case 'TEXT_DOES_NOT_CONTAIN':
      return custom(`ISERROR(SEARCH(${quoteText(String(a))},${topLeft}))`);
    case 'TEXT_EQUAL_TO':
      return custom(`${topLeft}=${quoteText(String(a))}`);
    case 'CUSTOM_FORMULA':
      return custom(String(a).replace(/^=/, ''));
    default:
      break;
  }
  const date = /^DATE_(.+)$/.exec(v.criteria);
  if (date) {
    const operator = DV_OPERATORS[date[1]];
    const formulae = v.values.map((d) => (isDate(d) ? wallClock(d, timeZone) : d));
    return operator ? { ...base, type: 'date', operator, formulae } : null;
  }
  const num = /^NUMBER_(.+)$/.exec(v.criteria);
  if (num) {
    const operator = DV_OPERATORS[num[1]];
    return operator ? { ...base, type: 'decimal', operator, formulae: v.values } : null;
  }
  return null;
}

const RELATIVE_DATES: Record<string, string> = {
  TODAY: 'TODAY()',
  TOMORROW: 'TODAY()+1',
  YESTERDAY: 'TODAY()-1',
  PAST_WEEK: 'TODAY()-7',
  PAST_MONTH: 'EDATE(TODAY(),-1)',
  PAST_YEAR: 'EDATE(TODAY(),-12)',
};

const COMPARISONS: Record<string, string> = {
  EQUAL_TO: '=',
  NOT_EQUAL_TO: '<>',
  GREATER_THAN: '>',
  GREATER_THAN_OR_EQUAL_TO: '>=',
  LESS_THAN: '<',
  LESS_THAN_OR_EQUAL_TO: '<=',
  AFTER: '>',
  BEFORE: '<',
};

/** A conditional format's condition as an Excel formula relative to the top-left cell of its first range. */
function conditionFormula(rule: ConditionalFormatModel, timeZone: string): string | null {
  const first = rule.ranges[0];
  if (!first) return null;
  const cell = `${columnToLetters(first.column)}${first.row}`;
  const [a, b] = rule.values;
  switch (rule.criteria) {
    case 'CUSTOM_FORMULA':
      return String(a).replace(/^=/, '');
    case 'CELL_EMPTY':
      return `LEN(${cell})=0`;
    case 'CELL_NOT_EMPTY':
      return `LEN(${cell})>0`;
    case 'TEXT_EQUAL_TO':
      return `${cell}=${quoteText(String(a))}`;
    case 'TEXT_CONTAINS':
      return `ISNUMBER(SEARCH(${quoteText(String(a))},${cell}))`;
    case 'TEXT_DOES_NOT_CONTAIN':
      return `ISERROR(SEARCH(${quoteText(String(a))},${cell}))`;
    case 'TEXT_STARTS_WITH':
      return `LEFT(${cell},${String(a).length})=${quoteText(String(a))}`;
    case 'TEXT_ENDS_WITH':
      return `RIGHT(${cell},${String(a).length})=${quoteText(String(a))}`;
    case 'NUMBER_BETWEEN':
      return `AND(ISNUMBER(${cell}),${cell}>=${a},${cell}<=${b})`;
    case 'NUMBER_NOT_BETWEEN':
      return `AND(ISNUMBER(${cell}),OR(${cell}<${a},${cell}>${b}))`;
    default:
      break;
  }
  const num = /^NUMBER_(.+)$/.exec(rule.criteria);
  if (num && COMPARISONS[num[1]]) return `AND(ISNUMBER(${cell}),${cell}${COMPARISONS[num[1]]}${a})`;
  const date = /^DATE_(AFTER|BEFORE|EQUAL_TO)(_RELATIVE)?$/.exec(rule.criteria);
  if (date) {
    const target = date[2] ? RELATIVE_DATES[String(a)] : isDate(a) ? excelDate(a, timeZone) : null;
    if (!target) return null;
    return `AND(ISNUMBER(${cell}),INT(${cell})${COMPARISONS[date[1]]}${target})`;
  }
  return null;
}

function writeSheetCells(ws: ExcelJS.Worksheet, sheet: SheetModel, timeZone: string, locale: string): void {
  const defaultDateTime = locale === 'en_US' ? 'm/d/yyyy h:mm:ss' : 'dd/mm/yyyy hh:mm:ss';
  for (let r = 0; r < sheet.rows; r++) {
    for (let c = 0; c < sheet.columns; c++) {
      const formula = sheet.formulas[r][c];
      const value = sheet.values[r][c];
      const note = sheet.notes[r][c];
      const numFmt = sheet.numberFormats[r][c];
      const bg = sheet.backgrounds[r][c];
      const bold = sheet.fontWeights[r][c];
      const color = sheet.fontColors[r][c];
      const size = sheet.fontSizes[r][c];
      const wrap = sheet.wraps[r][c];
      const h = sheet.horizontalAlignments[r][c];
      const v = sheet.verticalAlignments[r][c];
      const hasValue = formula !== '' || (value !== '' && value !== null);
      if (!hasValue && !note && !numFmt && !bg && !bold && !color && !size && !wrap && !h && !v) continue;
      const cell = ws.getCell(r + 1, c + 1);
      if (formula !== '') {
        const result = isDate(value) ? wallClock(value, timeZone) : value;
        cell.value = (
          result === null || result === ''
            ? { formula: formula.slice(1) }
            : { formula: formula.slice(1), result }
        ) as ExcelJS.CellFormulaValue;
      } else if (isDate(value)) {
        cell.value = wallClock(value, timeZone);
      } else if (hasValue) {
        cell.value = value as string | number | boolean;
      }
      if (numFmt && numFmt !== '0.###############') cell.numFmt = numFmt;
      else if (isDate(value)) cell.numFmt = defaultDateTime;
      if (bold || color || size) {
        cell.font = {
          ...(bold ? { bold: true } : {}),
          ...(color ? { color: { argb: argb(color) } } : {}),
          ...(size ? { size } : {}),
        };
      }
      if (bg) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(bg) } };
      if (wrap || h || v) {
        cell.alignment = {
          ...(wrap === 'WRAP' ? { wrapText: true } : {}),
          ...(h ? { horizontal: h as 'left' | 'center' | 'right' } : {}),
          ...(v ? { vertical: v as 'top' | 'middle' | 'bottom' } : {}),
        };
      }
      if (note) cell.note = note;
    }
  }
}

/** exceljs keeps validations by address and accepts a whole range ("B2:B1000"); its typings omit the collection. */
function rangeValidations(ws: ExcelJS.Worksheet): { add(address: string, dv: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } })
    .dataValidations;
}

/**
 * Writes the model to `filePath`. Not carried over, because .xlsx or exceljs cannot hold them: embedded charts,
 * range protections (Excel protects whole sheets), warning-only protections (Excel has no warn-and-allow) and
 * validation help text beyond Excel's input message.
 */
export async function writeWorkbook(model: SpreadsheetModel, filePath: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const taken = new Set<string>([LISTS_SHEET]);
  const names = new Map(model.sheets.map((s) => [s.name, excelSheetName(s.name, taken)]));
  const lists = new ListSheet();

  for (const sheet of model.sheets) {
    const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
    const ws = wb.addWorksheet(names.get(sheet.name)!, {
      state: sheet.hidden ? 'hidden' : 'visible',
      properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
      views: frozen
        ? [
            {
              state: 'frozen',
              xSplit: sheet.frozenColumns,
              ySplit: sheet.frozenRows,
              topLeftCell: `${columnToLetters(sheet.frozenColumns + 1)}${sheet.frozenRows + 1}`,
            },
          ]
        : [],
    });
    sheet.columnWidths.forEach((px, i) => {
      if (px !== 100 || i < sheet.columns)
        ws.getColumn(i + 1).width = Math.round((px / PX_PER_CHAR) * 100) / 100;
    });
    writeSheetCells(ws, sheet, model.timeZone, model.locale);

    for (const v of sheet.validations) {
      const dv = validationFor(v, model.timeZone, names, lists);
      if (dv) rangeValidations(ws).add(v.a1, dv);
    }

    sheet.conditionalFormats.forEach((rule, i) => {
      const formula = conditionFormula(rule, model.timeZone);
      if (!formula) return;
      const style: Partial<ExcelJS.Style> = {};
      if (rule.background)
        style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.background) } };
      if (rule.fontColor || rule.bold || rule.italic || rule.underline || rule.strikethrough) {
        style.font = {
          ...(rule.fontColor ? { color: { argb: argb(rule.fontColor) } } : {}),
          ...(rule.bold ? { bold: true } : {}),
          ...(rule.italic ? { italic: true } : {}),
          ...(rule.underline ? { underline: true } : {}),
          ...(rule.strikethrough ? { strike: true } : {}),
        };
      }
      ws.addConditionalFormatting({
        ref: rule.ranges.map((r) => r.a1).join(' '),
        rules: [{ type: 'expression', priority: i + 1, formulae: [formula], style }],
      });
    });

    const sheetProtection = sheet.protections.find((p) => p.type === 'SHEET' && !p.warningOnly);
    if (sheetProtection) {
      for (const r of sheetProtection.unprotectedRanges) {
        for (let row = r.row; row < r.row + r.numRows; row++) {
          for (let col = r.column; col < r.column + r.numColumns; col++)
            ws.getCell(row, col).protection = { locked: false };
        }
      }
      await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
    }
  }

  for (const { name, range } of model.namedRanges) {
    const excelName = names.get(range.sheet);
    if (excelName) wb.definedNames.add(absolute(range, names), name);
  }

  if (lists.columns.length > 0) {
    const ws = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    lists.columns.forEach((items, c) => items.forEach((item, r) => (ws.getCell(r + 1, c + 1).value = item)));
  }
  await wb.xlsx.writeFile(filePath);
}
