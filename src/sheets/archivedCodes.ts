// Reads the codes on the Archive sheet (one read), so numbers of archived actions are never given out again.
import { ARCHIVE_SHEET } from '../domain/layout';
import { cellText, normaliseHeader } from '../domain/schema';
import type { SpreadsheetPort } from '../gas/ports';

export interface ArchivedCodes {
  codes: string[];
  /** Set when an Archive exists but its codes cannot be found, so the job can say so instead of guessing. */
  warning?: string;
}

/** Every non-blank value under the Archive's Code header; none when there is no Archive yet. */
export function readArchivedCodes(spreadsheet: SpreadsheetPort): ArchivedCodes {
  const sheet = spreadsheet.getSheetByName(ARCHIVE_SHEET);
  if (!sheet) return { codes: [] };
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const column = header.findIndex((h) => normaliseHeader(h) === 'code');
  if (column < 0) {
    if (rows.length === 0 && header.every((h) => cellText(h) === '')) return { codes: [] };
    return {
      codes: [],
      warning: `The ${ARCHIVE_SHEET} sheet has no "Code" header, so its codes could not be checked; numbers seen before are still never reused.`,
    };
  }
  return { codes: rows.map((r) => cellText(r[column])).filter(Boolean) };
}
