// Small pieces the report model's sections share: tables, counted nouns, shortened text, the report's context.
import { shorten } from './actions';
import { codeKey, diffKey } from './cycle';
import type { IsoDate } from './dates';
import type { AssessedAction, Plan } from './plan';
import type { CycleDiff, ReportBlock, ReportModel, ReportTableCell } from './reportTypes';

/**
 * Longest text a table cell of the report shows; longer text is cut there and ends with "…". A
 * 1,000-character cell already fills a third of a page in a narrow column; the sheet keeps the whole text.
 */
export const REPORT_CELL_TEXT_LIMIT = 1000;
/** Section 3's lists point readers at actions, so their text is shorter still; Appendix A has it in full. */
export const ATTENTION_TEXT_LIMIT = 300;

/** What every section reads: the input, and the plan's actions found by the keys the diff uses. */
export interface ReportContext {
  plan: Plan;
  diff: CycleDiff;
  meeting: { date: IsoDate; committee: string };
  generatedAt: Date;
  timeZone: string;
  counts: ReportModel['counts'];
  /** The action a diff key (a code, or "Row N (no code)") names; the first row when a code is duplicated. */
  find(key: string): AssessedAction | undefined;
}

export function actionFinder(plan: Plan): (key: string) => AssessedAction | undefined {
  const byCode = new Map<string, AssessedAction>();
  const byRow = new Map<string, AssessedAction>();
  for (const a of plan.actions) {
    if (a.code) {
      if (!byCode.has(codeKey(a.code))) byCode.set(codeKey(a.code), a);
    } else byRow.set(diffKey(a), a);
  }
  return (key) => byRow.get(key) ?? byCode.get(codeKey(key));
}

export function cell(text: string | number, limit = REPORT_CELL_TEXT_LIMIT): ReportTableCell {
  return { text: typeof text === 'number' ? String(text) : shorten(text, limit) };
}

/** A table with a bold header row; cells given as text are shortened to the cell limit. */
export function table(
  header: string[],
  rows: (string | number | ReportTableCell)[][],
  columnWidths?: number[],
): ReportBlock {
  const toCell = (c: string | number | ReportTableCell) => (typeof c === 'object' ? c : cell(c));
  return {
    kind: 'table',
    rows: [header.map((text) => ({ text, bold: true })), ...rows.map((r) => r.map(toCell))],
    ...(columnWidths ? { columnWidths } : {}),
  };
}

export function paragraph(text: string, opts: { bold?: boolean; italic?: boolean } = {}): ReportBlock {
  return { kind: 'paragraph', runs: [{ text, ...opts }] };
}

export function heading(level: 1 | 2 | 3, text: string): ReportBlock {
  return { kind: 'heading', level, text };
}

/** "1 action", "3 actions". */
/** "all 12 live actions are new", "its one live action is new", "it has no live actions yet" — for a first report. */
export function allNew(n: number): string {
  if (n === 0) return 'it has no live actions yet';
  if (n === 1) return 'its one live action is new';
  return `all ${n} live actions are new`;
}

export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? noun : plural}`;
}

/** "1 is", "3 are". */
export function isAre(n: number): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'is' : 'are'}`;
}
