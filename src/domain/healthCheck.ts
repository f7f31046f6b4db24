// The health check a plan administrator runs after deploying: every sheet and header the jobs need, the settings,
// the triggers and whose they are, each job's last successful run, staff saves still waiting for the Audit log, the
// email quota and the problems count, each a pass or a fail with a line saying why. Decided from what was read; the clock comes in as `now`.
import { isoDateInZone } from './dates';
import type { SheetLayout } from './layout';
import { type PlanValues, readPlan } from './plan';
import { checkProblems } from './planCheck';
import { normaliseHeader } from './schema';
import { parseSettings } from './settings';
import { formatDateTime, lastSuccessfulRuns } from './settingsView';
import { planSheetRepair } from './sheetRepair';

export interface HealthCheckItem {
  name: string;
  ok: boolean;
  /** Why it passed or failed, and for a failure what to do, in plain English. */
  detail: string;
}

export const NOT_INSTALLED = 'not installed — run Set up or repair';

export const SETUP_ADVICE = 'choose Improvement Plan › Set up or repair this spreadsheet';

/** One sheet of the layout as found: its header row, [] for an empty sheet, null when no sheet has its name. */
export interface SheetRead {
  layout: SheetLayout;
  headerRow: readonly unknown[] | null;
}

/** A product trigger as the health check names it. */
export interface TriggerSpec {
  handler: string;
  label: string;
  schedule: string;
}

/** What setup recorded about a trigger it installed (the account it runs as, and when, an ISO instant). */
export interface TriggerRecord {
  id: string;
  by: string;
  at: string;
}

/**
 * A job whose Run log rows are checked. With `handler` and `everyDays` its trigger should give it a successful run
 * that often; without, one successful run ever is enough (setup).
 */
export interface WatchedJob {
  job: string;
  handler?: string;
  everyDays?: number;
  /** What gives it a first successful run, for the failure's detail. */
  advice: string;
}

export interface HealthReads {
  now: Date;
  timeZone: string;
  /** The account the check runs as: getProjectTriggers lists only its triggers. */
  me: string;
  /** Every sheet of the layout, in layout order. */
  sheets: SheetRead[];
  /** Actions, People, Lists and Settings whole, as Check the plan reads them. */
  plan: PlanValues;
  runLog: readonly (readonly unknown[])[] | undefined;
  /** The product's triggers for the Settings in force. */
  triggers: readonly TriggerSpec[];
  /** Setup's records by handler. */
  records: Partial<Record<string, TriggerRecord>>;
  /** The project's triggers that belong to `me`. */
  mine: readonly { id: string; handler: string }[];
  /** MailApp's quota left today: the account the check runs as (`me`), not the reminder triggers' installer. */
  mailQuota: number;
  jobs: readonly WatchedJob[];
  /** When each Update progress save still queued for the Audit log was made (undefined: its record says no time). */
  waitingSaves: readonly (Date | undefined)[];
}

const MS_PER_DAY = 86_400_000;

/**
 * A staff save waits at most one run of its 5-minute trigger; three runs' worth means the trigger is missing or
 * failing (or the script lock was held that long).
 */
export const SAVES_WAIT_MINUTES = 15;

/** The handlers whose runs send reminder emails, so whose quota they use. */
const REMINDER_HANDLERS = ['sendWeeklyReminders', 'sendDailyReminders'];

/** Sheets, settings, triggers, last runs, email quota, problems: the order an administrator puts them right in. */
export function checkHealth(reads: HealthReads): HealthCheckItem[] {
  const triggers = reads.triggers.map((spec) => ({
    spec,
    ...triggerStatus(spec, reads.records[spec.handler], reads.mine, reads.me, reads.timeZone),
  }));
  return [
    ...reads.sheets.map(sheetCheck),
    settingsCheck(reads),
    ...triggers.map(({ spec, installed, status }) => ({
      name: `Trigger: ${spec.label}`,
      ok: installed,
      detail: installed ? `${status}; runs ${spec.schedule}.` : `${status}.`,
    })),
    ...lastRunChecks(reads, triggers),
    waitingSavesCheck(reads),
    mailCheck(reads),
    problemsCheck(reads),
  ];
}

/**
 * Whether a product trigger is installed, and whose it is, in words. A trigger belongs to whoever made it and
 * getProjectTriggers lists only the current user's, so one installed by someone else is known only from setup's
 * record; one recorded as the current user's must also still exist.
 */
