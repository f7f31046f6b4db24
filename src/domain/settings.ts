// The Settings sheet (DESIGN 2.8): one row per setting; a bad or missing value is a problem and its default is used.
import { isValidEmail, splitEmails } from './email';
import { type IsoDate, isoDateInZone } from './dates';
import type { Problem } from './problems';
import { parseExactDate } from './timescale';
import { isBlankRow, mapColumns, normaliseHeader } from './schema';
import { isDate } from './values';

export const SETTINGS_SHEET = 'Settings';

export const SETTINGS_COLUMNS = {
  headers: { setting: 'Setting', value: 'Value', notes: 'Notes' },
  required: ['setting', 'value'] as const,
};

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Settings {
  organisationName: string;
  planTitle: string;
  committee: string;
  reportBy: string;
  classification: string;
  committeeMeetingDates: IsoDate[];
  draftReportDaysBeforeMeeting: number;
  dueSoonWindowDays: number;
  staleAfterDays: number;
  remindBeforeDays: number[];
  escalateAfterDaysOverdue: number;
  weeklyDigestDay: Weekday;
  weeklyDigestHour: number;
  allowedEmailDomains: string[];
  sendAllEmailTo: string[];
  administratorEmail: string;
  reportTemplateDocumentId: string;
  /**
   * Settings that keep email safe (Allowed email domains, Send all email to) whose value could not be read. Their
   * defaults would allow every domain and send for real, so reminders must send nothing while this is not empty.
   */
  unsafeEmailSettings: string[];
}

/** A setting's reading of its cell: the value, or why it cannot be used. */
type Parsed<T> = { value: T } | { error: string };
type Parser<T> = (text: string, raw: unknown, timeZone: string) => Parsed<T>;

const ok = <T>(value: T): Parsed<T> => ({ value });
const bad = <T>(error: string): Parsed<T> => ({ error });

interface SettingDef<K extends keyof Settings> {
  key: K;
  name: string;
  default: Settings[K];
  parse: Parser<Settings[K]>;
  notes: string;
}

const plainText: Parser<string> = (t) => ok(t);
const wholeNumber =
  (min: number, max: number): Parser<number> =>
  (t) =>
    /^\d+$/.test(t) && +t >= min && +t <= max
      ? ok(+t)
      : bad(`should be a whole number from ${min} to ${max}`);
const dayList: Parser<number[]> = (t) => {
  const parts = t.split(/[,;\s]+/).filter(Boolean);
  if (!parts.length || parts.some((p) => !/^\d+$/.test(p) || +p < 1 || +p > 365)) {
    return bad('should be whole numbers of days from 1 to 365, separated by commas (for example 14, 3)');
  }
  return ok([...new Set(parts.map(Number))].sort((a, b) => b - a));
};
const weekday: Parser<Weekday> = (t) => {
  const day = WEEKDAYS.find(
    (d) => d.toLowerCase() === t.toLowerCase() || d.slice(0, 3).toLowerCase() === t.toLowerCase(),
  );
  return day ? ok(day) : bad(`should be a day of the week (${WEEKDAYS.join(', ')})`);
};
const domains: Parser<string[]> = (t) => {
  const list = t
    .split(/[,;\s]+/)
    .map((d) => d.replace(/^@/, '').toLowerCase())
    .filter(Boolean);
  const wrong = list.find(
    (d) => !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(d),
  );
  return wrong ? bad(`"${wrong}" is not a domain name (for example example.gov.uk)`) : ok(list);
};
const emails: Parser<string[]> = (t) => {
  const list = splitEmails(t);
  const wrong = list.find((e) => !isValidEmail(e));
  return wrong ? bad(`"${wrong}" is not a valid email address`) : ok(list);
};
const email: Parser<string> = (t) => (isValidEmail(t) ? ok(t) : bad(`"${t}" is not a valid email address`));
const dates: Parser<IsoDate[]> = (t, raw, timeZone) => {
  if (isDate(raw)) return ok([isoDateInZone(raw, timeZone)]);
  const parts = t
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const parsed = parts.map((p) => parseExactDate(p));
  const wrong = parts.find((_, i) => !parsed[i]);
  return wrong
    ? bad(`"${wrong}" is not a date (write dates as 2010-04-19 or 19/04/2010, separated by commas)`)
    : ok((parsed as IsoDate[]).sort());
};

