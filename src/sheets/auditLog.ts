// The Audit log: one row per changed cell, written by the on-edit trigger and by jobs that change the plan.
import { AUDIT_LOG_HEADERS, AUDIT_LOG_SHEET } from '../domain/layout';
import type { SpreadsheetPort } from '../gas/ports';
import { appendLogRows } from './logSheet';

export interface AuditEntry {
  time: Date;
  /** The editor's email, "unknown (key)" when Google withholds it, or the job's name for the script's changes. */
  editor: string;
  sheet: string;
  /** A1 notation of the cell, or of the range for a multi-cell change. */
  cell: string;
  code: string;
  header: string;
  oldValue: string;
  newValue: string;
}

/** Every entry in one write; values go in as text, never as formulas. */
export function appendAudit(spreadsheet: SpreadsheetPort, entries: readonly AuditEntry[]): void {
  appendLogRows(
    spreadsheet,
    AUDIT_LOG_SHEET,
    AUDIT_LOG_HEADERS,
    entries.map((e) => [e.time, e.editor, e.sheet, e.cell, e.code, e.header, e.oldValue, e.newValue]),
  );
}