export function triggerStatus(
  spec: Pick<TriggerSpec, 'handler'>,
  record: TriggerRecord | undefined,
  mine: readonly { id: string; handler: string }[],
  me: string,
  timeZone: string,
): { installed: boolean; status: string; at?: Date } {
  const at = record ? new Date(record.at) : undefined;
  const known = at && !Number.isNaN(at.getTime()) ? at : undefined;
  const when = known ? ` on ${formatDateTime(known, timeZone)}` : '';
  if (record && record.by !== me) {
    return {
      installed: true,
      status: `installed by ${record.by}${when}, known from setup’s record only (only they can see or change it)`,
      at: known,
    };
  }
  const found = mine.find((t) => (record ? t.id === record.id : t.handler === spec.handler));
  if (!found) return { installed: false, status: NOT_INSTALLED };
  return record
    ? { installed: true, status: `installed by ${record.by}${when}`, at: known }
    : { installed: true, status: `installed by ${me}` };
}

function pass(name: string, detail: string): HealthCheckItem {
  return { name, ok: true, detail };
}

function fail(name: string, detail: string): HealthCheckItem {
  return { name, ok: false, detail };
}

function quoted(headers: readonly string[]): string {
  return headers.map((h) => `"${h}"`).join(', ');
}

/**
 * A sheet fails when setup would change it (missing, empty, Actions columns it adds, a log's later headers), when a
 * required header is missing or doubled (setup refuses; the jobs stop), or when a log the script writes column by
 * column lacks a header. An optional column of a plan sheet a council chose not to keep is named but passes.
 */
function sheetCheck({ layout, headerRow }: SheetRead): HealthCheckItem {
  const name = `${layout.name} sheet`;
  if (headerRow === null) return fail(name, `missing: ${SETUP_ADVICE} to make it.`);
  if (layout.headers.length === 0) return pass(name, 'present.');
  const repair = planSheetRepair(layout, headerRow);
  if (repair.state !== 'present') return fail(name, `empty: ${SETUP_ADVICE} to lay it out.`);
  if (repair.errors.length) return fail(name, repair.errors.join(' '));
  const present = new Set(headerRow.map(normaliseHeader));
  const missing = layout.headers.filter((h) => !present.has(normaliseHeader(h)));
  if (repair.added.length) {
    return fail(name, `no ${quoted(repair.added)} column: ${SETUP_ADVICE} to add it after the last column.`);
  }
  if (layout.scriptOnly && missing.length) {
    return fail(
      name,
      `no ${quoted(missing)} column: the script writes this sheet column by column, so its header row must read ` +
        `${quoted(layout.headers)}. Rename the sheet (setup makes a new one) or put the header row right.`,
    );
  }
  if (missing.length) {
    return pass(
      name,
      `every column the jobs need is there (no ${quoted(missing)} column, which is optional).`,
    );
  }
  return pass(name, 'every column is there.');
}

function settingsCheck({ plan, timeZone }: HealthReads): HealthCheckItem {
  const name = 'Settings';
  if (!plan.settings) return pass(name, 'no Settings sheet, so every default is used.');
  const { problems } = parseSettings(plan.settings, timeZone);
  if (problems.length === 0) return pass(name, 'every setting on the sheet is usable.');
  return fail(
    name,
    problems.map((p) => (p.row > 1 ? `Settings row ${p.row}: ${p.message}` : p.message)).join(' '),
  );
}

/**
 * A watched job with a trigger fails when its trigger should have given it a successful run by now and has not:
 * a day's grace past its period, counted from the later of its last success and its trigger's installation. Any
 * other job in the Run log is listed with its last success, as a pass.
 */
