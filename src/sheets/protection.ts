// Protects what only the script writes (log sheets, Dashboard; Actions' RAG, Last updated and Updated by columns)
// so only the owner and the administrator who ran setup (whose triggers write it) can edit it. Ours are recognised
// by description, so reruns add none.
import { SCRIPT_WRITTEN_ACTION_HEADERS } from '../domain/layout';
import { columnOf } from '../domain/sheetRepair';
import type { ProtectionPort, SpreadsheetPort } from '../gas/ports';
import type { LaidOutSheet } from './sheetLayout';
import { listOf } from './sheetLayout';

/** Every protection setup makes starts with this, which is how a later run finds its own. */
export const PROTECTION_PREFIX = 'Improvement Plan: ';

export const sheetProtectionDescription = (sheet: string) =>
  `${PROTECTION_PREFIX}the ${sheet} sheet is written by the script only`;
export const columnProtectionDescription = (header: string) =>
  `${PROTECTION_PREFIX}the ${header} column is written by the script only`;

export interface ProtectionContext {
  spreadsheet: SpreadsheetPort;
  /** The account the script runs as (Session.getEffectiveUser): the one editor left on each protection. */
  me: string;
  protectionSheet: unknown;
  protectionRange: unknown;
}

export function applyProtections(
  ctx: ProtectionContext,
  sheets: readonly LaidOutSheet[],
  actions: LaidOutSheet | undefined,
  changes: string[],
): void {
  // The spreadsheet's owner can never be removed from a protection, so the owner counts as allowed too.
  const allowed = new Set([ctx.me, ctx.spreadsheet.getOwner()?.getEmail() ?? ''].filter(Boolean));
  const protectedSheets: string[] = [];
  const tightened: string[] = [];
  for (const { layout, sheet } of sheets.filter((s) => s.layout.scriptOnly)) {
    const description = sheetProtectionDescription(layout.name);
    // A sheet has at most one sheet protection; a council's own is taken over rather than doubled.
    const existing = sheet.getProtections(ctx.protectionSheet)[0];
    const protection = existing ?? sheet.protect();
    const described = existing ? existing.getDescription() === description : false;
    if (!described) protection.setDescription(description);
    const locked = lockToOwner(protection, ctx.me, allowed);
    if (!existing) protectedSheets.push(layout.name);
    else if (!described || locked) tightened.push(`the ${layout.name} sheet`);
  }
  if (protectedSheets.length) {
    const plural = protectedSheets.length === 1 ? '' : 's';
    changes.push(`Protected the ${listOf(protectedSheets)} sheet${plural} (only ${ctx.me} can edit).`);
  }
  if (actions) protectColumns(ctx, actions, allowed, changes, tightened);
  if (tightened.length)
    changes.push(`Restored the protection of ${listOf(tightened)} (only ${ctx.me} may edit).`);
}

function protectColumns(
  ctx: ProtectionContext,
  actions: LaidOutSheet,
  allowed: ReadonlySet<string>,
  changes: string[],
  tightened: string[],
): void {
  const { sheet, headers } = actions;
  const maxRows = sheet.getMaxRows();
  const ours = sheet
    .getProtections(ctx.protectionRange)
    .map((protection) => ({ protection, description: protection.getDescription() }))
    .filter((p) => p.description.startsWith(PROTECTION_PREFIX));
  const wanted = new Set<string>();
  const added: string[] = [];
  for (const header of SCRIPT_WRITTEN_ACTION_HEADERS) {
    const column = columnOf(headers, header);
    if (!column) continue;
    const description = columnProtectionDescription(header);
    wanted.add(description);
    let found = ours.find((p) => p.description === description)?.protection;
    if (found && !coversColumn(found, column, maxRows)) {
      found.remove(); // the column moved or the sheet grew: protect the column where it is now
      found = undefined;
    }
    if (!found) {
      const protection = sheet.getRange(1, column, maxRows, 1).protect().setDescription(description);
      lockToOwner(protection, ctx.me, allowed);
      added.push(header);
    } else if (lockToOwner(found, ctx.me, allowed)) tightened.push(`the ${header} column`);
  }
  for (const p of ours) if (!wanted.has(p.description)) p.protection.remove();
  if (added.length) {
    changes.push(
      `${sheet.getName()}: protected the ${listOf(added)} column${added.length === 1 ? '' : 's'} ` +
        `(written by the script only; staff can still edit every other column).`,
    );
  }
}

function coversColumn(protection: ProtectionPort, column: number, maxRows: number): boolean {
  const range = protection.getRange();
  return (
    range.getRow() === 1 &&
    range.getColumn() === column &&
    range.getNumColumns() === 1 &&
    range.getNumRows() === maxRows
  );
}

/**
 * Leaves `me` (and the owner, who cannot be removed) as the only editors, with no domain-wide editing and no
 * warning-only mode. Returns whether anything had to change.
 */
function lockToOwner(protection: ProtectionPort, me: string, allowed: ReadonlySet<string>): boolean {
  let changed = false;
  if (protection.isWarningOnly()) {
    protection.setWarningOnly(false);
    changed = true;
  }
  const editors = protection.getEditors().map((e) => e.getEmail());
  if (!editors.includes(me)) {
    protection.addEditor(me);
    changed = true;
  }
  const others = editors.filter((e) => !allowed.has(e));
  if (others.length) {
    protection.removeEditors(others);
    changed = true;
  }
  // canDomainEdit is false on a consumer (gmail) account, where setDomainEdit would throw.
  if (protection.canDomainEdit()) {
    protection.setDomainEdit(false);
    changed = true;
  }
  return changed;
}
