// Who is reminded of what (DESIGN 2.6): weekly digests, before-due nudges and escalations chosen from the plan, each
// with the ledger keys that stop a second send. Pure: `today` and the settings come in with the plan.
import { parseCode } from './codes';
import { addDays, daysBetween, dayNumber, type IsoDate } from './dates';
import type { AssessedAction, Plan } from './plan';
import { daysOverdue } from './rag';
import { type Settings, WEEKDAYS } from './settings';

export const REMINDER_KINDS = ['digest', 'nudge', 'escalation'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Where a line stands in its email: the digest's three sections, a nudge, or an escalation. */
export type ReminderSection = 'overdue' | 'dueSoon' | 'stale' | 'nudge' | 'escalation';

export interface ReminderLine {
  section: ReminderSection;
  code: string;
  /** The Actions row now (for the link to it); the row is never used to find the action again. */
  row: number;
  /** The Action text in full; the email shortens it. */
  action: string;
  /** Lead names as the plan gives them (an escalation names whose action it is). */
  leads: string[];
  status: string;
  effectiveTargetDate?: IsoDate;
  /** Days past the effective target date; 0 when not overdue. */
  daysOverdue: number;
  /** Days until the effective target date (0: due today) for due-soon and nudge lines. */
  daysUntilDue?: number;
  stale: boolean;
  lastUpdated?: IsoDate;
  /**
   * The ledger keys this line settles: a nudge's, one per "Remind before" threshold reached (a revised date makes
   * new keys). Empty for digest and escalation lines, whose email's one key covers them.
   */
  keys: string[];
}

export interface PlannedReminder {
  kind: ReminderKind;
  /** The one address it is for, as People gives it: one email per address per kind per period. */
  recipient: string;
  /**
   * The People rows behind the address, sorted, for the greeting: for a digest or nudge, the leads whose actions it
   * lists (a group's row and a person's may share one); for an escalation, the rows whose own Email it is (the
   * manager's), empty when no row holds it.
   */
  names: string[];
  /** Digest and escalation: the first day of the digest week; nudge: today. */
  period: IsoDate;
  /** Ledger keys it settles: the email's own key (digest, escalation) or its lines' keys (nudge). */
  keys: string[];
  lines: ReminderLine[];
  /** How many actions of each section it stands for, listed or not (its subject and opening count these). */
  counts: Partial<Record<ReminderSection, number>>;
  /** Actions left off the list to keep the email within Gmail's body size limit; it says how many. */
  unlisted: number;
}

/**
 * The most actions one email lists (most urgent first). Gmail refuses a body over 200 KB (400 KB for Workspace);
 * a manager of 800 overdue actions would pass it, and nobody reads such a list anyway. A nudge left off is not
 * recorded as sent, so it comes the next day (see listedOnly).
 */
export const MAX_LINES_PER_EMAIL = 100;

export interface ReminderSelection {
  reminders: PlannedReminder[];
  /** Plain-English reasons someone who should have been reminded was not (lead not in People, no address…). */
  problems: string[];
}

/**
 * The digest week a day belongs to: the latest day on or before `today` that is the Weekly digest day. A digest
 * and an escalation are sent once per such week, however often the job runs.
 */
export function digestWeek(today: IsoDate, settings: Settings): IsoDate {
  const back = (weekdayIndex(today) - WEEKDAYS.indexOf(settings.weeklyDigestDay) + 7) % 7;
  return addDays(today, -back);
}

/** Monday 0 … Sunday 6, from the date alone (1970-01-01, day 0, was a Thursday): no clock, no zone. */
export function weekdayIndex(day: IsoDate): number {
  return (((dayNumber(day) + 3) % 7) + 7) % 7;
}

/** The ledger key of a digest or escalation ("digest|a@x.org|2010-03-08"). Addresses are lower-cased. */
export function periodKey(kind: 'digest' | 'escalation', recipient: string, week: IsoDate): string {
  return `${kind}|${recipient.toLowerCase()}|${week}`;
}

/** The ledger key of a nudge ("nudge|a@x.org|CEA1|2010-03-24|14"): once per action, target date and threshold. */
export function nudgeKey(recipient: string, code: string, target: IsoDate, thresholdDays: number): string {
  return `nudge|${recipient.toLowerCase()}|${code}|${target}|${thresholdDays}`;
}

/** Every reminder of `kinds` the plan calls for today, before the ledger is consulted. */
export function selectReminders(plan: Plan, kinds: readonly ReminderKind[]): ReminderSelection {
  const problems = new ProblemList();
  const reminders: PlannedReminder[] = [];
  const live = plan.actions.filter((a) => !a.cancelled);
  for (const kind of REMINDER_KINDS) {
    if (!kinds.includes(kind)) continue;
    const due = live.filter((a) => CALLS_FOR[kind](a, plan.settings, plan.today));
    const coded = due.filter((a) => {
      if (a.code === '')
        problems.add(`Row ${a.row} has no Code, so its leads were not reminded of it; run Assign codes.`);
      return a.code !== '';
    });
    reminders.push(...SELECTORS[kind](coded, plan, problems));
  }
  return { reminders, problems: problems.list };
}

/**
 * The reminder with what the ledger has already settled taken out: undefined when nothing is left (a digest whose
 * key is settled; a nudge all of whose lines' keys are).
 */
export function withoutSettled(
  reminder: PlannedReminder,
  isSettled: (key: string) => boolean,
): PlannedReminder | undefined {
  if (reminder.kind !== 'nudge') return isSettled(reminder.keys[0]) ? undefined : reminder;
  const lines = reminder.lines
    .map((line) => ({ ...line, keys: line.keys.filter((k) => !isSettled(k)) }))
    .filter((line) => line.keys.length > 0);
  if (lines.length === 0) return undefined;
  return {
    ...reminder,
    lines,
    keys: lines.flatMap((l) => l.keys),
    counts: { nudge: lines.length + reminder.unlisted },
  };
}

/** Which live actions each kind is about (DESIGN 2.6). */
const CALLS_FOR: Record<ReminderKind, (a: AssessedAction, settings: Settings, today: IsoDate) => boolean> = {
  digest: (a) => digestSection(a) !== undefined,
  // "Overdue" is the RAG's word: a Deferred action past its date is not escalated, as the digest does not list it.
  escalation: (a, settings, today) =>
    a.rag === 'Overdue' && daysOverdue(a, today) >= settings.escalateAfterDaysOverdue,
  nudge: (a, settings, today) => thresholdsReached(a, settings, today).length > 0,
};

const SELECTORS: Record<
  ReminderKind,
  (actions: AssessedAction[], plan: Plan, problems: ProblemList) => PlannedReminder[]
> = {
  digest: selectDigests,
  nudge: selectNudges,
  escalation: selectEscalations,
};

/** The first digest section an action belongs in, if any: overdue, then due soon, then only stale. */
function digestSection(a: AssessedAction): 'overdue' | 'dueSoon' | 'stale' | undefined {
  if (a.rag === 'Overdue') return 'overdue';
  if (a.rag === 'Due soon') return 'dueSoon';
  return a.stale ? 'stale' : undefined;
}

/** The "Remind before" thresholds an action not yet overdue has come within (none for ongoing or settled ones). */
function thresholdsReached(a: AssessedAction, settings: Settings, today: IsoDate): number[] {
  if ((a.rag !== 'Due soon' && a.rag !== 'On track') || !a.effectiveTargetDate) return [];
  const days = daysBetween(today, a.effectiveTargetDate);
  return settings.remindBeforeDays.filter((t) => days <= t);
}

const SECTION_ORDER = ['overdue', 'dueSoon', 'stale'] as const;

function selectDigests(actions: AssessedAction[], plan: Plan, problems: ProblemList): PlannedReminder[] {
  const week = digestWeek(plan.today, plan.settings);
  const boxes = new Mailboxes();
  for (const a of actions) {
    const line = lineOf(a, digestSection(a)!, plan.today);
    for (const { name, address } of leadAddresses(a, plan, problems)) boxes.add(address, name, () => line);
  }
  return boxes.all().map((box) => {
    const lines = SECTION_ORDER.flatMap((section) =>
      box.lines.filter((l) => l.section === section).sort(SECTION_SORT[section]),
    );
    return planned('digest', box, week, [periodKey('digest', box.recipient, week)], lines);
  });
}

function selectNudges(actions: AssessedAction[], plan: Plan, problems: ProblemList): PlannedReminder[] {
  const boxes = new Mailboxes();
  for (const a of actions) {
    const target = a.effectiveTargetDate!;
    const thresholds = thresholdsReached(a, plan.settings, plan.today);
    for (const { name, address } of leadAddresses(a, plan, problems)) {
      boxes.add(address, name, (recipient) => ({
        ...lineOf(a, 'nudge', plan.today),
        keys: thresholds.map((t) => nudgeKey(recipient, a.code, target, t)),
      }));
    }
  }
  return boxes.all().map((box) => {
    const lines = [...box.lines].sort(byTargetThenCode);
    return planned(
      'nudge',
      box,
      plan.today,
      lines.flatMap((l) => l.keys),
      lines,
    );
  });
}

function selectEscalations(actions: AssessedAction[], plan: Plan, problems: ProblemList): PlannedReminder[] {
  const week = digestWeek(plan.today, plan.settings);
  const boxes = new Mailboxes();
  // A manager's address may be a People row's own (the Chief Executive's): that row's name greets them.
  const namesByAddress = new Map<string, string[]>();
  for (const p of plan.people.people) {
    for (const e of p.emails)
      namesByAddress.set(e.toLowerCase(), [...(namesByAddress.get(e.toLowerCase()) ?? []), p.name]);
  }
  for (const a of actions) {
    const line = lineOf(a, 'escalation', plan.today);
    const overdue = `${a.code} (${plural(line.daysOverdue, 'day')} overdue)`;
    if (a.leads.length === 0) problems.add(`${overdue} has no Lead, so it was not escalated.`);
    for (const name of a.leads) {
      const person = plan.people.find(name);
      if (!person)
        problems.add(`Lead "${name}" on ${a.code} is not in People, so ${overdue} was not escalated.`);
      else if (person.managerEmails.length === 0)
        problems.add(
          `${person.name} has no Manager email the plan may use (see People), so ${overdue} was not escalated.`,
        );
      else for (const address of person.managerEmails) boxes.add(address, undefined, () => line);
    }
  }
  return boxes.all().map((box) => {
    for (const name of namesByAddress.get(box.recipient.toLowerCase()) ?? []) box.names.add(name);
    const lines = [...box.lines].sort(byMostOverdue);
    return planned('escalation', box, week, [periodKey('escalation', box.recipient, week)], lines);
  });
}

/** Each lead's usable addresses; a lead who cannot be emailed is a problem, and no address is ever guessed. */
function leadAddresses(
  a: AssessedAction,
  plan: Plan,
  problems: ProblemList,
): { name: string; address: string }[] {
  if (a.leads.length === 0) problems.add(`${a.code} has no Lead, so no one was reminded of it.`);
  return a.leads.flatMap((name) => {
    const person = plan.people.find(name);
    if (!person) {
      problems.add(`Lead "${name}" on ${a.code} is not in People, so they were not reminded of it.`);
      return [];
    }
    if (person.emails.length === 0) {
      problems.add(
        `${person.name} has no email address the plan may use (see People), so they were not reminded of ${a.code}.`,
      );
    }
    return person.emails.map((address) => ({ name: person.name, address }));
  });
}

function lineOf(a: AssessedAction, section: ReminderSection, today: IsoDate): ReminderLine {
  const target = a.effectiveTargetDate;
  const untilDue = (section === 'dueSoon' || section === 'nudge') && target !== undefined;
  return {
    section,
    code: a.code,
    row: a.row,
    action: a.action,
    leads: [...a.leads],
    status: a.status,
    ...(target ? { effectiveTargetDate: target } : {}),
    daysOverdue: daysOverdue(a, today),
    ...(untilDue ? { daysUntilDue: daysBetween(today, target) } : {}),
    stale: a.stale,
    ...(a.lastUpdated ? { lastUpdated: a.lastUpdated } : {}),
    keys: [],
  };
}

function planned(
  kind: ReminderKind,
  box: Mailbox,
  period: IsoDate,
  keys: string[],
  lines: ReminderLine[],
): PlannedReminder {
  const counts: PlannedReminder['counts'] = {};
  for (const l of lines) counts[l.section] = (counts[l.section] ?? 0) + 1;
  return {
    kind,
    recipient: box.recipient,
    names: [...box.names].sort(),
    period,
    keys,
    lines,
    counts,
    unlisted: 0,
  };
}

/**
 * The reminder as one email lists it: at most MAX_LINES_PER_EMAIL lines, the most urgent, and how many were left
 * off. Applied after the ledger's settled keys are taken out, so the nudges left off today are listed tomorrow.
 */
export function listedOnly(reminder: PlannedReminder): PlannedReminder {
  if (reminder.lines.length <= MAX_LINES_PER_EMAIL) return reminder;
  const lines = reminder.lines.slice(0, MAX_LINES_PER_EMAIL);
  return {
    ...reminder,
    lines,
    keys: reminder.kind === 'nudge' ? lines.flatMap((l) => l.keys) : reminder.keys,
    unlisted: reminder.unlisted + reminder.lines.length - lines.length,
  };
}

interface Mailbox {
  /** The address as first written in People. */
  recipient: string;
  names: Set<string>;
  lines: ReminderLine[];
}

/** One mailbox per address (compared without case), each action once in it however many of its leads share it. */
class Mailboxes {
  private readonly boxes = new Map<string, Mailbox & { rows: Set<number> }>();

  add(address: string, name: string | undefined, line: (recipient: string) => ReminderLine): void {
    const key = address.toLowerCase();
    let box = this.boxes.get(key);
    if (!box) {
      box = { recipient: address, names: new Set(), lines: [], rows: new Set() };
      this.boxes.set(key, box);
    }
    if (name !== undefined) box.names.add(name);
    const made = line(box.recipient);
    if (box.rows.has(made.row)) return;
    box.rows.add(made.row);
    box.lines.push(made);
  }

  /** Every mailbox, in address order so a run's sends (and its tests) do not depend on the sheet's row order. */
  all(): Mailbox[] {
    return [...this.boxes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, box]) => box);
  }
}

