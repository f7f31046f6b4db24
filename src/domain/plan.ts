// The whole plan read from its sheets' values: settings, lists, people and actions, each action's RAG, and every problem.
import { type Action, parseActions, type ParsedActions } from './actions';
import type { IsoDate } from './dates';
import { type Lists, parseLists } from './lists';
import { type PeopleDirectory, parsePeople } from './people';
import { byRow, type Problem } from './problems';
import { emptyRagCounts, isStale, type Rag, ragFor } from './rag';
import { parseSettings, type Settings } from './settings';

/** Each sheet's values as getDataRange().getValues() gives them (header row first); undefined when absent. */
export interface PlanValues {
  actions?: unknown[][];
  people?: unknown[][];
  lists?: unknown[][];
  settings?: unknown[][];
}

export interface AssessedAction extends Action {
  /** Undefined for cancelled actions and rows whose status the rules cannot use. */
  rag?: Rag;
  stale: boolean;
}

export interface Plan {
  today: IsoDate;
  timeZone: string;
  settings: Settings;
  lists: Lists;
  people: PeopleDirectory;
  columns: ParsedActions['columns'];
  /** Every non-blank Actions row, in sheet order. */
  actions: AssessedAction[];
  /** What stops any job on the plan: the Actions sheet missing, or a required header missing or doubled. */
  errors: string[];
  /** What stops jobs that need People (reminders): the sheet missing, or its Name or Email header. */
  peopleErrors: string[];
  problems: Problem[];
}

export function readPlan(values: PlanValues, timeZone: string, today: IsoDate): Plan {
  const { settings, problems: settingProblems } = parseSettings(values.settings, timeZone);
  const { lists, problems: listProblems } = parseLists(values.lists);
  const people = parsePeople(values.people, settings.allowedEmailDomains);
  const parsed = parseActions(values.actions, { lists, people: people.directory, timeZone });
  const actions = parsed.actions.map((a) => ({
    ...a,
    rag: a.statusKnown ? ragFor(a, today, settings.dueSoonWindowDays) : undefined,
    stale: a.statusKnown && isStale(a, today, settings.staleAfterDays),
  }));
  return {
    today,
    timeZone,
    settings,
    lists,
    people: people.directory,
    columns: parsed.columns,
    actions,
    errors: parsed.errors,
    peopleErrors: people.errors,
    problems: [
      ...people.errors.map((message) => ({ sheet: 'People', row: 0, code: '', message })),
      ...parsed.problems,
      ...people.problems,
      ...listProblems,
      ...settingProblems,
    ].sort(byRow),
  };
}

/** Live actions: everything not cancelled (DESIGN 2.4). */
export function liveActions(plan: Plan): AssessedAction[] {
  return plan.actions.filter((a) => !a.cancelled);
}

export function countByRag(actions: readonly AssessedAction[]): Record<Rag, number> {
  const counts = emptyRagCounts();
  for (const a of actions) if (a.rag) counts[a.rag] += 1;
  return counts;
}
