// What the Settings and schedules dialog shows, decided from sheet values: each setting with the value in use, the
// last successful run of each job from the Run log, and instants written as council readers expect.
import { isoDateInZone, timeOfDayInZone } from './dates';
import type { Problem } from './problems';
import { isBlankRow, mapColumns, normaliseHeader } from './schema';
import { formatSetting, parseSettings, SETTING_DEFS, SETTINGS_COLUMNS } from './settings';
import { isDate } from './values';

export interface SettingView {
  name: string;
  /** The value the jobs use: what the sheet says, or the default when it is blank, missing or unusable. */
  value: string;
  isDefault: boolean;
  /** Why the sheet's value is not used ('' when it is fine). */
  problem: string;
}

export interface SettingsView {
  settings: SettingView[];
  /** Problems not about one known setting: an unknown name, a missing header. */
  otherProblems: string[];
}

export function viewSettings(
  rows: readonly (readonly unknown[])[] | undefined,
  timeZone: string,
): SettingsView {
  const { settings, problems } = parseSettings(rows, timeZone);
  const rowOf = settingRows(rows);
  const used = new Set<Problem>();
  const views = SETTING_DEFS.map((def) => {
    const row = rowOf.get(normaliseHeader(def.name));
    const problem = row === undefined ? undefined : problems.find((p) => p.row === row);
    if (problem) used.add(problem);
    const value = (settings as unknown as Record<string, unknown>)[def.key];
    const shown = formatSetting(value);
    return {
      name: def.name,
      value: shown === 'blank' || shown === 'none' ? '(none)' : shown,
      isDefault: problem !== undefined || sameValue(value, def.default),
      problem: problem?.message ?? '',
    };
  });
  return { settings: views, otherProblems: problems.filter((p) => !used.has(p)).map(describe) };
}

/** Row number (header = 1) of the first row naming each setting. */
function settingRows(rows: readonly (readonly unknown[])[] | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!rows?.length) return out;
  const { errors, text } = mapColumns('Settings', rows[0], SETTINGS_COLUMNS);
  if (errors.length) return out;
  rows.slice(1).forEach((row, i) => {
    const key = normaliseHeader(text(row, 'setting'));
    if (key && !out.has(key)) out.set(key, i + 2);
  });
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function describe(p: Problem): string {
  return p.row > 1 ? `Settings row ${p.row}: ${p.message}` : p.message;
}

export interface LastRun {
  job: string;
  finished: Date;
}

const RUN_LOG_COLUMNS = {
  headers: { job: 'Job', finished: 'Finished', outcome: 'Outcome' },
  required: ['job', 'finished', 'outcome'] as const,
};

/** The latest run of each job whose outcome was ok, jobs in alphabetical order; [] when the Run log is unreadable. */
export function lastSuccessfulRuns(rows: readonly (readonly unknown[])[] | undefined): LastRun[] {
  if (!rows?.length) return [];
  const { errors, text, raw } = mapColumns('Run log', rows[0], RUN_LOG_COLUMNS);
  if (errors.length) return [];
  const latest = new Map<string, Date>();
  for (const row of rows.slice(1)) {
    if (isBlankRow(row) || text(row, 'outcome').toLowerCase() !== 'ok') continue;
    const finished = raw(row, 'finished');
    if (!isDate(finished) || Number.isNaN(finished.getTime())) continue;
    const job = text(row, 'job');
    const before = latest.get(job);
    if (!before || finished.getTime() > before.getTime()) latest.set(job, finished);
  }
  return [...latest].map(([job, finished]) => ({ job, finished })).sort((a, b) => a.job.localeCompare(b.job));
}

/** "10/03/2010 09:00" in the spreadsheet's time zone (day first, 24-hour, as UK councils write it). */
export function formatDateTime(instant: Date, timeZone: string): string {
  const [y, m, d] = isoDateInZone(instant, timeZone).split('-');
  return `${d}/${m}/${y} ${timeOfDayInZone(instant, timeZone)}`;
}