export const SETTING_DEFS: SettingDef<keyof Settings>[] = [
  def(
    'organisationName',
    'Organisation name',
    '',
    plainText,
    'The council’s name, shown in reports and as the email sender.',
  ),
  def(
    'planTitle',
    'Plan title',
    'Corporate Improvement Plan',
    plainText,
    'The plan’s name in reports and emails.',
  ),
  def('committee', 'Committee', 'Cabinet', plainText, 'The committee that receives the report.'),
  def('reportBy', 'Report by', '', plainText, 'The "By:" line of the report.'),
  def('classification', 'Classification', 'Unrestricted', plainText, 'The report’s classification line.'),
  def(
    'committeeMeetingDates',
    'Committee meeting dates',
    [],
    dates,
    'Dates of the meetings that receive the report, separated by commas.',
  ),
  def(
    'draftReportDaysBeforeMeeting',
    'Draft report days before meeting',
    14,
    wholeNumber(1, 90),
    'How many days before a meeting the draft report is built.',
  ),
  def(
    'dueSoonWindowDays',
    'Due-soon window (days)',
    28,
    wholeNumber(1, 365),
    'An action is Due soon when its target date is within this many days.',
  ),
  def(
    'staleAfterDays',
    'Stale after (days)',
    90,
    wholeNumber(1, 3650),
    'An action with no update for this many days is flagged as stale.',
  ),
  def(
    'remindBeforeDays',
    'Remind before (days)',
    [14, 3],
    dayList,
    'Leads get a nudge this many days before a target date.',
  ),
  def(
    'escalateAfterDaysOverdue',
    'Escalate after (days overdue)',
    28,
    wholeNumber(1, 3650),
    'Overdue actions go to the lead’s manager after this many days.',
  ),
  def('weeklyDigestDay', 'Weekly digest day', 'Monday', weekday, 'The day the weekly email goes out.'),
  def(
    'weeklyDigestHour',
    'Weekly digest hour',
    8,
    wholeNumber(0, 23),
    'The hour (0–23) the weekly email goes out.',
  ),
  def(
    'allowedEmailDomains',
    'Allowed email domains',
    [],
    domains,
    'Only addresses in these domains are ever emailed; blank allows all.',
  ),
  def(
    'sendAllEmailTo',
    'Send all email to',
    [],
    emails,
    'Test mode: every email goes here instead, naming who it was for.',
  ),
  def(
    'administratorEmail',
    'Administrator email',
    '',
    email,
    'Who is told when a job fails or mail runs short.',
  ),
  def(
    'reportTemplateDocumentId',
    'Report template document ID',
    '',
    plainText,
    'A Google Doc whose text and {{placeholders}} the report starts from.',
  ),
];

export const DEFAULT_SETTINGS: Settings = {
  ...(Object.fromEntries(SETTING_DEFS.map((d) => [d.key, d.default])) as unknown as Settings),
  unsafeEmailSettings: [],
};

/** A typo in these must not fall back to "email anyone, for real". */
const EMAIL_SAFETY_SETTINGS: (keyof Settings)[] = ['allowedEmailDomains', 'sendAllEmailTo'];

export function parseSettings(
  rows: readonly (readonly unknown[])[] | undefined,
  timeZone: string,
): { settings: Settings; problems: Problem[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS, unsafeEmailSettings: [] };
  if (!rows || rows.length === 0) return { settings, problems: [] };
  const { errors, text, raw: rawOf } = mapColumns(SETTINGS_SHEET, rows[0], SETTINGS_COLUMNS);
  const problems: Problem[] = errors.map((message) => ({ sheet: SETTINGS_SHEET, row: 1, code: '', message }));
  if (errors.length) return { settings, problems };
  const byName = new Map(SETTING_DEFS.map((d) => [normaliseHeader(d.name), d]));
  const seen = new Set<string>();
  rows.slice(1).forEach((row, i) => {
    if (isBlankRow(row)) return;
    const rowNumber = i + 2;
    const problem = (message: string) =>
      problems.push({ sheet: SETTINGS_SHEET, row: rowNumber, code: '', column: 'Value', message });
    const name = text(row, 'setting');
    const d = byName.get(normaliseHeader(name));
    if (!d) return problem(`"${name}" is not a setting this plan knows; check the spelling.`);
    if (seen.has(d.key)) return problem(`"${d.name}" is set twice; the first row is used.`);
    seen.add(d.key);
    const raw = rawOf(row, 'value');
    const value = isDate(raw) ? isoDateInZone(raw, timeZone) : text(row, 'value');
    if (value === '') return; // blank means "use the default"
    const parsed = d.parse(value, raw, timeZone);
    if ('error' in parsed && EMAIL_SAFETY_SETTINGS.includes(d.key)) {
      settings.unsafeEmailSettings.push(d.name);
      problem(`${d.name} ${parsed.error}; no reminder email is sent until it is corrected.`);
    } else if ('error' in parsed) {
      problem(`${d.name} ${parsed.error}; the default (${formatSetting(d.default)}) is used.`);
    } else (settings as unknown as Record<string, unknown>)[d.key] = parsed.value;
  });
  return { settings, problems };
}

export function formatSetting(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return value === '' ? 'blank' : String(value);
}

function def<K extends keyof Settings>(
  key: K,
  name: string,
  dflt: Settings[K],
  parse: Parser<Settings[K]>,
  notes: string,
): SettingDef<keyof Settings> {
  return { key, name, default: dflt, parse, notes } as unknown as SettingDef<keyof Settings>;
}
