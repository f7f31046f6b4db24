// Reading and writing single cells: what getValues() hands a script for stored content, what getDisplayValues()
// shows, and how a written value lands (with the format Sheets gives an unformatted cell).
import { NotImplementedError, isDate } from '../core';
import { toA1, quoteSheetName } from './a1';
import type { Ctx } from './context';
import type { SheetData } from './data';
import { localeInfo } from './locale';
import { formatGeneral, formatNumberPattern, formatSerialAsDate, isDateTimeFormat } from './numberFormat';
import { instantFromSerial, serialFromInstant } from './timezone';
import { Formula, literalFormulaValue, type Stored, type WriteContext, type Written } from './values';

/** What a formula cell holds for a script: a literal's value, the test's evaluator's answer, or a refusal. */
export function formulaResult(ctx: Ctx, sheet: SheetData, r0: number, c0: number, formula: Formula): unknown {
  const literal = literalFormulaValue(formula.text);
  if (literal) return literal.value;
  const a1 = `${quoteSheetName(sheet.name)}!${toA1({ row: r0 + 1, column: c0 + 1, numRows: 1, numColumns: 1 })}`;
  if (ctx.formulaEvaluator) {
    const v = ctx.formulaEvaluator(formula.text, a1);
    if (v !== undefined) return v;
  }
  throw new NotImplementedError(
    `calculating the formula in ${a1} (${formula.text}); register store.setFormulaEvaluator`,
  );
}

/** A cell's value as getValues() returns it: '' for blank, a Date for a number in a date/time format. */
export function readCell(
  ctx: Ctx,
  sheet: SheetData,
  r0: number,
  c0: number,
  stored: Stored | undefined,
  format: string | undefined,
): unknown {
  if (stored === undefined) return '';
  if (typeof stored === 'number') {
    return isDateTimeFormat(format)
      ? new ctx.DateClass(instantFromSerial(stored, sheet.parent.timeZone))
      : stored;
  }
  if (stored instanceof Formula) return formulaResult(ctx, sheet, r0, c0, stored);
  return stored;
}

/** A cell as getDisplayValues() shows it. */
export function displayCell(
  ctx: Ctx,
  sheet: SheetData,
  r0: number,
  c0: number,
  stored: Stored | undefined,
  format: string | undefined,
): string {
  if (stored === undefined) return '';
  let v: unknown = stored;
  if (stored instanceof Formula) {
    v = formulaResult(ctx, sheet, r0, c0, stored);
    if (isDate(v)) v = serialFromInstant(v.getTime(), sheet.parent.timeZone);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (format === undefined || format === '@') return formatGeneral(v);
    if (isDateTimeFormat(format)) return formatSerialAsDate(v, format);
    if (format === '0.###############' || /^general$/i.test(format)) return formatGeneral(v);
    return formatNumberPattern(v, format);
  }
  return String(v);
}

/** The context a written value is interpreted in: the spreadsheet's locale, time zone and today's date. */
export function writeContext(ctx: Ctx, sheet: SheetData): WriteContext {
  return {
    locale: localeInfo(sheet.parent.locale),
    timeZone: sheet.parent.timeZone,
    nowMs: ctx.core.nowMillis(),
  };
}

/** Stores a written value; a cell nobody formatted takes the format Sheets gives the value (a date format for a date). */
export function writeCell(sheet: SheetData, r0: number, c0: number, written: Written): void {
  sheet.values.set(r0, c0, written.value);
  if (written.autoFormat !== undefined && sheet.formats.numberFormat.get(r0, c0) === undefined) {
    sheet.formats.numberFormat.set(r0, c0, written.autoFormat);
  }
}
