// Builders for the reminder runs: actions overdue or due by a number of days, numbered People, a plan opened with
// an Administrator email, and the Reminder log, Run log and outbox read back as records a test can compare.
import { DEFAULT_OWNER, type LocalRuntimeOptions } from '../../local/runtime';
import { addDays, type IsoDate } from '../../src/domain/dates';
import { REMINDER_LOG_HEADERS, RUN_LOG_HEADERS } from '../../src/domain/layout';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import { openPlan, planData, TODAY } from '../bundle/harness';
import { action, londonMidnight, PEOPLE, type Row, settingsSheet } from './plan';

/** The spreadsheet's owner, who runs setup and so is the plan administrator whose triggers run. */
export const ADMIN = DEFAULT_OWNER;

/** What every reminder plan sets unless a test says otherwise: someone to alert, and a sender name. */
export const REMINDER_SETTINGS: Record<string, unknown> = {
  'Administrator email': ADMIN,
  'Organisation name': 'Example Borough Council',
};

/** The day `offset` days from TODAY (Wednesday 10 March 2010). */
export const day = (offset: number): IsoDate => addDays(TODAY, offset);

/** A date cell `offset` days from TODAY, as Sheets hands it to a script in Europe/London. */
export const dateCell = (offset: number): Date => londonMidnight(day(offset));

/** Last updated a week ago: recent enough that no action is stale unless a test makes it so. */
export const RECENT = dateCell(-7);

/** A live action with a Target date `offset` days from today, updated recently. */
function targeted(offset: number, overrides: Row): Row {
  return action({ Timescale: '', 'Target date': dateCell(offset), 'Last updated': RECENT, ...overrides });
}

/** Overdue by `days` (escalated from 28 by default). */
export const overdue = (days: number, overrides: Row = {}): Row => targeted(-days, overrides);

/** Due in `days` (Due soon within 28; nudged at 14 and 3 by default). */
export const dueIn = (days: number, overrides: Row = {}): Row => targeted(days, overrides);

/** Target two months away and updated recently: no reminder of any kind. */
export const onTrack = (overrides: Row = {}): Row => targeted(60, overrides);

/** "Head of Service 01" … with addresses head.01@example.org …, each managed by the Chief Executive. */
export function heads(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const nn = String(i + 1).padStart(2, '0');
    return {
      Name: `Head of Service ${nn}`,
      Email: `head.${nn}@example.org`,
      Role: 'Head of Service',
      'Manager email': 'chief.executive@example.org',
    };
  });
}

export const headName = (n: number) => `Head of Service ${String(n).padStart(2, '0')}`;
export const headEmail = (n: number) => `head.${String(n).padStart(2, '0')}@example.org`;

/** One action 5 days overdue for each of `n` heads of service: one weekly digest each, no nudge, no escalation. */
export function oneDigestEach(n: number): { actions: Row[]; people: Row[] } {
  return {
    actions: Array.from({ length: n }, (_, i) => overdue(5, { Code: `CEA${i + 1}`, Lead: headName(i + 1) })),
    people: [...PEOPLE, ...heads(n)],
  };
}

export interface ReminderPlanOptions extends LocalRuntimeOptions {
  people?: Row[];
  /** Added to REMINDER_SETTINGS; a value of undefined leaves that setting out. */
  settings?: Record<string, unknown>;
  spreadsheetTimeZone?: string;
  /** Runs Set up or repair first (triggers, protections, the Reminder log). */
  setUp?: boolean;
}

/** The plan opened in a local runtime with the bundle loaded, its Settings sheet holding REMINDER_SETTINGS. */
export function openReminders(actions: Row[], opts: ReminderPlanOptions = {}) {
  const data = planData(actions, { people: opts.people });
  const settings = Object.entries({ ...REMINDER_SETTINGS, ...opts.settings }).filter(
    ([, v]) => v !== undefined,
  );
  data.settings = settingsSheet(Object.fromEntries(settings));
  const opened = openPlan(data, opts);
  if (opts.setUp) {
    const outcome = opened.bundle.run<MenuOutcome<unknown>>('setUpOrRepairSpreadsheet');
    if (!outcome.ok) throw new Error(outcome.message);
    opened.runtime.spreadsheets.ui.reset();
  }
  return {
    ...opened,
    ledger: () => ledgerOf(opened.values),
    runLog: (job?: string) => runLogOf(opened.values, job),
  };
}

export type OpenedReminders = ReturnType<typeof openReminders>;

export interface LedgerRow {
  key: string;
  kind: string;
  recipients: string;
  status: string;
  actions: string;
  details: string;
}

/** The Reminder log's rows as records (none when the sheet does not exist yet). */
export function ledgerOf(values: (name: string) => unknown[][] | undefined): LedgerRow[] {
  const rows = values('Reminder log') ?? [];
  if (rows.length && rows[0].join('|') !== REMINDER_LOG_HEADERS.join('|')) {
    throw new Error(`Reminder log headers are ${rows[0].join(', ')}`);
  }
  return rows
    .slice(1)
    .filter((r) => r[0] !== '' && r[0] !== undefined)
    .map((r) => ({
      key: String(r[0]),
      kind: String(r[1]),
      recipients: String(r[2]),
      status: String(r[3]),
      actions: String(r[6]),
      details: String(r[7]),
    }));
}

export type RunLogRow = Record<(typeof RUN_LOG_HEADERS)[number], unknown>;

/** The Run log's rows as records keyed by header, only `job`'s when given. */
export function runLogOf(values: (name: string) => unknown[][] | undefined, job?: string): RunLogRow[] {
  const rows = values('Run log') ?? [];
  return rows
    .slice(1)
    .filter((r) => r[0] !== '' && (job === undefined || r[0] === job))
    .map((r) => Object.fromEntries(RUN_LOG_HEADERS.map((h, i) => [h, r[i] ?? ''])) as RunLogRow);
}

/** Each sent email's recipients, in the order sent. */
export const sentTo = (runtime: OpenedReminders['runtime']): string[][] =>
  runtime.mail.outbox.map((m) => m.to);

/** The one alert email of a run: its subject names the job and "needs attention". */
export const alertsIn = (runtime: OpenedReminders['runtime']) =>
  runtime.mail.outbox.filter((m) => /needs attention/.test(m.subject));