function lastRunChecks(
  reads: HealthReads,
  triggers: readonly { spec: TriggerSpec; installed: boolean; at?: Date }[],
): HealthCheckItem[] {
  const last = new Map(lastSuccessfulRuns(reads.runLog).map((r) => [r.job, r.finished]));
  const when = (d: Date) => formatDateTime(d, reads.timeZone);
  const watched = reads.jobs.map(({ job, handler, everyDays, advice }) => {
    const name = `Last successful run: ${job}`;
    const finished = last.get(job);
    const trigger = triggers.find((t) => t.spec.handler === handler);
    if (!handler || !everyDays || !trigger) {
      return finished ? pass(name, when(finished)) : fail(name, `none yet: ${advice}.`);
    }
    const grace = (everyDays + 1) * MS_PER_DAY;
    const since = (d: Date | undefined) => d !== undefined && reads.now.getTime() - d.getTime() <= grace;
    if (finished && since(finished)) return pass(name, when(finished));
    if (trigger.installed && since(trigger.at)) {
      return pass(
        name,
        `${finished ? `${when(finished)}; ` : 'none yet; '}its trigger was installed on ${when(trigger.at as Date)} ` +
          `and runs ${trigger.spec.schedule}.`,
      );
    }
    const period = everyDays === 1 ? 'every day' : `every ${everyDays} days`;
    const why = trigger.installed
      ? `its trigger should run it ${period}: the Run log’s failed rows, or Google’s failure emails to whoever ` +
        'installed the trigger, say why.'
      : `its trigger is ${NOT_INSTALLED}.`;
    return fail(
      name,
      `${finished ? `${when(finished)}, more than ${everyDays + 1} days ago` : 'none recorded'}; ${why}`,
    );
  });
  const named = new Set(reads.jobs.map((j) => j.job));
  const others = [...last]
    .filter(([job]) => !named.has(job))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([job, finished]) => pass(`Last successful run: ${job}`, when(finished)));
  return [...watched, ...others];
}

/**
 * Saves staff made in Update progress wait in the document's properties until a run as the administrator writes them;
 * one waiting longer than SAVES_WAIT_MINUTES means those runs are not happening.
 */
function waitingSavesCheck({ waitingSaves, now, timeZone }: HealthReads): HealthCheckItem {
  const name = 'Staff saves waiting';
  const n = waitingSaves.length;
  if (n === 0) return pass(name, 'none: every Update progress save is in the Audit log.');
  const times = waitingSaves.filter((t): t is Date => t !== undefined).map((t) => t.getTime());
  const oldest = times.length ? new Date(Math.min(...times)) : undefined;
  const saves = `${n} Update progress save${n === 1 ? '' : 's'} waiting for the Audit log`;
  const since = oldest ? `, the oldest from ${formatDateTime(oldest, timeZone)}` : '';
  const tooOld = !!oldest && now.getTime() - oldest.getTime() > SAVES_WAIT_MINUTES * 60_000;
  // A record without a time cannot show it is recent: it counts as late.
  if (!tooOld && times.length === n) {
    return pass(name, `${saves}${since}: the staff saves trigger writes them within minutes.`);
  }
  const why = tooOld
    ? `${since} (more than ${SAVES_WAIT_MINUTES} minutes ago)`
    : ', some with no time in their record';
  return fail(
    name,
    `${saves}${why}: their Audit log rows, Last updated and colours are not written. See that the trigger for ` +
      '"Staff saves from Update progress into the Audit log" is installed, and the Run log’s failed rows; ' +
      'Refresh status colours writes them at once.',
  );
}

/** MailApp reports the quota of the account that asks; the reminder triggers send as whoever installed them. */
function mailCheck({ mailQuota: quota, me, records }: HealthReads): HealthCheckItem {
  const name = 'Email quota';
  const others = new Set<string>();
  for (const handler of REMINDER_HANDLERS) {
    const by = records[handler]?.by;
    if (by && by !== me) others.add(by);
  }
  const left =
    `Emails left today for ${me}: ${quota} — the reminder triggers use their installer’s quota` +
    (others.size ? ` (${[...others].join(' and ')}’s, not this one).` : '.');
  return quota > 0
    ? pass(name, left)
    : fail(
        name,
        `${left} Email sent as ${me} is queued and goes when Google renews the quota, within 24 hours.`,
      );
}

/** Counted as Check the plan counts them: readPlan's problems and the check's own. */
function problemsCheck({ plan: values, timeZone, now }: HealthReads): HealthCheckItem {
  const name = 'Problems in the plan';
  const plan = readPlan(values, timeZone, isoDateInZone(now, timeZone));
  if (plan.errors.length) return fail(name, `the plan cannot be read: ${plan.errors.join(' ')}`);
  const count = checkProblems(values, plan).length;
  return count === 0
    ? pass(name, 'none.')
    : fail(
        name,
        `${count} problem${count === 1 ? '' : 's'}: choose Improvement Plan › Check the plan to see each one.`,
      );
}

/** The list as the execution log shows it: a count, then one line a check. */
export function healthCheckInWords(checks: readonly HealthCheckItem[]): string {
  const failed = checks.filter((c) => !c.ok).length;
  const head = failed
    ? `Health check: ${failed} of ${checks.length} checks fail.`
    : `Health check: all ${checks.length} checks pass.`;
  return [head, ...checks.map((c) => `${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`)].join('\n');
}
