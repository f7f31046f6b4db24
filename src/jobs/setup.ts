// Set up or repair this spreadsheet: every sheet, column, header style, entry check, status colour rule,
// protection and trigger the plan needs, made or put right, and nothing else touched; a second run changes nothing.
import { ACTIONS_SHEET } from '../domain/actions';
import { SHEET_LAYOUTS } from '../domain/layout';
import { LISTS_SHEET } from '../domain/lists';
import { planSheetRepair } from '../domain/sheetRepair';
import type { Services } from '../gas/ports';
import { applyRagFormatting } from '../sheets/conditionalFormat';
import { applyProtections } from '../sheets/protection';
import { appendRunLog } from '../sheets/runLog';
import { applySheetRepairs, formatSheet, readHeaderRows } from '../sheets/sheetLayout';
import { applyValidations } from '../sheets/validation';
import { installTriggers } from './installTriggers';
import { withScriptLock } from './withScriptLock';

export const SETUP_JOB = 'Set up or repair';

export const NOTHING_TO_DO = 'The spreadsheet was already set up; nothing needed changing.';

export interface SetupResult {
  /** Plain-English lines saying what was created or changed; empty when nothing needed doing. */
  changes: string[];
  /** What setup could not do (a trigger Google refused, a dropdown with no list), in plain English. */
  problems: string[];
}

/** Thrown when a sheet's headers make setup unsafe; nothing has been written. */
export class SetupRefusedError extends Error {
  constructor(messages: string[]) {
    super(
      `Nothing was changed. ${messages.join(' ')} Correct the header row and run Set up or repair again.`,
    );
    this.name = 'SetupRefusedError';
  }
}

/**
 * Runs from the menu. The summary alert is shown after the lock is released: an alert waits for the person to
 * click OK, and the on-edit trigger must not wait behind it.
 */
export function setUpOrRepair(services: Services): SetupResult {
  const result = withScriptLock(services.lock, SETUP_JOB, () => setUp(services));
  services.ui().alert(summary(result));
  return result;
}

function setUp(services: Services): SetupResult {
  const started = services.now();
  const ss = services.spreadsheet;
  const reads = readHeaderRows(ss, SHEET_LAYOUTS);
  const repairs = reads.map((r) => ({ repair: planSheetRepair(r.layout, r.headerRow), sheet: r.sheet }));
  const errors = repairs.flatMap((r) => r.repair.errors);
  // Checked before the first write: a plan whose columns cannot be told apart is left exactly as it was.
  if (errors.length) throw new SetupRefusedError(errors);

  const changes: string[] = [];
  const problems: string[] = [];
  const sheets = applySheetRepairs(ss, repairs, changes);
  for (const sheet of sheets) formatSheet(sheet, changes);
  const byName = new Map(sheets.map((s) => [s.layout.name, s]));
  applyValidations(byName, LISTS_SHEET, () => services.newDataValidation(), changes, problems);
  const actions = byName.get(ACTIONS_SHEET);
  if (actions) applyRagFormatting(actions, () => services.newConditionalFormatRule(), changes);
  applyProtections(
    {
      spreadsheet: ss,
      me: services.effectiveUserEmail(),
      protectionSheet: services.enums.protectionSheet,
      protectionRange: services.enums.protectionRange,
    },
    sheets,
    actions,
    changes,
  );
  const triggers = installTriggers(services);
  changes.push(...triggers.changes);
  problems.push(...triggers.problems);

  appendRunLog(ss, {
    job: SETUP_JOB,
    started,
    finished: services.now(),
    outcome: triggers.problems.length ? 'failed' : 'ok',
    actions: 0,
    problems: problems.length,
    details: [...problems, ...changes].join(' ') || NOTHING_TO_DO,
  });
  return { changes, problems };
}

function summary({ changes, problems }: SetupResult): string {
  if (!changes.length && !problems.length) return NOTHING_TO_DO;
  const lines = [
    ...(problems.length ? ['Not done:', ...problems.map((p) => `• ${p}`), ''] : []),
    ...(changes.length ? ['Changed:', ...changes.map((c) => `• ${c}`)] : ['Nothing else needed changing.']),
  ];
  return `${SETUP_JOB}\n\n${lines.join('\n')}`;
}
