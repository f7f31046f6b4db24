// Set up or repair through the bundle: every sheet, column, check, colour rule, protection and trigger, the same
// workbook after two runs, and the bad input of issue 3 (headers, reordered and extra columns, renamed sheets).
import { generatePlan } from '../../local/generatePlan';
import { loadBundle } from '../../local/bundle';
import { createPlanSpreadsheet } from '../../local/planSpreadsheet';
import { createLocalRuntime } from '../../local/runtime';
import type { SheetModel } from '../../local/runtime/spreadsheet';
import { summariseSheets } from '../../local/summary';
import { RAG_COLOURS } from '../../src/domain/rag';
import type {
  ConditionalFormatRuleBuilderPort,
  SpreadsheetPort,
  TriggerBuilderPort,
} from '../../src/gas/ports';
import { TRIGGERS_PROPERTY } from '../../src/jobs/installTriggers';
import { NOTHING_TO_DO, type SetupResult } from '../../src/jobs/setup';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import { ACTION_HEADERS, action } from '../builders/plan';
import { openPlan, planData, TODAY } from './harness';

type Opened = ReturnType<typeof openPlan>;
type Runtime = Opened['runtime'];

/** Runs the menu item, failing the test if the job reported a failure. */
function setUp(bundle: Opened['bundle']): SetupResult {
  const outcome = bundle.run<MenuOutcome<SetupResult>>('setUpOrRepairSpreadsheet');
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

const sheetOf = (runtime: Runtime, name: string) =>
  runtime.spreadsheets.model().sheets.find((s) => s.name === name) as SheetModel;

/** The workbook as compared between runs: the Run log keeps its header only, as it gains a row per run by design. */
function workbook(runtime: Runtime) {
  const model = runtime.spreadsheets.model();
  const sheets = model.sheets.map((s) => {
    if (s.name !== 'Run log') return s;
    const perCell = Object.fromEntries(
      Object.entries(s).flatMap(([k, v]) =>
        Array.isArray(v) && v.length === s.rows && Array.isArray(v[0]) ? [[k, v.slice(0, 1)]] : [],
      ),
    );
    return { ...s, ...perCell, lastRow: 0, rows: 0 };
  });
  return { ...model, sheets };
}

const triggers = (runtime: Runtime) =>
  runtime.triggers.list().map((t) => ({ handler: t.handlerFunction, type: t.eventType }));

/** The validation on a column's data rows, found by the header on row 1. */
function validationOf(sheet: SheetModel, header: string) {
  const column = sheet.values[0].indexOf(header) + 1;
  return sheet.validations.find((v) => v.column <= column && column < v.column + v.numColumns && v.row === 2);
}

const spreadsheetApp = (runtime: Runtime) =>
  runtime.globals.SpreadsheetApp as {
    getActiveSpreadsheet(): SpreadsheetPort;
    newConditionalFormatRule(): ConditionalFormatRuleBuilderPort;
  };

describe('setUpOrRepairSpreadsheet (bundle)', () => {
  const rows = [action({ Code: 'CEA1' }), action({ Code: 'CEA2', Status: 'Complete' })];

  it('makes every sheet, check, colour rule, protection and trigger, and reports it in an alert and the Run log', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    const result = setUp(bundle);
    const model = runtime.spreadsheets.model();
    expect(model.sheets.map((s) => s.name)).toEqual([
      'Actions',
      'People',
      'Lists',
      'Settings',
      'Dashboard',
      'Audit log',
      'Reminder log',
      'Snapshots',
      'Archive',
      'Run log',
      'Reports',
    ]);
    expect(model.activeSheet).toBe('Actions'); // creating sheets does not leave the user elsewhere
    expect(result.changes).toContain('Created the Audit log sheet (none was found under that name).');
    expect(result.problems).toEqual([]);

    const summary = new Map(summariseSheets(runtime).map((s) => [s.name, s]));
    expect(summary.get('Actions')?.validatedHeaders).toEqual(
      expect.arrayContaining([
        'Theme',
        'Category',
        'Status',
        'Target date',
        'Revised target date',
        'Progress',
      ]),
    );
    expect(summary.get('People')?.validatedHeaders).toEqual(['Email', 'Manager email']);
    expect(summary.get('Actions')?.conditionalFormatRules).toBeGreaterThanOrEqual(5);
    for (const log of [
      'Dashboard',
      'Audit log',
      'Reminder log',
      'Snapshots',
      'Archive',
      'Run log',
      'Reports',
    ])
      expect(summary.get(log)?.protected).toBe(true);
    expect(summary.get('People')?.protected).toBe(false);
    expect(triggers(runtime)).toEqual([
      { handler: 'dailyRefresh', type: 'CLOCK' },
      { handler: 'onPlanEdit', type: 'ON_EDIT' },
      { handler: 'applyQueuedSaves', type: 'CLOCK' },
      { handler: 'scheduledDraftReport', type: 'CLOCK' },
      { handler: 'sendWeeklyReminders', type: 'CLOCK' },
      { handler: 'sendDailyReminders', type: 'CLOCK' },
    ]);

    const alerts = runtime.spreadsheets.ui.alerts.map((a) => a.prompt);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('• Created the Lists sheet (none was found under that name).');
    const runLog = sheetOf(runtime, 'Run log').values;
    expect(runLog).toHaveLength(2);
    expect(runLog[1].slice(0, 1)).toEqual(['Set up or repair']);
    expect(runLog[1][3]).toBe('ok');
  });

  it('writes headers and defaults into new sheets and never touches rows that exist', () => {
    const { runtime, bundle, values } = openPlan(planData(rows));
    const filled = (name: string) => sheetOf(runtime, name).values.slice(0, sheetOf(runtime, name).lastRow);
    const before = { actions: filled('Actions'), people: filled('People') };
    setUp(bundle);
    expect(filled('Actions')[0]).toEqual(ACTION_HEADERS);
    expect(filled('Actions')).toEqual(before.actions);
    expect(filled('People')).toEqual(before.people);
    expect(values('Lists')?.[0]).toEqual([
      'Theme',
      'Prefix',
      'Category letter',
      'Category name',
      'Category meaning',
      'Status',
      'Source',
    ]);
    expect(values('Lists')?.[1].slice(0, 4)).toEqual(['Community engagement', 'CE', 'A', 'Monitoring']);
    const settings = values('Settings') as unknown[][];
    expect(settings.find((r) => r[0] === 'Due-soon window (days)')?.[1]).toBe(28);
    expect(settings.find((r) => r[0] === 'Remind before (days)')?.[1]).toBe('14, 3');
    expect(values('Audit log')?.[0]).toEqual([
      'Time',
      'Editor',
      'Sheet',
      'Cell',
      'Code',
      'Header',
      'Old value',
      'New value',
    ]);
    const audit = sheetOf(runtime, 'Audit log');
    expect(audit.frozenRows).toBe(1);
    expect(audit.fontWeights[0].slice(0, 8)).toEqual(Array(8).fill('bold'));
    expect(audit.backgrounds[0][0]).toBe('#efefef');
  });

  it('freezes and styles the header rows, and sets widths and wrapping from the layout', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    setUp(bundle);
    const actions = sheetOf(runtime, 'Actions');
    const col = (header: string) => ACTION_HEADERS.indexOf(header);
    expect(actions.frozenRows).toBe(1);
    expect(actions.fontWeights[0].slice(0, ACTION_HEADERS.length)).toEqual(
      Array(ACTION_HEADERS.length).fill('bold'),
    );
    expect(actions.columnWidths[col('Action')]).toBe(320);
    expect(actions.columnWidths[col('Code')]).toBe(70);
    expect(actions.wraps[1][col('Action')]).toBe('WRAP');
    expect(actions.wraps[1][col('Code')]).toBeNull();
  });

  it('dropdowns come from the Lists columns (whole column below the header), dates are real dates, Progress 0–100', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    setUp(bundle);
    const actions = sheetOf(runtime, 'Actions');
    const theme = validationOf(actions, 'Theme');
    expect(theme).toMatchObject({ criteria: 'VALUE_IN_RANGE', allowInvalid: false, row: 2 });
    expect(theme?.numRows).toBe(actions.maxRows - 1);
    expect(theme?.values[0]).toMatchObject({ sheet: 'Lists', column: 1, row: 2, numColumns: 1 });
    expect(validationOf(actions, 'Category')?.values[0]).toMatchObject({ sheet: 'Lists', column: 3 });
    expect(validationOf(actions, 'Status')?.values[0]).toMatchObject({ sheet: 'Lists', column: 6 });
    expect(validationOf(actions, 'Source')).toMatchObject({
      allowInvalid: true,
      values: [{ column: 7 }, true],
    });
    expect(validationOf(actions, 'Target date')).toMatchObject({
      criteria: 'DATE_IS_VALID_DATE',
      allowInvalid: false,
    });
    expect(validationOf(actions, 'Revised target date')?.criteria).toBe('DATE_IS_VALID_DATE');
    const progressLetter = String.fromCharCode(65 + ACTION_HEADERS.indexOf('Progress'));
    expect(validationOf(actions, 'Progress')?.values).toEqual([
      `=AND(ISNUMBER(${progressLetter}2),${progressLetter}2=INT(${progressLetter}2),${progressLetter}2>=0,${progressLetter}2<=100)`,
    ]);
    for (const header of [
      'Theme',
      'Category',
      'Status',
      'Source',
      'Target date',
      'Revised target date',
      'Progress',
    ])
      expect(validationOf(actions, header)?.helpText).toBeTruthy();
    expect(validationOf(actions, 'Code')).toBeUndefined();
    expect(validationOf(actions, 'Action')).toBeUndefined();
    const people = sheetOf(runtime, 'People');
    expect(validationOf(people, 'Email')).toMatchObject({ criteria: 'CUSTOM_FORMULA', allowInvalid: false });
    expect(String(validationOf(people, 'Email')?.values[0])).toMatch(/^=REGEXMATCH\(TO_TEXT\(B2\),/);
    expect(String(validationOf(people, 'Manager email')?.values[0])).toMatch(/^=REGEXMATCH\(TO_TEXT\(D2\),/);
  });

  it('colours rows from the RAG column: one rule per RAG value over every data row of every column', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    setUp(bundle);
    const actions = sheetOf(runtime, 'Actions');
    const lastLetter = String.fromCharCode(64 + ACTION_HEADERS.length);
    expect(actions.conditionalFormats).toHaveLength(6);
    expect(actions.conditionalFormats[1]).toMatchObject({
      criteria: 'CUSTOM_FORMULA',
      values: ['=$S2="Overdue"'],
      background: RAG_COLOURS.Overdue.background,
      fontColor: RAG_COLOURS.Overdue.font,
      ranges: [{ a1: `A2:${lastLetter}${actions.maxRows}` }],
    });
  });

  it('protects the log sheets, the Dashboard and the script’s Actions columns for the owner alone', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    setUp(bundle);
    const audit = sheetOf(runtime, 'Audit log').protections;
    expect(audit).toEqual([
      expect.objectContaining({
        type: 'SHEET',
        editors: [runtime.owner],
        domainEdit: false,
        warningOnly: false,
        description: 'Improvement Plan: the Audit log sheet is written by the script only',
      }),
    ]);
    const actions = sheetOf(runtime, 'Actions');
    expect(actions.protections.map((p) => [p.type, p.range?.column, p.editors, p.domainEdit])).toEqual(
      ['RAG', 'Last updated', 'Updated by'].map((h) => [
        'RANGE',
        ACTION_HEADERS.indexOf(h) + 1,
        [runtime.owner],
        false,
      ]),
    );
    expect(actions.protections.every((p) => p.range?.numRows === actions.maxRows)).toBe(true);
  });

  it('twice gives an identical workbook and triggers; the second run writes nothing and says so', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    setUp(bundle);
    const first = { workbook: workbook(runtime), triggers: triggers(runtime), ids: runtime.triggers.list() };
    runtime.core.resetCounts();
    const second = setUp(bundle);
    expect(second).toEqual({ changes: [], problems: [] });
    expect(workbook(runtime)).toEqual(first.workbook);
    expect(triggers(runtime)).toEqual(first.triggers);
    expect(runtime.triggers.list()).toEqual(first.ids); // the same triggers kept, not replaced
    expect(runtime.spreadsheets.ui.alerts.at(-1)?.prompt).toBe(NOTHING_TO_DO);
    const writes = Object.entries(runtime.core.callsByMember()).filter(([member]) =>
      /\.(set[A-Z]|insert|protect|remove|add[A-Z]|delete|newTrigger|create)/.test(member),
    );
    expect(writes).toEqual([['SpreadsheetApp.Range.setValues', 1]]); // the Run log row
    expect(sheetOf(runtime, 'Run log').values).toHaveLength(3);
  });

  it('a required header missing stops setup with a message naming it, and nothing is written', () => {
    const headers = ACTION_HEADERS.filter((h) => h !== 'Lead');
    const { Lead: _lead, ...row } = action();
    const { runtime, bundle } = openPlan(planData([row], { headers }));
    const before = runtime.spreadsheets.model();
    const outcome = bundle.run<MenuOutcome<SetupResult>>('setUpOrRepairSpreadsheet');
    expect(outcome).toEqual({
      ok: false,
      message:
        'Nothing was changed. Actions: the required column "Lead" is missing from the header row. ' +
        'Correct the header row and run Set up or repair again.',
    });
    expect(runtime.spreadsheets.model()).toEqual(before);
    expect(runtime.triggers.list()).toEqual([]);
    expect(runtime.properties.snapshot('document')).toEqual({});
    expect(runtime.spreadsheets.ui.alerts.map((a) => a.prompt)).toEqual([
      `Set up or repair: ${outcome.ok ? '' : outcome.message}`,
    ]);
  });

  it('a header that appears twice stops setup the same way', () => {
    const headers = [...ACTION_HEADERS, 'Status'];
    const { runtime, bundle } = openPlan(planData([action()], { headers }));
    const before = runtime.spreadsheets.model();
    const outcome = bundle.run<MenuOutcome<SetupResult>>('setUpOrRepairSpreadsheet');
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.message).toMatch(/the header "Status" appears 2 times \(columns N, T\)/);
    expect(runtime.spreadsheets.model()).toEqual(before);
    expect(runtime.triggers.list()).toEqual([]);
  });

  it('columns in another order: checks, colours and protections land on the right columns by header', () => {
    const headers = [...ACTION_HEADERS].reverse();
    const { runtime, bundle } = openPlan(planData(rows, { headers }));
    setUp(bundle);
    const actions = sheetOf(runtime, 'Actions');
    expect(actions.values[0]).toEqual(headers);
    expect(validationOf(actions, 'Theme')?.values[0]).toMatchObject({ sheet: 'Lists', column: 1 });
    expect(validationOf(actions, 'Status')?.values[0]).toMatchObject({ sheet: 'Lists', column: 6 });
    expect(validationOf(actions, 'Target date')?.criteria).toBe('DATE_IS_VALID_DATE');
    const progressLetter = String.fromCharCode(65 + headers.indexOf('Progress'));
    expect(String(validationOf(actions, 'Progress')?.values[0])).toContain(`ISNUMBER(${progressLetter}2)`);
    expect(actions.conditionalFormats[0].values).toEqual(['=$A2="Complete"']); // RAG is now column A
    expect(actions.protections.map((p) => actions.values[0][(p.range?.column ?? 0) - 1]).sort()).toEqual([
      'Last updated',
      'RAG',
      'Updated by',
    ]);
  });

  it('keeps a council’s extra column where it is and its own colour rule, adding the missing columns after the last', () => {
    const headers = ['Code', 'Theme', 'Directorate', 'Category', 'Action', 'Lead', 'Status', 'Timescale'];
    const { runtime, bundle, values } = openPlan(
      planData([{ ...action({ Code: 'CEA1' }), Directorate: 'Resources' }], { headers }),
    );
    const app = spreadsheetApp(runtime);
    const actionsSheet = app.getActiveSpreadsheet().getSheetByName('Actions');
    if (!actionsSheet) throw new Error('no Actions sheet');
    const councilRule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2="Resources"')
      .setBackground('#ead1dc')
      .setFontColor(null)
      .setRanges([actionsSheet.getRange(2, 3, 10, 1)])
      .build();
    actionsSheet.setConditionalFormatRules([councilRule]);

    const result = setUp(bundle);
    const added = [
      'Target date',
      'Revised target date',
      'Revision reason',
      'RAG',
      'Last updated',
      'Updated by',
    ];
    expect(values('Actions')?.[0]).toEqual([...headers, ...added]);
    expect(values('Actions')?.[1].slice(0, 3)).toEqual(['CEA1', 'Community engagement', 'Resources']);
    expect(result.changes).toContain(
      'Added the columns "Target date", "Revised target date", "Revision reason", "RAG", "Last updated" and ' +
        '"Updated by" to Actions, after the last column; the other columns were not moved.',
    );
    const rules = sheetOf(runtime, 'Actions').conditionalFormats;
    expect(rules.map((r) => r.values[0])).toEqual([
      '=$C2="Resources"',
      ...['Complete', 'Overdue', 'Due soon', 'On track', 'Ongoing', 'Deferred'].map((rag) => `=$L2="${rag}"`),
    ]);
    expect(rules[0]).toMatchObject({ background: '#ead1dc', ranges: [{ a1: 'C2:C11' }] });

    setUp(bundle);
    expect(sheetOf(runtime, 'Actions').conditionalFormats).toEqual(rules);
  });

  it('our colour rules are rewritten when they no longer match, and the council’s are left in their places', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    setUp(bundle);
    const app = spreadsheetApp(runtime);
    const sheet = app.getActiveSpreadsheet().getSheetByName('Actions');
    if (!sheet) throw new Error('no Actions sheet');
    const council = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$A2=""')
      .setBackground('#ffff00')
      .setRanges([sheet.getRange('A2:A50')])
      .build();
    // A stale rule of ours (an older RAG column) between the council's rule and ours.
    const stale = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$Q2="Overdue"')
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('A2:Q50')])
      .build();
    sheet.setConditionalFormatRules([council, stale, ...sheet.getConditionalFormatRules()]);
    const result = setUp(bundle);
    expect(result.changes).toContain(
      'Actions: brought the status colour rules up to date (rows take the colour of their RAG column).',
    );
    const formulas = sheetOf(runtime, 'Actions').conditionalFormats.map((r) => r.values[0]);
    expect(formulas).toEqual([
      '=$A2=""',
      ...['Complete', 'Overdue', 'Due soon', 'On track', 'Ongoing', 'Deferred'].map((rag) => `=$S2="${rag}"`),
    ]);
  });

  it('a log sheet a user renamed is recreated under its name and reported; the renamed one is kept', () => {
    const { runtime, bundle, values } = openPlan(planData(rows));
    setUp(bundle);
    const audit = spreadsheetApp(runtime).getActiveSpreadsheet().getSheetByName('Audit log') as unknown as {
      setName(name: string): unknown;
    };
    audit.setName('Audit log 2009');
    const result = setUp(bundle);
    expect(result.changes).toEqual([
      'Created the Audit log sheet (none was found under that name).',
      expect.stringMatching(/^Protected the Audit log sheet/),
    ]);
    expect(values('Audit log')?.[0][0]).toBe('Time');
    expect(values('Audit log 2009')?.[0][0]).toBe('Time');
    const names = runtime.spreadsheets.model().sheets.map((s) => s.name);
    expect(names[5]).toBe('Audit log 2009'); // where it was
    expect(names.at(-1)).toBe('Audit log');
  });

  it('an empty sheet of the right name is laid out with its headers and defaults', () => {
    const { bundle, values } = openPlan({ ...planData(rows), lists: [] });
    const result = setUp(bundle);
    expect(result.changes).toContain('Laid out the empty Lists sheet with its headers.');
    expect(values('Lists')?.[1][0]).toBe('Community engagement');
  });

  it('Lists without a Source column: the other dropdowns are set and the missing one is reported', () => {
    const lists = [
      ['Theme', 'Prefix', 'Category letter', 'Status'],
      ['Community engagement', 'CE', 'A', 'Not started'],
    ];
    const { runtime, bundle } = openPlan({ ...planData(rows), lists });
    const result = setUp(bundle);
    expect(result.problems).toEqual([
      'Lists has no "Source" column, so Actions › Source has no dropdown; add that column (with its list) to Lists ' +
        'and run Set up or repair again.',
    ]);
    const actions = sheetOf(runtime, 'Actions');
    expect(validationOf(actions, 'Source')).toBeUndefined();
    expect(validationOf(actions, 'Status')?.values[0]).toMatchObject({ sheet: 'Lists', column: 4 });
    expect(runtime.spreadsheets.ui.alerts[0].prompt).toContain('Not done:\n• Lists has no "Source" column');
  });

  it('puts back an entry check lost from some rows (a paste from elsewhere), and only that', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    setUp(bundle);
    const first = workbook(runtime);
    const sheet = spreadsheetApp(runtime).getActiveSpreadsheet().getSheetByName('Actions');
    sheet?.getRange(5, ACTION_HEADERS.indexOf('Theme') + 1, 3, 1).setDataValidation(null);
    expect(setUp(bundle).changes).toEqual(['Actions: set the entry checks on Theme.']);
    expect(workbook(runtime)).toEqual(first);
  });

  it('restores a log sheet’s protection someone opened up', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    setUp(bundle);
    const sheet = spreadsheetApp(runtime).getActiveSpreadsheet().getSheetByName('Run log');
    const protection = sheet?.protect();
    protection?.addEditor('staff@example.org').setWarningOnly(true);
    expect(setUp(bundle).changes).toEqual([
      'Restored the protection of the Run log sheet (only plan.admin@example.org may edit).',
    ]);
    expect(sheetOf(runtime, 'Run log').protections[0]).toMatchObject({
      editors: [runtime.owner],
      warningOnly: false,
    });
  });

  it('installing twice leaves one trigger per handler, replaces earlier ones, and never touches other handlers’', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    const scriptApp = runtime.globals.ScriptApp as { newTrigger(name: string): TriggerBuilderPort };
    scriptApp.newTrigger('dailyRefresh').timeBased().everyDays(1).atHour(2).create(); // an earlier, unrecorded one
    scriptApp.newTrigger('dailyRefresh').timeBased().everyDays(1).atHour(3).create();
    scriptApp.newTrigger('sendRemindersNow').timeBased().everyDays(1).atHour(8).create();
    const result = setUp(bundle);
    expect(result.changes).toEqual(
      expect.arrayContaining([
        'Replaced the trigger for "Daily refresh of status colours and the Dashboard", every day between 6:00 and 7:00, running as plan.admin@example.org.',
        'Installed the trigger for "Audit trail of edits", on every edit to this spreadsheet, running as plan.admin@example.org.',
      ]),
    );
    setUp(bundle);
    expect(triggers(runtime)).toEqual([
      { handler: 'sendRemindersNow', type: 'CLOCK' },
      { handler: 'dailyRefresh', type: 'CLOCK' },
      { handler: 'onPlanEdit', type: 'ON_EDIT' },
      { handler: 'applyQueuedSaves', type: 'CLOCK' },
      { handler: 'scheduledDraftReport', type: 'CLOCK' },
      { handler: 'sendWeeklyReminders', type: 'CLOCK' },
      { handler: 'sendDailyReminders', type: 'CLOCK' },
    ]);
    const daily = runtime.triggers.list().find((t) => t.handlerFunction === 'dailyRefresh');
    expect(daily?.schedule).toMatchObject({ kind: 'days', every: 1, hour: 6 });
    expect(daily?.timeZone).toBe('Europe/London');
    const onEdit = runtime.triggers.list().find((t) => t.handlerFunction === 'onPlanEdit');
    expect(onEdit?.sourceId).toBe(runtime.spreadsheets.model().id);
    const draft = runtime.triggers.list().find((t) => t.handlerFunction === 'scheduledDraftReport');
    expect(draft?.schedule).toMatchObject({ kind: 'days', every: 1, hour: 7 });
    const weekly = runtime.triggers.list().find((t) => t.handlerFunction === 'sendWeeklyReminders');
    expect(weekly?.schedule).toMatchObject({ kind: 'weeks', every: 1, weekday: 1, hour: 8 });
    const nudges = runtime.triggers.list().find((t) => t.handlerFunction === 'sendDailyReminders');
    expect(nudges?.schedule).toMatchObject({ kind: 'days', every: 1, hour: 8 });
    const staffSaves = runtime.triggers.list().find((t) => t.handlerFunction === 'applyQueuedSaves');
    expect(staffSaves?.schedule).toMatchObject({ kind: 'interval', stepMs: 5 * 60_000 });
    const recorded = JSON.parse(runtime.properties.snapshot('document')[TRIGGERS_PROPERTY]);
    expect(recorded.dailyRefresh).toEqual({
      id: daily?.id,
      by: runtime.owner,
      at: `${TODAY}T09:00:00.000Z`,
      schedule: 'every day between 6:00 and 7:00',
      timeZone: 'Europe/London',
    });
  });

  it('clock triggers run at the hours of the spreadsheet’s zone, and follow it when it changes', () => {
    const { runtime, bundle } = openPlan(planData(rows), { spreadsheetTimeZone: 'America/Los_Angeles' });
    setUp(bundle);
    // The staff saves' trigger runs every 5 minutes, at no hour: a zone does not move it.
    const atHours = () =>
      runtime.triggers.list().filter((t) => t.eventType === 'CLOCK' && t.schedule?.kind !== 'interval');
    const zones = () => atHours().map((t) => [t.handlerFunction, t.timeZone]);
    const everyFewMinutes = () =>
      runtime.triggers.list().filter((t) => t.handlerFunction === 'applyQueuedSaves');
    const staffSaves = everyFewMinutes();
    expect(staffSaves).toHaveLength(1);
    expect(zones()).toEqual([
      ['dailyRefresh', 'America/Los_Angeles'],
      ['scheduledDraftReport', 'America/Los_Angeles'],
      ['sendWeeklyReminders', 'America/Los_Angeles'],
      ['sendDailyReminders', 'America/Los_Angeles'],
    ]);
    expect(setUp(bundle).changes).toEqual([]); // a second run keeps them
    runtime.core.uncounted(() =>
      (
        runtime.spreadsheets.active() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet
      ).setSpreadsheetTimeZone('Asia/Tokyo'),
    );
    const moved = setUp(bundle);
    expect(moved.changes).toHaveLength(4);
    expect(zones().map(([, zone]) => zone)).toEqual(['Asia/Tokyo', 'Asia/Tokyo', 'Asia/Tokyo', 'Asia/Tokyo']);
    expect(runtime.triggers.list().filter((t) => t.eventType === 'ON_EDIT')).toHaveLength(1);
    expect(everyFewMinutes()).toEqual(staffSaves);
  });

  it('a trigger Google refuses to create is reported in the result, the alert and the Run log; the rest is done', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    runtime.core.faults.triggerCreationFails = true;
    const result = setUp(bundle);
    expect(result.problems).toHaveLength(6);
    expect(result.problems[0]).toBe(
      'The trigger for "Daily refresh of status colours and the Dashboard" could not be installed (Google said: ' +
        "We're sorry, a server error occurred. Please wait a bit and try again.). Everything else was set up; run " +
        'Set up or repair again in a few minutes.',
    );
    expect(runtime.triggers.list()).toEqual([]);
    expect(summariseSheets(runtime).find((s) => s.name === 'Actions')?.conditionalFormatRules).toBe(6);
    expect(runtime.spreadsheets.ui.alerts[0].prompt).toMatch(
      /^Set up or repair\n\nNot done:\n• The trigger for/,
    );
    const runLog = sheetOf(runtime, 'Run log').values[1];
    expect(runLog[3]).toBe('failed');
    expect(runLog[6]).toContain('could not be installed');

    runtime.core.faults.triggerCreationFails = false;
    const retry = setUp(bundle);
    expect(retry.problems).toEqual([]);
    expect(retry.changes).toHaveLength(6);
    expect(triggers(runtime)).toHaveLength(6);
  });

  it('says when another person installed the triggers before (theirs still run until they remove them)', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    runtime.properties.seed('document', {
      [TRIGGERS_PROPERTY]: JSON.stringify({
        onPlanEdit: {
          id: '99',
          by: 'former.admin@example.org',
          at: '2009-11-02T10:00:00.000Z',
          schedule: 'x',
        },
      }),
    });
    const result = setUp(bundle);
    expect(result.changes).toContain(
      'former.admin@example.org installed the "Audit trail of edits" trigger before; until they delete theirs ' +
        '(Extensions › Apps Script › Triggers) it runs as well.',
    );
    expect(JSON.parse(runtime.properties.snapshot('document')[TRIGGERS_PROPERTY]).onPlanEdit.by).toBe(
      runtime.owner,
    );
  });

  it('run by an administrator who is not the owner: they and the owner (never removable) may edit; a rerun changes nothing', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    runtime.session.setEffectiveUser('deputy@example.org');
    setUp(bundle);
    expect(sheetOf(runtime, 'Audit log').protections[0].editors.sort()).toEqual([
      'deputy@example.org',
      runtime.owner,
    ]);
    expect(setUp(bundle)).toEqual({ changes: [], problems: [] });
  });

  it('a run that finds the lock held says so and writes nothing', () => {
    const { runtime, bundle } = openPlan(planData(rows));
    runtime.core.faults.scriptLockHeld = true;
    const before = runtime.spreadsheets.model();
    const outcome = bundle.run<MenuOutcome<SetupResult>>('setUpOrRepairSpreadsheet');
    expect(outcome.ok ? '' : outcome.message).toMatch(/another job on this plan is still running/);
    expect(runtime.spreadsheets.model()).toEqual(before);
  });

  it('makes the same number of Spreadsheet calls for 100 and 10,000 actions', () => {
    const calls = [100, 10_000].map((size) => {
      const runtime = createLocalRuntime({ now: `${TODAY}T09:00:00Z` });
      createPlanSpreadsheet(runtime, generatePlan(size, TODAY));
      const bundle = loadBundle(runtime);
      setUp(bundle);
      return runtime.core.callsByService().SpreadsheetApp;
    });
    expect(calls[0]).toBeGreaterThan(0);
    expect(calls[1]).toBe(calls[0]);
  });
});
