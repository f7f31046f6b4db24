// The shapes the committee report is built from (DESIGN 2.5, 2.9): a baseline, its diff with today's plan, and the
// report model that src/docs writes into a Google Doc. Pure data: no Apps Script, no clock.
import type { IsoDate } from './dates';
import type { Rag } from './rag';

/** One action as the baseline recorded it (the fields DESIGN 2.5 compares, and enough to list it). */
export interface BaselineAction {
  code: string;
  theme: string;
  category: string;
  action: string;
  timescale: string;
  effectiveTargetDate?: IsoDate;
  /** Lead names as written, joined with " / " for comparison and display. */
  lead: string;
  status: string;
}

/** A snapshot of the live actions taken when a cycle started (menu "Start a new update cycle"). */
export interface Baseline {
  cycle: number;
  takenAt: Date;
  takenBy: string;
  actions: BaselineAction[];
}

export type ChangedField = 'Action' | 'Timescale' | 'Target date' | 'Lead';

export interface FieldChange {
  field: ChangedField;
  old: string;
  new: string;
}

/** DESIGN 2.5: retained + deleted + updated = the baseline's count; added are live now and not in the baseline. */
export interface CycleDiff {
  /** Undefined for the plan's first report: every live action counts as added. */
  baseline?: { cycle: number; takenAt: Date; count: number };
  retained: string[];
  /** In the baseline and now Complete, Cancelled or gone; `reason` says which. */
  deleted: { code: string; reason: 'complete' | 'cancelled' | 'gone'; baseline: BaselineAction }[];
  updated: { code: string; changes: FieldChange[] }[];
  added: string[];
}

/** A run of text with the formatting the report uses. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

export interface ReportTableCell {
  text: string;
  /** Background colour (#rrggbb), e.g. the status colour of Appendix A's Status cell. */
  background?: string;
  bold?: boolean;
}

/** The blocks a report is made of, in order; the Doc writer turns each into one or a few Document calls. */
export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: TextRun[] }
  | { kind: 'bullets'; items: string[] }
  /** The first row is the header row (bold). Every row has the same number of cells. */
  | { kind: 'table'; rows: ReportTableCell[][]; columnWidths?: number[] }
  /** Status by theme, drawn as a stacked bar chart image. */
  | {
      kind: 'chart';
      title: string;
      themes: string[];
      series: { rag: Rag; colour: string; values: number[] }[];
    }
  | { kind: 'pageBreak' };

export interface ReportModel {
  /** The Doc's name: "<Plan title> – <Committee> <meeting date> (draft <date time>)". */
  title: string;
  /** Values for a template's {{placeholders}}: every Setting name, "meeting date", and the counts. */
  placeholders: Record<string, string>;
  counts: { total: number; retained: number; deleted: number; updated: number; added: number };
  /** Codes listed as overdue in "Actions needing attention". */
  attention: string[];
  blocks: ReportBlock[];
}
