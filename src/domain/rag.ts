// The status colour rule (DESIGN 2.4), the one place it is decided; `today` is passed in.
import { type IsoDate, addDays, daysBetween } from './dates';

export const RAGS = ['Complete', 'Overdue', 'Due soon', 'On track', 'Ongoing', 'Deferred'] as const;
export type Rag = (typeof RAGS)[number];

/** Row colours keyed on the RAG column (background, text). */
export const RAG_COLOURS: Record<Rag, { background: string; font: string }> = {
  Complete: { background: '#cfe2f3', font: '#073763' },
  Overdue: { background: '#f4cccc', font: '#660000' },
  'Due soon': { background: '#fce5cd', font: '#783f04' },
  'On track': { background: '#b6d7a8', font: '#274e13' },
  Ongoing: { background: '#d9ead3', font: '#274e13' },
  Deferred: { background: '#d9d9d9', font: '#434343' },
};

export interface RagInput {
  complete: boolean;
  deferred: boolean;
  cancelled: boolean;
  effectiveTargetDate?: IsoDate;
}

/** The action's RAG, or undefined for a cancelled action (not live: no RAG, in no total). */
export function ragFor(action: RagInput, today: IsoDate, dueSoonWindowDays: number): Rag | undefined {
  if (action.cancelled) return undefined;
  if (action.complete) return 'Complete';
  if (action.deferred) return 'Deferred';
  const target = action.effectiveTargetDate;
  if (!target) return 'Ongoing';
  if (target < today) return 'Overdue';
  if (target <= addDays(today, dueSoonWindowDays)) return 'Due soon';
  return 'On track';
}

/** Days past the target date (0 when not overdue). */
export function daysOverdue(action: RagInput, today: IsoDate): number {
  return action.effectiveTargetDate && action.effectiveTargetDate < today
    ? daysBetween(action.effectiveTargetDate, today)
    : 0;
}

/** A live, not complete action with no update in `staleAfterDays`, or none recorded at all. */
export function isStale(
  action: RagInput & { lastUpdated?: IsoDate },
  today: IsoDate,
  staleAfterDays: number,
): boolean {
  if (action.cancelled || action.complete) return false;
  return !action.lastUpdated || daysBetween(action.lastUpdated, today) > staleAfterDays;
}

export function emptyRagCounts(): Record<Rag, number> {
  return Object.fromEntries(RAGS.map((r) => [r, 0])) as Record<Rag, number>;
}
