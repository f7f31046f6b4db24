// Update progress through the bundle: the menu item's sidebar for the selected row, google.script.run's
// sidebarState and saveProgress, and what a save does: the row found by Code, nothing overwritten that changed
// underneath, Check the plan's messages, text kept as text, the Audit log, stamps and RAG, written at once for an
// administrator and by the next administrator's run for staff. A fixed number of Spreadsheet calls per save.
import { loadBundle } from '../../local/bundle';
import { generatePlan } from '../../local/generatePlan';
import { createPlanSpreadsheet } from '../../local/planSpreadsheet';
import { createLocalRuntime } from '../../local/runtime';
import { PROPERTY_QUOTA_MESSAGE, PROPERTY_STORE_LIMIT_BYTES } from '../../local/runtime/properties';
import { LocalRange } from '../../local/runtime/spreadsheet/range';
import type { HealthCheckItem } from '../../src/domain/healthCheck';
import { QUEUED_SAVE_PREFIX } from '../../src/domain/queuedSaves';
import { columnLetter } from '../../src/domain/schema';
import type { SpreadsheetPort } from '../../src/gas/ports';
import type { CheckPlanResult } from '../../src/jobs/checkPlan';
import { QUEUED_SAVES_JOB, type QueuedSavesRun } from '../../src/jobs/queuedSaves';
import type { RefreshResult } from '../../src/jobs/refreshStatus';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import type { UpdateProgressResult } from '../../src/ui/sidebar';
import type { ProgressFields, SaveRequest, SaveResult, SidebarState } from '../../src/ui/sidebarTypes';
import { ACTION_HEADERS, action, londonMidnight, type Row } from '../builders/plan';
import { planData, TODAY, sheetRows, openSetUpPlan } from './harness';

/** A lead officer (People: Robert Hardy): staff, not a plan administrator. */
const ROBERT = 'robert.hardy@example.org';
/** Another member of staff. */
const AMANDA = 'amanda.beer@example.org';
/** The spreadsheet's owner, who runs setup: the plan administrator. */
const ADMIN = 'plan.admin@example.org';

/** What Google's service says when it fails a write now and then. */
const SERVICE_ERROR = 'Service Spreadsheets failed while accessing document with id local-spreadsheet.';

const cell = (header: string, row: number) => `${columnLetter(ACTION_HEADERS.indexOf(header))}${row}`;
const col = (header: string) => ACTION_HEADERS.indexOf(header);

const rows: Row[] = [
  action({ Code: 'CEA1', Timescale: 'Ongoing', 'Latest update': 'Started.' }), // row 2: Ongoing
  action({ Code: 'CEA2', Timescale: '', 'Target date': londonMidnight('2010-03-01') }), // row 3: Overdue
  action({ Code: 'CEA3', Lead: 'Amanda Beer', 'Target date': londonMidnight('2010-03-20') }), // row 4: Amanda's
  action({ Code: 'CEA4', Timescale: '', 'Target date': londonMidnight('2010-03-25') }), // row 5: Due soon
  action({ Code: '', Category: 'C' }), // row 6: no code yet
];

/** The plan set up and refreshed by its administrator (who so owns the triggers); counts and UI records cleared. */
function openSetUp(actions: Row[] = rows) {
  return openSetUpPlan(planData(actions), {}, ['refreshStatusColours']);
}

type Opened = ReturnType<typeof openSetUp>;

const sheetModel = ({ runtime }: Opened, name: string) =>
  runtime.spreadsheets.model().sheets.find((s) => s.name === name);

/** Audit log rows under their headers, as the log shows them. */
const auditRows = (opened: Opened) => sheetRows(opened.runtime, 'Audit log');

/** The Actions row holding `code`, under its headers, and its sheet row. */
function rowOf({ values }: Opened, code: string): { row: number; cells: Record<string, unknown> } {
  const sheet = values('Actions') ?? [[]];
  const index = sheet.findIndex((r) => r[col('Code')] === code);
  if (index < 1) throw new Error(`no row holds ${code}`);
  return { row: index + 1, cells: Object.fromEntries(sheet[0].map((h, i) => [String(h), sheet[index][i]])) };
}

