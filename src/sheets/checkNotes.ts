// Puts Check the plan's findings into a sheet's notes: one read of the notes and, only when they change, one write.
import { notesWithProblems } from '../domain/checkNotes';
import type { Problem } from '../domain/problems';
import type { SheetPort } from '../gas/ports';

/**
 * Reads the sheet's notes over its data range, replaces the check's own notes (keeping people's), and writes the block
 * that changed back in one setNotes when anything differs. Returns whether it wrote.
 */
export function refreshCheckNotes(
  sheet: SheetPort,
  /** The sheet's name as problems give it (Actions, People …). */
  sheetName: string,
  values: readonly (readonly unknown[])[],
  problems: readonly Problem[],
  fallbackHeader?: string,
): boolean {
  const update = notesWithProblems(
    sheetName,
    values,
    sheet.getDataRange().getNotes(),
    problems,
    fallbackHeader,
  );
  if (!update.block) return false;
  const { row, column, notes } = update.block;
  sheet.getRange(row, column, notes.length, notes[0].length).setNotes(notes);
  return true;
}
