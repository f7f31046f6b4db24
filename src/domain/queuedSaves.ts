// Update progress saves by staff, who may write the cells they edit but not the Audit log or the script's own
// columns: each save is kept as a small record in the document's properties until a run as the administrator (the
// on-edit trigger, the daily refresh) writes its Audit log rows, stamps and RAG. Pure: the record, fitting it into
// one property value, and reading it back.

/** Every queued save's property key starts with this; the rest sorts by time. */
export const QUEUED_SAVE_PREFIX = 'progressSave:';

/** A property value may hold 9 KB (9,216 bytes); a record stays well under that. */
export const QUEUED_SAVE_MAX_BYTES = 8_000;

/** Texts are never cut shorter than this while fitting a record (a dozen of them fit many times over). */
const SHORTEST_CUT = 60;

export interface QueuedCell {
  /** A1 notation of the cell when it was saved. */
  cell: string;
  header: string;
  oldValue: string;
  newValue: string;
}

export interface QueuedSave {
  /** When it was saved (an ISO instant). */
  time: string;
  /** Who saved it. */
  editor: string;
  code: string;
  cells: QueuedCell[];
  /** Status, Progress or Latest update changed: the row's Last updated and Updated by are stamped. */
  stamp: boolean;
}

/** The record's property key: by time first, so the keys sort in the order the saves were made. */
export function queuedSaveKey(save: QueuedSave, unique: string): string {
  return `${QUEUED_SAVE_PREFIX}${save.time}:${save.code}:${unique}`;
}

/**
 * The record as a property value of at most `maxBytes` (UTF-8). Long texts are cut, the longest first, each with a
 * note of its length: the new value stands whole in the sheet, the old one in the sheet's version history.
 */
export function encodeQueuedSave(save: QueuedSave, maxBytes = QUEUED_SAVE_MAX_BYTES): string {
  const texts = save.cells.flatMap((cell, i) =>
    (['oldValue', 'newValue'] as const).map((field) => ({
      i,
      field,
      whole: cell[field],
      kept: cell[field].length,
    })),
  );
  const cells = save.cells.map((c) => ({ ...c }));
  const encode = () => JSON.stringify({ ...save, cells });
  let text = encode();
  while (utf8Bytes(text) > maxBytes) {
    const longest = texts
      .filter((t) => t.kept > SHORTEST_CUT)
      .sort((a, b) => b.kept - a.kept || a.i - b.i)[0];
    if (!longest) break;
    longest.kept = Math.max(SHORTEST_CUT, Math.floor(longest.kept / 2));
    cells[longest.i][longest.field] = cut(longest.whole, longest.kept, longest.field);
    text = encode();
  }
  return text;
}

function cut(text: string, keep: number, field: 'oldValue' | 'newValue'): string {
  const where =
    field === 'newValue' ? 'the sheet holds it whole' : 'the sheet’s version history holds it whole';
  return `${text.slice(0, keep)}… (${text.length.toLocaleString('en-GB')} characters, cut to fit the queue; ${where})`;
}

/** The record a property holds, or undefined when it is not one (the key's owner wrote something else). */
export function decodeQueuedSave(value: string | null | undefined): QueuedSave | undefined {
  if (!value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const p = parsed as Partial<QueuedSave> | null;
  if (!p || typeof p.time !== 'string' || typeof p.editor !== 'string' || typeof p.code !== 'string')
    return undefined;
  if (!Array.isArray(p.cells) || Number.isNaN(Date.parse(p.time))) return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    time: p.time,
    editor: p.editor,
    code: p.code,
    stamp: p.stamp === true,
    cells: p.cells.map((c: Partial<QueuedCell>) => ({
      cell: text(c?.cell),
      header: text(c?.header),
      oldValue: text(c?.oldValue),
      newValue: text(c?.newValue),
    })),
  };
}

/**
 * When a queued save was made: its record's time, else the time its key starts with (a record that cannot be read
 * still says how long it has waited); undefined when neither holds one.
 */
export function queuedSaveTime(key: string, value: string | null | undefined): Date | undefined {
  const time =
    decodeQueuedSave(value)?.time ??
    /^\d{4}-\d\d-\d\dT[\d:.]+Z/.exec(key.slice(QUEUED_SAVE_PREFIX.length))?.[0];
  const date = time === undefined ? undefined : new Date(time);
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** Bytes of a string in UTF-8, as the property store counts them (no TextEncoder in Apps Script). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
