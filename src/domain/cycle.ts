// The update-cycle diff (DESIGN 2.5): which baseline actions are retained, deleted or updated, and which are added.
import { parseCode } from './codes';
import { formatLongDate, isIsoDate } from './dates';
import { type AssessedAction, type Plan } from './plan';
import type { Baseline, BaselineAction, CycleDiff, FieldChange } from './reportTypes';

/** A code as a reader means it: case-insensitive, and CEA01 is CEA1. */
export function codeKey(code: string): string {
  const parsed = parseCode(code);
  return parsed ? `${parsed.stem}${parsed.number}` : code.trim().toUpperCase();
}

/**
 * How the diff names an action: its code, or for a row without one (which no baseline can hold) its row, so it can
 * still be listed as added.
 */
export function diffKey(action: { code: string; row: number }): string {
  return action.code ? action.code : `Row ${action.row} (no code)`;
}

/** Lead names as the baseline stores and the report shows them. */
export function leadText(leads: readonly string[]): string {
  return leads.join(' / ');
}

/** Counted as added: live (not cancelled), not complete, not in the baseline. See newActionsAlreadyComplete. */
function isOpen(a: AssessedAction): boolean {
  return !a.cancelled && !a.complete;
}

/**
 * The diff of today's plan against a baseline. Without one (the plan's first report) every open action is added.
 * Added actions are the open ones only: the next baseline then holds exactly retained + updated + added (when nothing
 * changes in between), and an action both new and already complete is listed by newActionsAlreadyComplete instead of
 * being "proposed to be added" and then never counted again.
 */
export function diffAgainstBaseline(plan: Plan, baseline: Baseline | undefined): CycleDiff {
  const byKey = new Map<string, AssessedAction>();
  for (const a of plan.actions) if (a.code && !byKey.has(codeKey(a.code))) byKey.set(codeKey(a.code), a);

  if (!baseline) {
    return { retained: [], deleted: [], updated: [], added: plan.actions.filter(isOpen).map(diffKey) };
  }
  const inBaseline = new Set(baseline.actions.map((b) => codeKey(b.code)));
  const diff: CycleDiff = {
    baseline: { cycle: baseline.cycle, takenAt: baseline.takenAt, count: baseline.actions.length },
    retained: [],
    deleted: [],
    updated: [],
    added: plan.actions.filter((a) => isOpen(a) && !(a.code && inBaseline.has(codeKey(a.code)))).map(diffKey),
  };
  for (const b of baseline.actions) {
    const now = byKey.get(codeKey(b.code));
    if (!now) diff.deleted.push({ code: b.code, reason: 'gone', baseline: b });
    else if (now.cancelled) diff.deleted.push({ code: now.code, reason: 'cancelled', baseline: b });
    else if (now.complete) diff.deleted.push({ code: now.code, reason: 'complete', baseline: b });
    else {
      const changes = changesSince(b, now);
      if (changes.length) diff.updated.push({ code: now.code, changes });
      else diff.retained.push(now.code);
    }
  }
  return diff;
}

/** Actions not in the diff's baseline that are already complete: new work finished within the cycle. */
export function newActionsAlreadyComplete(plan: Plan, diff: CycleDiff): AssessedAction[] {
  const inBaseline = new Set(
    [...diff.retained, ...diff.updated.map((u) => u.code), ...diff.deleted.map((d) => d.code)].map(codeKey),
  );
  return plan.actions.filter(
    (a) => !a.cancelled && a.complete && !(a.code && inBaseline.has(codeKey(a.code))),
  );
}

/**
 * What changed in the fields DESIGN 2.5 compares. Text is compared trimmed with runs of spaces as one (a doubled space
 * is no change to tell a committee about); Lead as its set of names, ignoring case and order as People does.
 */
export function changesSince(b: BaselineAction, now: AssessedAction): FieldChange[] {
  const changes: FieldChange[] = [];
  if (!same(b.action, now.action)) changes.push({ field: 'Action', old: b.action, new: now.action });
  if (!same(b.timescale, now.timescale)) {
    changes.push({ field: 'Timescale', old: showDate(b.timescale), new: showDate(now.timescale) });
  }
  if ((b.effectiveTargetDate ?? '') !== (now.effectiveTargetDate ?? '')) {
    changes.push({
      field: 'Target date',
      old: showDate(b.effectiveTargetDate ?? ''),
      new: showDate(now.effectiveTargetDate ?? ''),
    });
  }
  const lead = leadText(now.leads);
  if (nameSet(b.lead.split(' / ')) !== nameSet(now.leads))
    changes.push({ field: 'Lead', old: b.lead, new: lead });
  return changes;
}

/** Lead names as a set: "A / B" and "b / a" name the same people. */
function nameSet(names: readonly string[]): string {
  return names
    .map((n) => squash(n).toLowerCase())
    .filter(Boolean)
    .sort()
    .join('\n');
}

function same(a: string, b: string): boolean {
  return squash(a) === squash(b);
}

function squash(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

/** A timescale typed as a date cell arrives as an ISO day; readers see "31 March 2010". */
function showDate(text: string): string {
  return isIsoDate(text) ? formatLongDate(text) : text;
}