/** Everything a save could change: the workbook and the document's properties. */
const everything = ({ runtime }: Opened) => ({
  workbook: runtime.spreadsheets.model(),
  properties: runtime.properties.snapshot('document'),
});

const queued = ({ runtime }: Opened) =>
  Object.keys(runtime.properties.snapshot('document')).filter((k) => k.startsWith(QUEUED_SAVE_PREFIX));

/** sidebarState(code) as `who` (google.script.run runs as the person at the keyboard). */
const stateOf = (opened: Opened, code: string, who = ROBERT) =>
  opened.bundle.runAs<SidebarState>(who, 'sidebarState', code);

/** The request the form sends after the officer changes `change`. */
function request(state: SidebarState, change: Partial<ProgressFields>): SaveRequest {
  const a = state.action;
  if (!a) throw new Error(`no action in the state: ${state.message}`);
  return { code: a.code, version: a.version, fields: { ...a.fields, ...change }, loaded: a.fields };
}

const save = (opened: Opened, req: SaveRequest, who = ROBERT) =>
  opened.bundle.runAs<SaveResult>(who, 'saveProgress', req);

/** The menu item as `who` with the selection at `a1`. */
function openSidebar(opened: Opened, a1: string, who = ROBERT): UpdateProgressResult {
  opened.runtime.spreadsheets.select(a1);
  const outcome = opened.bundle.runAs<MenuOutcome<UpdateProgressResult>>(who, 'updateProgress');
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

const ROBERTS_ACTIONS = ['CEA2 Overdue', 'CEA4 Due soon', 'CEA1 Ongoing'];
const mine = (state: SidebarState) => state.mine.map((m) => `${m.code} ${m.rag}`);

describe('Update progress: the sidebar (bundle)', () => {
  it('opens for the selected row with its action, fields and version, and the person’s own actions overdue first', () => {
    const opened = openSetUp();
    const { html, state } = openSidebar(opened, 'Actions!D3');
    expect(state.action).toEqual({
      code: 'CEA2',
      action: rows[1].Action,
      lead: 'Robert Hardy',
      effectiveTargetDate: '1 March 2010',
      rag: 'Overdue',
      originalTargetDate: '2010-03-01',
      fields: {
        status: 'In progress',
        progress: '',
        latestUpdate: '',
        revisedTargetDate: '',
        revisionReason: '',
      },
      version: expect.stringMatching(/^v1-/),
    });
    expect(mine(state)).toEqual(ROBERTS_ACTIONS);
    expect(state).toMatchObject({
      user: ROBERT,
      today: TODAY,
      statuses: expect.arrayContaining(['Complete']),
    });
    const [sidebar] = opened.runtime.spreadsheets.ui.dialogs;
    expect(sidebar).toMatchObject({ kind: 'sidebar', title: 'Update progress', content: html });
  });

  it.each([
    ['the header row', 'Actions!D1', /header row/],
    ['a blank row', 'Actions!D40', /^Row 40 of Actions is blank/],
    [
      'another sheet',
      'People!B2',
      /^Select an action’s row on the Actions sheet .*\(the selection is on People\)/,
    ],
    ['a row with no code yet', 'Actions!D6', /^Row 6 has no Code yet/],
  ])('on %s shows why no action is shown, and still lists the person’s own actions', (_, a1, message) => {
    const opened = openSetUp();
    const { state, html } = openSidebar(opened, a1);
    expect(state.action).toBeUndefined();
    expect(state.message).toMatch(message);
    expect(mine(state)).toEqual(ROBERTS_ACTIONS);
    const shown = opened.runtime.spreadsheets.ui.dialogs.map((d) => [d.kind, d.title]);
    expect(shown).toEqual([['sidebar', 'Update progress']]);
    expect(html).toContain(state.message);
  });

  it('sidebarState finds an action by its Code, or says it is no longer there', () => {
    const opened = openSetUp();
    expect(stateOf(opened, 'cea4').action?.code).toBe('CEA4');
    const gone = stateOf(opened, 'CEA7');
    expect(gone.action).toBeUndefined();
    expect(gone.message).toBe(
      'CEA7 is no longer on the Actions sheet: its Code was changed or its row deleted.',
    );
    expect(mine(gone)).toEqual(ROBERTS_ACTIONS);
  });

  it('escapes what a person typed: the page prints it as text and no script of theirs can run', () => {
    const opened = openSetUp();
    const text = '</script><script>alert(1)</script>';
    const saved = save(opened, request(stateOf(opened, 'CEA1'), { latestUpdate: text }), ADMIN);
    expect(saved.outcome).toBe('saved');
    expect(rowOf(opened, 'CEA1').cells['Latest update']).toBe(text);
    const { html, state } = openSidebar(opened, 'Actions!A2');
    expect(state.action?.fields.latestUpdate).toBe(text);
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<script/g)).toHaveLength(1); // the page's own
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('Update progress: saving (bundle)', () => {
  it('as a plan administrator: writes the changed cells, an Audit log row per cell with the editor, stamps and RAG', () => {
    const opened = openSetUp();
    const state = stateOf(opened, 'CEA2', ADMIN);
    const result = save(
      opened,
      request(state, { status: 'Complete', latestUpdate: 'Review published.' }),
      ADMIN,
    );
    expect(result).toMatchObject({
      outcome: 'saved',
      message: 'Saved CEA2: Status, Latest update. The Audit log records the change.',
    });
    if (result.outcome !== 'saved') return;
    expect(result.state.action).toMatchObject({ code: 'CEA2', rag: 'Complete' });
    const { row, cells } = rowOf(opened, 'CEA2');
    expect(cells).toMatchObject({
      Status: 'Complete',
      'Latest update': 'Review published.',
      RAG: 'Complete',
      'Updated by': ADMIN,
      'Last updated': londonMidnight(TODAY),
    });
    expect(auditRows(opened)).toEqual([
      expect.objectContaining({
        Editor: ADMIN,
        Sheet: 'Actions',
        Cell: cell('Status', row),
        Code: 'CEA2',
        Header: 'Status',
        'Old value': 'In progress',
        'New value': 'Complete',
      }),
      expect.objectContaining({
        Editor: ADMIN,
        Cell: cell('Latest update', row),
        Header: 'Latest update',
        'Old value': '',
        'New value': 'Review published.',
      }),
    ]);
    expect(queued(opened)).toEqual([]);
  });

  it('moves a date: the revised date and reason written, the original kept, the RAG worked out again at once', () => {
    const opened = openSetUp();
    const result = save(
      opened,
      request(stateOf(opened, 'CEA4', ADMIN), {
        revisedTargetDate: '2010-06-30',
        revisionReason: 'Survey late',
      }),
      ADMIN,
    );
    expect(result.outcome === 'saved' && result.state.action?.rag).toBe('On track');
    const { cells } = rowOf(opened, 'CEA4');
    expect(cells).toMatchObject({
      'Target date': londonMidnight('2010-03-25'),
      'Revised target date': londonMidnight('2010-06-30'),
      'Revision reason': 'Survey late',
      RAG: 'On track',
      'Updated by': '', // a date moved is not an update of progress (as for a typed edit)
    });
    expect(auditRows(opened).map((r) => [r.Header, r['Old value'], r['New value']])).toEqual([
      ['Revised target date', '', '30/06/2010'],
      ['Revision reason', '', 'Survey late'],
    ]);
  });

  it('keeps typed text as text: a formula typed into Latest update stays the words typed', () => {
    const opened = openSetUp();
    save(
      opened,
      request(stateOf(opened, 'CEA1', ADMIN), { latestUpdate: '=IMPORTXML("http://x")', progress: '5' }),
      ADMIN,
    );
    const { row, cells } = rowOf(opened, 'CEA1');
    expect(cells['Latest update']).toBe('=IMPORTXML("http://x")');
    expect(cells.Progress).toBe(5);
    expect(sheetModel(opened, 'Actions')?.formulas[row - 1][col('Latest update')]).toBe('');
  });

  it('refuses Progress "abc" with Check the plan’s message, writing nothing', () => {
    const opened = openSetUp();
    const before = everything(opened);
    const result = save(opened, request(stateOf(opened, 'CEA1'), { progress: 'abc' }));
    expect(everything(opened)).toEqual(before);
    // Check the plan, on the same value typed into the cell, says the same.
    opened.bundle.userEdit('Actions', cell('Progress', 2), [['abc']], { user: ROBERT });
    const check = opened.bundle.run<MenuOutcome<CheckPlanResult>>('checkThePlan');
    const problem = check.ok
      ? check.result.problems.find((p) => p.row === 2 && p.column === 'Progress')
      : undefined;
    expect(problem).toBeDefined();
    expect(result).toEqual({
      outcome: 'invalid',
      errors: [{ field: 'progress', message: problem?.message }],
    });
  });

  it('refuses a revised date earlier than today, writing nothing', () => {
    const opened = openSetUp();
    const before = everything(opened);
    const result = save(
      opened,
      request(stateOf(opened, 'CEA4'), { revisedTargetDate: '2010-03-09', revisionReason: 'Forgot' }),
    );
    expect(result).toEqual({
      outcome: 'invalid',
      errors: [
        {
          field: 'revisedTargetDate',
          message:
            'Revised target date 9 March 2010 is earlier than today (10 March 2010): choose today or a later date.',
        },
      ],
    });
    expect(everything(opened)).toEqual(before);
  });

  it('refuses a Latest update of 60,000 characters with a message saying how long it is, writing nothing', () => {
    const opened = openSetUp();
    const before = everything(opened);
    const result = save(opened, request(stateOf(opened, 'CEA1'), { latestUpdate: 'x'.repeat(60_000) }));
    expect(result.outcome).toBe('invalid');
    const errors = result.outcome === 'invalid' ? result.errors : [];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      field: 'latestUpdate',
      message: expect.stringContaining('60,000 characters'),
    });
    expect(everything(opened)).toEqual(before);
  });

  it('a Code edited away while the form is open: "missing", and nothing written', () => {
    const opened = openSetUp();
    const state = stateOf(opened, 'CEA4');
    opened.bundle.userEdit('Actions', cell('Code', 5), [['CEA9']], { user: AMANDA });
    const before = everything(opened);
    const result = save(opened, request(state, { latestUpdate: 'Nearly there.' }));
    expect(result).toMatchObject({
      outcome: 'missing',
      message:
        'CEA4 is no longer on the Actions sheet: its Code was changed or its row deleted. Nothing was saved.',
    });
    if (result.outcome !== 'missing') return;
    expect(result.state.action).toBeUndefined();
    expect(mine(result.state)).toEqual(['CEA2 Overdue', 'CEA9 Due soon', 'CEA1 Ongoing']);
    expect(everything(opened)).toEqual(before);
  });

  it('a sort between loading and saving is harmless: the row is found by its Code', () => {
    const opened = openSetUp();
    const state = stateOf(opened, 'CEA2'); // row 3 when loaded
    const ss = opened.runtime.spreadsheets.active() as unknown as SpreadsheetPort;
    opened.runtime.core.uncounted(() => {
      const data = ss.getSheetByName('Actions')?.getRange(2, 1, 5, ACTION_HEADERS.length);
      data?.setValues(data.getValues().reverse()); // Data › Sort range, Z → A
    });
    const others = ['CEA1', 'CEA3', 'CEA4'].map((code) => rowOf(opened, code).cells);
    const result = save(opened, request(state, { latestUpdate: 'Sorted, still found.' }), ADMIN);
    expect(result.outcome).toBe('saved');
    const { row, cells } = rowOf(opened, 'CEA2');
    expect(row).toBe(5);
    expect(cells['Latest update']).toBe('Sorted, still found.');
    expect(['CEA1', 'CEA3', 'CEA4'].map((code) => rowOf(opened, code).cells)).toEqual(others);
    expect(auditRows(opened).map((r) => r.Cell)).toEqual([cell('Latest update', 5)]);
  });

  it('a change underneath: "changed" with what changed, and nothing the other person wrote overwritten', () => {
    const opened = openSetUp();
    const state = stateOf(opened, 'CEA2');
    opened.bundle.userEdit('Actions', cell('Latest update', 3), [['Amanda’s note']], { user: AMANDA });
    const before = everything(opened);
    const result = save(opened, request(state, { latestUpdate: 'Robert’s note', progress: '50' }));
    expect(result).toMatchObject({
      outcome: 'changed',
      changes: [{ header: 'Latest update', was: '', now: 'Amanda’s note' }],
    });
    if (result.outcome !== 'changed') return;
    expect(result.state.action?.fields.latestUpdate).toBe('Amanda’s note');
    expect(result.state.action?.version).not.toBe(state.action?.version);
    expect(everything(opened)).toEqual(before);
    expect(auditRows(opened).map((r) => r.Editor)).toEqual([AMANDA]);
  });
});

describe('Update progress: staff saving (bundle)', () => {
  /** Robert (staff) closes CEA2 from the sidebar. */
  function staffSave() {
    const opened = openSetUp();
    const result = save(
      opened,
      request(stateOf(opened, 'CEA2'), { status: 'Complete', latestUpdate: 'Done.' }),
    );
    return { opened, result };
  }

  it('writes the cells they may edit, shows the RAG at once, and queues the rest for the administrator’s runs', () => {
    const { opened, result } = staffSave();
    expect(result.outcome).toBe('saved');
    if (result.outcome !== 'saved') return;
    expect(result.message).toMatch(
      /^Saved CEA2: Status, Latest update\. The Audit log, Last updated and the row’s colour follow/,
    );
    expect(result.state.action?.rag).toBe('Complete');
    expect(rowOf(opened, 'CEA2').cells).toMatchObject({
      Status: 'Complete',
      'Latest update': 'Done.',
      RAG: 'Overdue', // protected against staff: written by the next administrator's run
      'Updated by': '',
    });
    expect(auditRows(opened)).toEqual([]);
    expect(queued(opened)).toHaveLength(1);
  });

  it('the next on-edit trigger writes their Audit log rows, stamps and RAG, naming them, before the edit’s own', () => {
    const { opened } = staffSave();
    opened.bundle.userEdit('Actions', cell('Progress', 4), [['20']], { user: AMANDA });
    expect(
      auditRows(opened).map((r) => [r.Editor, r.Code, r.Header, r['Old value'], r['New value']]),
    ).toEqual([
      [ROBERT, 'CEA2', 'Status', 'In progress', 'Complete'],
      [ROBERT, 'CEA2', 'Latest update', '', 'Done.'],
      [AMANDA, 'CEA3', 'Progress', '', '20'],
    ]);
    expect(rowOf(opened, 'CEA2').cells).toMatchObject({
      RAG: 'Complete',
      'Updated by': ROBERT,
      'Last updated': londonMidnight(TODAY),
    });
    expect(queued(opened)).toEqual([]);
  });

  it('or the daily refresh does, finding the row by Code after a sort', () => {
    const { opened } = staffSave();
    const ss = opened.runtime.spreadsheets.active() as unknown as SpreadsheetPort;
    opened.runtime.core.uncounted(() => {
      const data = ss.getSheetByName('Actions')?.getRange(2, 1, 5, ACTION_HEADERS.length);
      data?.setValues(data.getValues().reverse());
    });
    const refreshed = opened.bundle.trigger<RefreshResult>('dailyRefresh');
    expect(refreshed.byStatus.Complete).toBe(1);
    expect(auditRows(opened).map((r) => [r.Editor, r.Cell, r['New value']])).toEqual([
      [ROBERT, cell('Status', 3), 'Complete'],
      [ROBERT, cell('Latest update', 3), 'Done.'],
    ]);
    const { row, cells } = rowOf(opened, 'CEA2');
    expect(row).toBe(5);
    expect(cells).toMatchObject({
      RAG: 'Complete',
      'Updated by': ROBERT,
      'Last updated': londonMidnight(TODAY),
    });
    const runLog = sheetModel(opened, 'Run log')?.values ?? [];
    expect(String(runLog[runLog.length - 1][6])).toContain(
      `1 Update progress save by ${ROBERT} written to the Audit log.`,
    );
    expect(queued(opened)).toEqual([]);
    // Nothing left to write: the next refresh writes no Audit log row.
    opened.bundle.trigger('dailyRefresh');
    expect(auditRows(opened)).toHaveLength(2);
  });

  it('another person editing the same row later is the one Updated by names, and the Audit log keeps time order', () => {
    const { opened } = staffSave();
    opened.runtime.core.advance(60_000);
    opened.bundle.userEdit('Actions', cell('Progress', 3), [['90']], { user: ADMIN });
    const logged = auditRows(opened);
    expect(logged.map((r) => [r.Editor, r.Code, r.Header])).toEqual([
      [ROBERT, 'CEA2', 'Status'],
      [ROBERT, 'CEA2', 'Latest update'],
      [ADMIN, 'CEA2', 'Progress'],
    ]);
    const times = (sheetModel(opened, 'Audit log')?.values ?? [])
      .slice(1)
      .map((r) => (r[0] as Date).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[2] - times[0]).toBe(60_000);
    expect(rowOf(opened, 'CEA2').cells).toMatchObject({ 'Updated by': ADMIN, Progress: 90, RAG: 'Complete' });
    expect(queued(opened)).toEqual([]);
  });

  it('the staff saves trigger, every 5 minutes as the administrator, writes them though nobody edits', () => {
    const { opened } = staffSave();
    const trigger = opened.runtime.triggers.list().find((t) => t.handlerFunction === 'applyQueuedSaves');
    expect(trigger?.owner).toBe(ADMIN);
    const fires = opened.runtime.triggers
      .due(new Date(opened.runtime.core.nowMillis() + 5 * 60_000))
      .filter((d) => d.trigger.handlerFunction === 'applyQueuedSaves');
    expect(fires).toHaveLength(1);
    opened.runtime.core.resetCounts();
    const run = opened.bundle.trigger<QueuedSavesRun>('applyQueuedSaves');
    expect(run).toMatchObject({ saves: 1, editors: [ROBERT], lockBusy: false });
    expect(auditRows(opened).map((r) => [r.Editor, r.Header])).toEqual([
      [ROBERT, 'Status'],
      [ROBERT, 'Latest update'],
    ]);
    expect(rowOf(opened, 'CEA2').cells).toMatchObject({
      RAG: 'Complete',
      'Updated by': ROBERT,
      'Last updated': londonMidnight(TODAY),
    });
    const runLog = sheetModel(opened, 'Run log')?.values ?? [];
    expect(runLog[runLog.length - 1].slice(0, 7)).toEqual([
      QUEUED_SAVES_JOB,
      expect.any(Date),
      expect.any(Date),
      'ok',
      1,
      0,
      `1 Update progress save by ${ROBERT} written to the Audit log.`,
    ]);
    expect(queued(opened)).toEqual([]);

    // Nearly every run finds nothing: one read of the document's properties, and no other call at all.
    opened.runtime.core.resetCounts();
    const idle = opened.bundle.trigger<QueuedSavesRun>('applyQueuedSaves');
    expect(idle).toEqual({ saves: 0, editors: [], lockBusy: false });
    expect(opened.runtime.core.callsByService()).toEqual({ PropertiesService: 2 });
    expect(opened.runtime.core.callsByMember()).toEqual({
      'PropertiesService.PropertiesService.getDocumentProperties': 1,
      'PropertiesService.Properties.getProperties': 1,
    });
    expect(auditRows(opened)).toHaveLength(2);
  });

  it('the staff saves trigger leaves them queued while another job holds the lock, and the next run writes them', () => {
    const { opened } = staffSave();
    const before = everything(opened);
    opened.runtime.core.faults.scriptLockHeld = true;
    expect(opened.bundle.trigger<QueuedSavesRun>('applyQueuedSaves')).toEqual({
      saves: 0,
      editors: [],
      lockBusy: true,
    });
    expect(everything(opened)).toEqual(before);
    opened.runtime.core.faults.scriptLockHeld = false;
    expect(opened.bundle.trigger<QueuedSavesRun>('applyQueuedSaves').saves).toBe(1);
    expect(queued(opened)).toEqual([]);
  });

  it('a staff saves run that fails keeps the saves queued, logs "failed" and throws for Google’s failure email', () => {
    const { opened } = staffSave();
    const refuse = jest.spyOn(LocalRange.prototype, 'setValues').mockImplementationOnce(() => {
      throw new Error(SERVICE_ERROR);
    });
    try {
      expect(() => opened.bundle.trigger('applyQueuedSaves')).toThrow(SERVICE_ERROR);
    } finally {
      refuse.mockRestore();
    }
    expect(queued(opened)).toHaveLength(1);
    const runLog = sheetModel(opened, 'Run log')?.values ?? [];
    expect(runLog[runLog.length - 1][0]).toBe(QUEUED_SAVES_JOB);
    expect(runLog[runLog.length - 1][3]).toBe('failed');
    expect(String(runLog[runLog.length - 1][6])).toBe(
      `Update progress saves could not be written to the Audit log (they stay queued): ${SERVICE_ERROR}`,
    );
    expect(opened.bundle.trigger<QueuedSavesRun>('applyQueuedSaves').saves).toBe(1);
    expect(auditRows(opened)).toHaveLength(2);
  });

  it('the health check fails while a save has waited more than 15 minutes, and passes once it is written', () => {
    const { opened } = staffSave();
    const waiting = () =>
      opened.bundle.run<HealthCheckItem[]>('healthCheck').find((c) => c.name === 'Staff saves waiting');
    expect(waiting()).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/^1 Update progress save waiting/),
    });
    opened.runtime.core.advance(16 * 60_000);
    expect(waiting()).toEqual({
      name: 'Staff saves waiting',
      ok: false,
      detail: expect.stringMatching(
        /^1 Update progress save waiting for the Audit log, the oldest from 10\/03\/2010 09:00 \(more than 15 minutes ago\): /,
      ),
    });
    opened.bundle.trigger('applyQueuedSaves');
    expect(waiting()).toEqual({
      name: 'Staff saves waiting',
      ok: true,
      detail: 'none: every Update progress save is in the Audit log.',
    });
  });

  it('queues the record before writing the cells; a write refused outright leaves neither', () => {
    const opened = openSetUp();
    const state = stateOf(opened, 'CEA2');
    const before = everything(opened);
    const queuedAtWrite: number[] = [];
    const refuse = jest.spyOn(LocalRange.prototype, 'setValues').mockImplementationOnce(() => {
      queuedAtWrite.push(queued(opened).length);
      throw new Error(SERVICE_ERROR);
    });
    try {
      const result = save(opened, request(state, { status: 'Complete', latestUpdate: 'Done.' }));
      expect(result).toEqual({
        outcome: 'invalid',
        errors: [
          {
            field: '',
            message: `Nothing was saved: the sheet refused the change (Google said: ${SERVICE_ERROR}). Try again.`,
          },
        ],
      });
    } finally {
      refuse.mockRestore();
    }
    expect(queuedAtWrite).toEqual([1]);
    expect(everything(opened)).toEqual(before);
  });

  it('a write refused part-way keeps a record of exactly what was written, for the Audit log', () => {
    const opened = openSetUp();
    const state = stateOf(opened, 'CEA2');
    const original = LocalRange.prototype.setValues;
    let calls = 0;
    const refuse = jest.spyOn(LocalRange.prototype, 'setValues').mockImplementation(function (
      this: LocalRange,
      values: unknown,
    ) {
      calls += 1;
      if (calls === 2) throw new Error(SERVICE_ERROR);
      return original.call(this, values);
    });
    let result: SaveResult;
    try {
      result = save(opened, request(state, { status: 'Complete', latestUpdate: 'Done.' }));
    } finally {
      refuse.mockRestore();
    }
    expect(result).toEqual({
      outcome: 'invalid',
      errors: [
        {
          field: '',
          message:
            `Only Status of CEA2 was saved: the sheet refused Latest update (Google said: ${SERVICE_ERROR}). ` +
            'The Audit log will record what was saved; open the action again and save the rest.',
        },
      ],
    });
    expect(rowOf(opened, 'CEA2').cells).toMatchObject({ Status: 'Complete', 'Latest update': '' });
    expect(queued(opened)).toHaveLength(1);
    opened.bundle.trigger('applyQueuedSaves');
    expect(auditRows(opened).map((r) => [r.Editor, r.Header, r['New value']])).toEqual([
      [ROBERT, 'Status', 'Complete'],
    ]);
  });

  it('a document store too full to queue the save writes nothing and says what to do', () => {
    const opened = openSetUp();
    const state = stateOf(opened, 'CEA2');
    // Other records filling the document's properties to within a few bytes of Apps Script's 500 KB.
    const room = PROPERTY_STORE_LIMIT_BYTES - opened.runtime.properties.bytesUsed('document');
    opened.runtime.properties.seed('document', { filler: 'x'.repeat(room - 'filler'.length - 10) });
    const before = everything(opened);
    const result = save(opened, request(state, { status: 'Complete', latestUpdate: 'Done.' }));
    expect(result).toEqual({
      outcome: 'invalid',
      errors: [
        {
          field: '',
          message:
            `Nothing was saved: the store of saves waiting for the Audit log is full (Google said: ` +
            `${PROPERTY_QUOTA_MESSAGE}). Ask a plan administrator to choose Improvement Plan › Refresh status ` +
            'colours, which writes them out, then save again.',
        },
      ],
    });
    expect(everything(opened)).toEqual(before);
  });
});