/** Plain-English problems, each once, in the order they were met. */
class ProblemList {
  readonly list: string[] = [];
  private readonly seen = new Set<string>();

  add(message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.list.push(message);
  }
}

/** CEA2 before CEA10: by stem, then number; codes that are not codes by their text. */
export function compareCodes(a: string, b: string): number {
  const pa = parseCode(a);
  const pb = parseCode(b);
  if (pa && pb && pa.stem === pb.stem) return pa.number - pb.number;
  return a < b ? -1 : a > b ? 1 : 0;
}

function byMostOverdue(a: ReminderLine, b: ReminderLine): number {
  return b.daysOverdue - a.daysOverdue || compareCodes(a.code, b.code);
}

function byTargetThenCode(a: ReminderLine, b: ReminderLine): number {
  const ta = a.effectiveTargetDate ?? '';
  const tb = b.effectiveTargetDate ?? '';
  return (ta < tb ? -1 : ta > tb ? 1 : 0) || compareCodes(a.code, b.code);
}

const SECTION_SORT: Record<(typeof SECTION_ORDER)[number], (a: ReminderLine, b: ReminderLine) => number> = {
  overdue: byMostOverdue,
  dueSoon: byTargetThenCode,
  stale: (a, b) => compareCodes(a.code, b.code),
};

/** "1 day", "16 days". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
