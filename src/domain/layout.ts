// The spreadsheet's sheets as setup makes them (DESIGN 2.1): names, headers, defaults, and who may edit them.
import { ACTION_COLUMNS } from './actions';
import { DEFAULT_LISTS, LISTS_COLUMNS, LISTS_SHEET } from './lists';
import { PEOPLE_COLUMNS, PEOPLE_SHEET } from './people';
import { formatSetting, SETTING_DEFS, SETTINGS_COLUMNS, SETTINGS_SHEET } from './settings';

export interface SheetLayout {
  name: string;
  /** Headers setup writes on a new sheet, in order ([] for a sheet the script lays out itself). */
  headers: string[];
  /** Rows setup writes under the headers of a new sheet (never into a sheet that exists). */
  defaults: unknown[][];
  /** Written by the script only: the sheet is protected so only the owner (who runs the triggers) can edit. */
  scriptOnly: boolean;
  /** Column widths in pixels by header; others keep Sheets' default. */
  widths: Record<string, number>;
  /** Headers whose cells wrap (long text). */
  wrapped: string[];
  /** Headers of date columns, shown day first as council staff write dates. */
  dates?: string[];
}

/** How date columns show their dates (UK order, no time of day). */
export const DATE_FORMAT = 'dd/MM/yyyy';

export const DASHBOARD_SHEET = 'Dashboard';
export const AUDIT_LOG_SHEET = 'Audit log';
export const REMINDER_LOG_SHEET = 'Reminder log';
export const SNAPSHOTS_SHEET = 'Snapshots';
export const ARCHIVE_SHEET = 'Archive';
export const RUN_LOG_SHEET = 'Run log';
export const REPORTS_SHEET = 'Reports';

export const AUDIT_LOG_HEADERS = [
  'Time',
  'Editor',
  'Sheet',
  'Cell',
  'Code',
  'Header',
  'Old value',
  'New value',
];
/** Sent … Failed are the reminder runs' email counts; they come after Details so older Run logs keep their columns. */
export const RUN_LOG_HEADERS = [
  'Job',
  'Started',
  'Finished',
  'Outcome',
  'Actions',
  'Problems',
  'Details',
  'Sent',
  'Skipped',
  'Queued',
  'Failed',
];
export const REMINDER_LOG_HEADERS = [
  'Key',
  'Kind',
  'Recipients',
  'Status',
  'Created',
  'Updated',
  'Actions',
  'Details',
];
export const REPORTS_HEADERS = ['Time', 'Meeting', 'Committee', 'Cycle', 'Link', 'By'];
/** Snapshots and Archive hold whole Actions rows after their own bookkeeping columns. */
export const SNAPSHOT_HEADERS = ['Cycle', 'Taken', 'Taken by', ...Object.values(ACTION_COLUMNS.headers)];
export const ARCHIVE_HEADERS = ['Archived', 'Archived by', 'Cycle', ...Object.values(ACTION_COLUMNS.headers)];

/** The Actions columns only the script writes (protected so staff cannot overwrite them). */
export const SCRIPT_WRITTEN_ACTION_HEADERS = [
  ACTION_COLUMNS.headers.rag,
  ACTION_COLUMNS.headers.lastUpdated,
  ACTION_COLUMNS.headers.updatedBy,
];

const TEXT_WIDTH = 320;

export const SHEET_LAYOUTS: SheetLayout[] = [
  {
    name: 'Actions',
    headers: Object.values(ACTION_COLUMNS.headers),
    defaults: [],
    scriptOnly: false,
    widths: {
      Code: 70,
      Theme: 170,
      Category: 80,
      Action: TEXT_WIDTH,
      Timescale: 160,
      Lead: 170,
      'Evidence of improvement': TEXT_WIDTH,
      Monitoring: 240,
      Status: 110,
      'Latest update': TEXT_WIDTH,
      'Revision reason': 200,
    },
    wrapped: [
      'Action',
      'Timescale',
      'Lead',
      'Evidence of improvement',
      'Monitoring',
      'Latest update',
      'Revision reason',
    ],
    dates: ['Target date', 'Revised target date', 'Last updated'],
  },
  {
    name: PEOPLE_SHEET,
    headers: Object.values(PEOPLE_COLUMNS.headers),
    defaults: [],
    scriptOnly: false,
    widths: { Name: 200, Email: 280, Role: 220, 'Manager email': 240 },
    wrapped: ['Email'],
  },
  {
    name: LISTS_SHEET,
    headers: Object.values(LISTS_COLUMNS.headers),
    defaults: listsDefaults(),
    scriptOnly: false,
    widths: { Theme: 220, 'Category name': 140, 'Category meaning': TEXT_WIDTH, Source: 220 },
    wrapped: ['Category meaning'],
  },
  {
    name: SETTINGS_SHEET,
    headers: Object.values(SETTINGS_COLUMNS.headers),
    defaults: SETTING_DEFS.map((d) => [d.name, settingCell(d.default), d.notes]),
    scriptOnly: false,
    widths: { Setting: 260, Value: 260, Notes: 420 },
    wrapped: ['Notes'],
  },
  { name: DASHBOARD_SHEET, headers: [], defaults: [], scriptOnly: true, widths: {}, wrapped: [] },
  log(AUDIT_LOG_SHEET, AUDIT_LOG_HEADERS, { 'Old value': 240, 'New value': 240 }),
  log(REMINDER_LOG_SHEET, REMINDER_LOG_HEADERS, { Key: 300, Details: 300 }),
  log(SNAPSHOTS_SHEET, SNAPSHOT_HEADERS, {}),
  log(ARCHIVE_SHEET, ARCHIVE_HEADERS, {}),
  log(RUN_LOG_SHEET, RUN_LOG_HEADERS, { Details: 420 }),
  log(REPORTS_SHEET, REPORTS_HEADERS, { Link: 320 }),
];

export function layoutOf(name: string): SheetLayout {
  const layout = SHEET_LAYOUTS.find((l) => l.name === name);
  if (!layout) throw new Error(`No layout for sheet ${name}`);
  return layout;
}

function log(name: string, headers: string[], widths: Record<string, number>): SheetLayout {
  return { name, headers, defaults: [], scriptOnly: true, widths, wrapped: [] };
}

/** A setting's default as an administrator would type it: blank for "none", lists comma-separated. */
function settingCell(value: unknown): string | number {
  if (typeof value === 'number') return value;
  const text = formatSetting(value);
  return text === 'blank' || text === 'none' ? '' : text;
}

/** Lists laid side by side (one list per column group), padded with blanks to the longest list. */
function listsDefaults(): unknown[][] {
  const { themes, categories, statuses, sources } = DEFAULT_LISTS;
  const length = Math.max(themes.length, categories.length, statuses.length, sources.length);
  return Array.from({ length }, (_, i) => [
    themes[i]?.name ?? '',
    themes[i]?.prefix ?? '',
    categories[i]?.letter ?? '',
    categories[i]?.name ?? '',
    categories[i]?.meaning ?? '',
    statuses[i] ?? '',
    sources[i] ?? '',
  ]);
}
