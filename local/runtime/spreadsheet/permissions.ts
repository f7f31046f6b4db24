// Protections enforced: what the user the script runs as may change. The owner may change everything; anyone else
// is refused cells (and rows, columns) of a protected sheet or range unless they are one of its editors, it is
// warning-only, or it lets the owner's whole domain edit.
import type { Ctx } from './context';
import type { GridRect, ProtectionData, SheetData, SpreadsheetData } from './data';
import { gasError, unverified } from './errors';

/**
 * How Sheets refuses a change to protected cells, in its own words. Found quoted from the Sheets API's 400 response
 * in theoephraim/node-google-spreadsheet pull request #20 ("Show what actually went wrong when saving a row") and in
 * projects that hit it writing through the API; Apps Script's SpreadsheetApp is the same back end and raises the same
 * text to the script (its execution log shows it as "Exception: You are trying to edit …").
 */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

const CONSUMER_DOMAINS = /@(gmail|googlemail)\.com$/i;

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** The account the script runs as now; a spreadsheet runtime with no Session behind it runs as the file's owner. */
export function userOf(ctx: Ctx, ss: SpreadsheetData): string {
  return ctx.currentUser?.() || ss.ownerEmail;
}

/**
 * Whether `user` may edit what `p` protects. Warning-only protections let everyone edit: people see a warning to
 * confirm, scripts are shown nothing ("every user can edit data in the area", reference: Protection.setWarningOnly).
 */
export function mayEdit(p: ProtectionData, user: string): boolean {
  const owner = p.sheet.parent.ownerEmail;
  const me = user.toLowerCase();
  if (me === owner.toLowerCase() || p.warningOnly) return true;
  if (p.editors.some((e) => e.toLowerCase() === me)) return true;
  // canDomainEdit: "all users in the domain that owns the spreadsheet" may edit; a gmail account owns no domain.
  return p.domainEdit && !CONSUMER_DOMAINS.test(owner) && me !== '' && domainOf(me) === domainOf(owner);
}

/** Protections of `sheet` the user the script runs as may not edit. */
function lockedAgainstUser(ctx: Ctx, sheet: SheetData): ProtectionData[] {
  const user = userOf(ctx, sheet.parent);
  return sheet.protections.filter((p) => !mayEdit(p, user));
}

function overlaps(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

/** True when every cell of `rect` lies in one of `holes` (a protected sheet's unprotected ranges). */
function coveredBy(rect: GridRect, holes: readonly GridRect[]): boolean {
  const inside = holes.filter((h) => overlaps(h, rect));
  if (inside.length === 0) return false;
  // Between these row boundaries the same holes cross every row, so one check per band is enough.
  const end = rect.row + rect.numRows;
  const bounds = [...new Set([rect.row, end, ...inside.flatMap((h) => [h.row, h.row + h.numRows])])]
    .filter((r) => r >= rect.row && r <= end)
    .sort((a, b) => a - b);
  for (let k = 0; k + 1 < bounds.length; k++) {
    const row = bounds[k];
    const spans = inside
      .filter((h) => h.row <= row && row < h.row + h.numRows)
      .map((h) => [h.column, h.column + h.numColumns] as const)
      .sort((a, b) => a[0] - b[0]);
    let reached = rect.column;
    for (const [from, to] of spans) if (from <= reached) reached = Math.max(reached, to);
    if (reached < rect.column + rect.numColumns) return false;
  }
  return true;
}

/** Range.canEdit: may the user the script runs as edit every cell of `rect`? */
export function canEditCells(ctx: Ctx, rect: GridRect): boolean {
  return lockedAgainstUser(ctx, rect.sheet).every((p) =>
    p.rect ? !overlaps(p.rect, rect) : coveredBy(rect, p.unprotected),
  );
}

/** Refuses, as the service does, a write that touches a cell protected against the user the script runs as. */
export function checkCellsEditable(ctx: Ctx, rect: GridRect): void {
  if (!canEditCells(ctx, rect)) throw gasError(PROTECTED_MESSAGE);
}

/**
 * Refuses inserting or deleting rows or columns that would change protected cells: any on a protected sheet, rows
 * or columns through a protected range, or new ones inside it (which would make it grow). New ones at a range's
 * edge leave it as it was, so they are allowed. `at` is 0-based: the first new or deleted row or column.
 */
export function checkDimensionChange(
  ctx: Ctx,
  sheet: SheetData,
  dim: 'rows' | 'columns',
  at: number,
  count: number,
  change: 'insert' | 'delete',
): void {
  for (const p of lockedAgainstUser(ctx, sheet)) {
    if (!p.rect) throw gasError(PROTECTED_MESSAGE);
    const first = (dim === 'rows' ? p.rect.row : p.rect.column) - 1;
    const size = dim === 'rows' ? p.rect.numRows : p.rect.numColumns;
    const hit =
      change === 'delete' ? at < first + size && first < at + count : at > first && at < first + size;
    if (hit) throw gasError(PROTECTED_MESSAGE);
  }
}

/**
 * Sheet-wide changes (name, frozen panes, widths, rules, charts, deleting the sheet) on a sheet protected against
 * the user. Sheets refuses at least some of these to people who may not edit the sheet; which ones, and in what
 * words, is not known here, so the runtime refuses them all rather than let a test pass that production would fail.
 */
export function checkSheetChange(ctx: Ctx, sheet: SheetData, what: string): void {
  if (lockedAgainstUser(ctx, sheet).some((p) => !p.rect)) {
    throw unverified(`${what} on a sheet protected against ${userOf(ctx, sheet.parent)}`);
  }
}

/**
 * Changing a protection (its editors, description, range, or removing it) is for those who may edit it: the
 * reference's own example removes only the protections whose canEdit() is true. The service's wording for refusing
 * is not known here, so the runtime's refusal says that.
 */
export function checkProtectionChange(ctx: Ctx, p: ProtectionData, method: string): void {
  const user = userOf(ctx, p.sheet.parent);
  if (!mayEdit(p, user)) throw unverified(`Protection.${method} by ${user}, who may not edit the protection`);
}
