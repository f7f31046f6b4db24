// The health check a plan administrator runs after deploying: every sheet and header the jobs need, the settings,
// the triggers and whose they are, each job's last successful run, the email quota and the problems count, each a
// pass or a fail with a line saying why. Decided from what was read; the clock comes in as `now`.
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
  mailQuota: number;
  jobs: readonly WatchedJob[];
}

const MS_PER_DAY = 86_400_000;

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
    mailCheck(reads.mailQuota),
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
      status: `installed by ${record.by}${when} (only they can see or change it)`,
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

function mailCheck(quota: number): HealthCheckItem {
  const name = 'Email quota';
  return quota > 0
    ? pass(name, `${quota} email${quota === 1 ? '' : 's'} left today.`)
    : fail(
        name,
        'no emails left today: reminders are queued and go when Google renews the quota, within 24 hours.',
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
