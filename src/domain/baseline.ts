// A baseline (DESIGN 2.5) read from the Snapshots sheet: the actions of one cycle's copy that were live and not complete.
import { type ActionContext, parseActions } from './actions';
import type { Baseline, BaselineAction } from './reportTypes';
import { codeKey, leadText } from './cycle';
import { normaliseHeader } from './schema';

/** Snapshots' own bookkeeping column that says which cycle start a row was copied at. */
const CYCLE_HEADER = 'Cycle';

/** The Snapshots sheet cannot be read as a baseline (a header missing or doubled): the report must not guess. */
export class BaselineError extends Error {}

/**
 * The baseline of `cycle`: its Snapshots rows parsed as Actions rows (columns by header, the bookkeeping columns
 * ignored), keeping the actions that were live and not complete when it was taken. Rows without a code cannot be
 * matched to today's plan, so they are left out (the same row today counts as added); a code copied twice keeps its
 * first row, as a code names one action.
 */
export function baselineFromSnapshot(
  values: readonly (readonly unknown[])[],
  cycle: number,
  record: { takenAt: Date; takenBy: string },
  ctx: ActionContext,
): Baseline {
  if (values.length === 0) {
    throw new BaselineError(
      `Update cycle ${cycle} was started, but the Snapshots sheet that holds its baseline is empty or missing, so ` +
        'the report cannot tell what changed. Restore the sheet from the spreadsheet’s version history.',
    );
  }
  const header = values[0];
  const cycleColumn = header.findIndex((h) => normaliseHeader(h) === normaliseHeader(CYCLE_HEADER));
  if (cycleColumn < 0) {
    throw new BaselineError(
      `The Snapshots sheet has no "${CYCLE_HEADER}" column, so the baseline of update cycle ${cycle} cannot be found. ` +
        'Restore its header row (Improvement Plan › Set up or repair this spreadsheet shows the headers).',
    );
  }
  const rows = values.slice(1).filter((row) => cycleNumber(row[cycleColumn]) === cycle);
  const parsed = parseActions([header, ...rows], ctx);
  if (parsed.errors.length) {
    throw new BaselineError(
      `The baseline of update cycle ${cycle} cannot be read from the Snapshots sheet: ${parsed.errors.join(' ')}`,
    );
  }
  const seen = new Set<string>();
  const actions: BaselineAction[] = [];
  for (const a of parsed.actions) {
    if (a.cancelled || a.complete || a.code === '') continue;
    const key = codeKey(a.code);
    if (seen.has(key)) continue;
    seen.add(key);
    actions.push({
      code: a.code,
      theme: a.theme,
      category: a.category,
      action: a.action,
      timescale: a.timescale,
      ...(a.effectiveTargetDate ? { effectiveTargetDate: a.effectiveTargetDate } : {}),
      lead: leadText(a.leads),
      status: a.status,
    });
  }
  return { cycle, takenAt: record.takenAt, takenBy: record.takenBy, actions };
}

/** The Cycle cell as a whole number (Sheets may hand back 3 or "3"); NaN when it is not one. */
function cycleNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return Number.isInteger(n) ? n : Number.NaN;
}
