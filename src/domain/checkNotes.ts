// The notes Check the plan leaves on offending cells: its own marked text replaced each run, a person's notes kept.
import type { Problem } from './problems';
import { normaliseHeader } from './schema';

/** Starts every note (or part of a note) the check writes; anything before it in a note is a person's and is kept. */
export const CHECK_NOTE_PREFIX = 'Check the plan: ';

export interface NotesUpdate {
  notes: string[][];
  /** False when every note already says what it should (then nothing is written). */
  changed: boolean;
  /**
   * The smallest block holding every changed note (1-based, as getRange takes it) and its notes: the only cells
   * written, so columns no note changes in (the protected RAG, Last updated) are never touched.
   */
  block?: { row: number; column: number; notes: string[][] };
  /** Cells that now carry a check note. */
  noted: number;
}

/**
 * The sheet's notes with this check's findings: each problem's message on its row's cell under its column (or under
 * `fallbackHeader` when that column is not on the sheet), notes from an earlier check replaced or removed, and every
 * other note kept as it was. `values` and `notes` are the same data range (header row first).
 */
export function notesWithProblems(
  sheet: string,
  values: readonly (readonly unknown[])[],
  notes: readonly (readonly string[])[],
  problems: readonly Problem[],
  fallbackHeader?: string,
): NotesUpdate {
  const columns = new Map<string, number>();
  (values[0] ?? []).forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key && !columns.has(key)) columns.set(key, i);
  });
  const fallback = fallbackHeader === undefined ? undefined : columns.get(normaliseHeader(fallbackHeader));
  const messages = new Map<string, string[]>();
  for (const p of problems) {
    if (p.sheet !== sheet || p.row < 2 || p.row > notes.length) continue;
    const column = (p.column !== undefined ? columns.get(normaliseHeader(p.column)) : undefined) ?? fallback;
    if (column === undefined || column >= (notes[p.row - 1]?.length ?? 0)) continue;
    const key = `${p.row - 1}:${column}`;
    const list = messages.get(key) ?? [];
    if (!list.includes(p.message)) list.push(p.message);
    messages.set(key, list);
  }
  const box = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
  const next = notes.map((row, r) =>
    row.map((note, c) => {
      const found = messages.get(`${r}:${c}`);
      const updated = [personalPart(note), found ? `${CHECK_NOTE_PREFIX}${found.join(' ')}` : '']
        .filter(Boolean)
        .join('\n\n');
      if (updated !== note) {
        box.top = Math.min(box.top, r);
        box.left = Math.min(box.left, c);
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, c);
      }
      return updated;
    }),
  );
  const changed = box.bottom >= 0;
  const block = changed
    ? {
        row: box.top + 1,
        column: box.left + 1,
        notes: next.slice(box.top, box.bottom + 1).map((row) => row.slice(box.left, box.right + 1)),
      }
    : undefined;
  return { notes: next, changed, ...(block ? { block } : {}), noted: messages.size };
}

/** The part of a note a person wrote: everything before the check's own text (all of it when there is none). */
export function personalPart(note: string): string {
  const text = note ?? '';
  if (text.startsWith(CHECK_NOTE_PREFIX)) return '';
  const at = text.indexOf(`\n${CHECK_NOTE_PREFIX}`);
  return at < 0 ? text : text.slice(0, at).trimEnd();
}
