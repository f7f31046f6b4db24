// What setup must do to one sheet of the layout, decided from its header row alone: create it, fill an empty one,
// or add the Actions columns the script needs (or a log's newer headers) after the last column (a council's own
// columns stay where they are).
import { ACTION_COLUMNS, ACTIONS_SHEET } from './actions';
import type { SheetLayout } from './layout';
import { LISTS_COLUMNS, LISTS_SHEET } from './lists';
import { PEOPLE_COLUMNS, PEOPLE_SHEET } from './people';
import { type ColumnSpec, mapColumns, normaliseHeader } from './schema';
import { SETTINGS_COLUMNS, SETTINGS_SHEET } from './settings';

/** Sheets whose columns jobs find by header: a required header missing or doubled stops setup (DESIGN 2.1). */
const COLUMN_SPECS: Record<string, ColumnSpec<Record<string, string>>> = {
  [ACTIONS_SHEET]: ACTION_COLUMNS,
  [PEOPLE_SHEET]: PEOPLE_COLUMNS,
  [LISTS_SHEET]: LISTS_COLUMNS,
  [SETTINGS_SHEET]: SETTINGS_COLUMNS,
};

/** Optional Actions columns the script itself reads or writes, so setup adds them when a council has none. */
export const ACTIONS_COLUMNS_SETUP_ADDS: readonly string[] = [
  ACTION_COLUMNS.headers.targetDate,
  ACTION_COLUMNS.headers.revisedTargetDate,
  ACTION_COLUMNS.headers.revisionReason,
  ACTION_COLUMNS.headers.rag,
  ACTION_COLUMNS.headers.lastUpdated,
  ACTION_COLUMNS.headers.updatedBy,
];

export interface SheetRepair {
  layout: SheetLayout;
  /** missing: no sheet of that name; empty: a sheet with nothing in it; present: a sheet with content. */
  state: 'missing' | 'empty' | 'present';
  /** Row 1 as it will be after setup (blank cells of a council's header row kept as ''). */
  headers: string[];
  /** Cells to write in one block with row 1 as its top row: nothing when the sheet needs no values. */
  block?: { column: number; rows: unknown[][] };
  /** Headers setup adds to a present sheet, for the report. */
  added: string[];
  /** A required header missing or a known header doubled: setup stops before writing anything. */
  errors: string[];
}

/**
 * `headerRow` is row 1 up to the sheet's last column with content ([] for an empty sheet), or null when no sheet
 * has the layout's name. New and empty sheets get the layout's headers and defaults; nothing else is written to
 * rows that exist.
 */
export function planSheetRepair(layout: SheetLayout, headerRow: readonly unknown[] | null): SheetRepair {
  if (!headerRow || headerRow.length === 0) {
    const rows = [[...layout.headers], ...layout.defaults.map((row) => [...row])];
    return {
      layout,
      state: headerRow ? 'empty' : 'missing',
      headers: [...layout.headers],
      block: layout.headers.length ? { column: 1, rows } : undefined,
      added: [],
      errors: [],
    };
  }
  const headers = headerRow.map((cell) => String(cell ?? ''));
  const spec = COLUMN_SPECS[layout.name];
  const errors = spec ? mapColumns(layout.name, headerRow, spec).errors : [];
  if (errors.length) return { layout, state: 'present', headers, added: [], errors };
  const present = new Set(headers.map(normaliseHeader));
  const added =
    layout.name === ACTIONS_SHEET
      ? ACTIONS_COLUMNS_SETUP_ADDS.filter((h) => !present.has(normaliseHeader(h)))
      : laterLogHeaders(layout, headers);
  return {
    layout,
    state: 'present',
    headers: [...headers, ...added],
    block: added.length ? { column: headers.length + 1, rows: [added] } : undefined,
    added,
    errors,
  };
}

/**
 * A log sheet made by an earlier version whose header row is the start of today's (Run log before its email
 * counts): the later headers go after it, as the rows written since already put their values there.
 */
function laterLogHeaders(layout: SheetLayout, headers: readonly string[]): string[] {
  const isPrefix =
    headers.length < layout.headers.length &&
    headers.every((h, i) => normaliseHeader(h) === normaliseHeader(layout.headers[i]));
  return layout.scriptOnly && isPrefix ? layout.headers.slice(headers.length) : [];
}

/** 1-based column of a header in a header row (case- and space-insensitive), or 0 when absent. */
export function columnOf(headers: readonly string[], header: string): number {
  const wanted = normaliseHeader(header);
  return headers.findIndex((h) => normaliseHeader(h) === wanted) + 1;
}
