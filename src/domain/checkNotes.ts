// The notes Check the plan leaves on offending cells: its own marked text replaced each run, a person's notes kept.
import type { Problem } from './problems';
import { normaliseHeader } from './schema';

/** Starts every note (or part of a note) the check writes; anything before it in a note is a person's and is kept. */
export const CHECK_NOTE_PREFIX = 'Check the plan: ';

/** A rectangle of notes to write (1-based, as getRange takes it). */
export interface NotesBlock {
  row: number;
  column: number;
  notes: string[][];
}

export interface NotesUpdate {
  notes: string[][];
  /** False when every note already says what it should (then nothing is written). */
  changed: boolean;
  /**
   * The only cells written: for each run of columns between the script's own columns, the smallest block holding
   * every changed note in it (none when nothing changed). Never a cell of the script's own columns, which only plan
   * administrators may edit, so staff can run the check; at most one block more than there are such columns.
   */
  blocks: NotesBlock[];
  /** Cells that now carry a check note. */
  noted: number;
}

/**
 * The sheet's notes with this check's findings: each problem's message on its row's cell under its column (or under
 * `fallbackHeader` when that column is not on the sheet, or is one of `scriptHeaders`), notes from an earlier check
 * replaced or removed, and every other note kept as it was. The cells under `scriptHeaders` (the columns only the
 * script writes, protected from staff) are left exactly as they are. `values` and `notes` are the same data range
 * (header row first).
 */
export function notesWithProblems(
  sheet: string,
  values: readonly (readonly unknown[])[],
  notes: readonly (readonly string[])[],
  problems: readonly Problem[],
  fallbackHeader?: string,
  scriptHeaders: readonly string[] = [],
): NotesUpdate {
  const columns = new Map<string, number>();
  (values[0] ?? []).forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key && !columns.has(key)) columns.set(key, i);
  });
  const untouchable = new Set(scriptHeaders.flatMap((h) => columns.get(normaliseHeader(h)) ?? []));
  const usable = (c: number | undefined) => (c === undefined || untouchable.has(c) ? undefined : c);
  const fallback =
    fallbackHeader === undefined ? undefined : usable(columns.get(normaliseHeader(fallbackHeader)));
  const messages = new Map<string, string[]>();
  for (const p of problems) {
    if (p.sheet !== sheet || p.row < 2 || p.row > notes.length) continue;
    const column =
      (p.column !== undefined ? usable(columns.get(normaliseHeader(p.column))) : undefined) ?? fallback;
    if (column === undefined || column >= (notes[p.row - 1]?.length ?? 0)) continue;
    const key = `${p.row - 1}:${column}`;
    const list = messages.get(key) ?? [];
    if (!list.includes(p.message)) list.push(p.message);
    messages.set(key, list);
  }
  const width = notes.reduce((n, row) => Math.max(n, row.length), 0);
  // One box per run of columns between the untouchable ones; each box grows to hold the changes in its run.
  const runOf: number[] = [];
  const boxes: { top: number; left: number; bottom: number; right: number }[] = [];
  for (let c = 0; c < width; c++) {
    if (untouchable.has(c)) {
      runOf.push(-1);
      continue;
    }
    if (c === 0 || untouchable.has(c - 1))
      boxes.push({ top: Infinity, left: Infinity, bottom: -1, right: -1 });
    runOf.push(boxes.length - 1);
  }
  const next = notes.map((row, r) =>
    row.map((note, c) => {
      if (untouchable.has(c)) return note;
      const found = messages.get(`${r}:${c}`);
      const updated = [personalPart(note), found ? `${CHECK_NOTE_PREFIX}${found.join(' ')}` : '']
        .filter(Boolean)
        .join('\n\n');
      if (updated !== note) {
        const box = boxes[runOf[c]];
        box.top = Math.min(box.top, r);
        box.left = Math.min(box.left, c);
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, c);
      }
      return updated;
    }),
  );
  const blocks = boxes
    .filter((box) => box.bottom >= 0)
    .map((box) => ({
      row: box.top + 1,
      column: box.left + 1,
      notes: next.slice(box.top, box.bottom + 1).map((row) => row.slice(box.left, box.right + 1)),
    }));
  return { notes: next, changed: blocks.length > 0, blocks, noted: messages.size };
}

/** The part of a note a person wrote: everything before the check's own text (all of it when there is none). */
export function personalPart(note: string): string {
  const text = note ?? '';
  if (text.startsWith(CHECK_NOTE_PREFIX)) return '';
  const at = text.indexOf(`\n${CHECK_NOTE_PREFIX}`);
  return at < 0 ? text : text.slice(0, at).trimEnd();
}