describe('Update progress: calls (bundle)', () => {
  /** Spreadsheet calls of one save of the first action's Latest update (as `who`), on a generated plan of `size`. */
  function saveCalls(size: number, who: string): Record<string, number> {
    const runtime = createLocalRuntime({ now: `${TODAY}T09:00:00Z` });
    createPlanSpreadsheet(runtime, generatePlan(size, TODAY));
    const bundle = loadBundle(runtime);
    bundle.run('setUpOrRepairSpreadsheet');
    bundle.run('refreshStatusColours');
    const code = String(runtime.spreadsheets.model().sheets.find((s) => s.name === 'Actions')?.values[1][0]);
    const state = bundle.runAs<SidebarState>(who, 'sidebarState', code);
    runtime.core.resetCounts();
    const result = bundle.runAs<SaveResult>(
      who,
      'saveProgress',
      request(state, { latestUpdate: 'Checked.' }),
    );
    expect(result.outcome).toBe('saved');
    return Object.fromEntries(
      Object.entries(runtime.core.callsByMember()).filter(([k]) => k.startsWith('SpreadsheetApp.')),
    );
  }

  it.each([
    ['a plan administrator', ADMIN],
    ['staff', 'head.service01@example.org'],
  ])('are the same, call by call, for 100 and 1,000 actions, saved by %s', (_, who) => {
    const small = saveCalls(100, who);
    expect(saveCalls(1_000, who)).toEqual(small);
    expect(small['SpreadsheetApp.Range.getValues']).toBe(4); // Actions, People, Lists and Settings, once each
  });
});
