// Puts Check the plan's findings into a sheet's notes: one read of the notes and, only where they change, a write of
// each changed block (one, or one each side of the script's own columns, which the check never writes).
import { notesWithProblems } from '../domain/checkNotes';
import type { Problem } from '../domain/problems';
import type { SheetPort } from '../gas/ports';

/**
 * Reads the sheet's notes over its data range, replaces the check's own notes (keeping people's), and writes the
 * blocks that changed back, one setNotes each. Problems on `scriptHeaders` (columns only the script writes, which
 * staff may not edit) are noted under `fallbackHeader` instead. Returns whether it wrote.
 */
export function refreshCheckNotes(
  sheet: SheetPort,
  /** The sheet's name as problems give it (Actions, People …). */
  sheetName: string,
  values: readonly (readonly unknown[])[],
  problems: readonly Problem[],
  fallbackHeader?: string,
  scriptHeaders: readonly string[] = [],
): boolean {
  const update = notesWithProblems(
    sheetName,
    values,
    sheet.getDataRange().getNotes(),
    problems,
    fallbackHeader,
    scriptHeaders,
  );
  for (const { row, column, notes } of update.blocks) {
    sheet.getRange(row, column, notes.length, notes[0].length).setNotes(notes);
  }
  return update.changed;
}
