// Generate committee report… through the bundle: the prompts, the Doc and its counts against a known baseline, the
// template, the Reports and Run log rows, the link dialog, and bad input (no actions, hostile text, a missing
// template, two runs at once).
import type { PlanData } from '../../local/planSpreadsheet';
import { SNAPSHOT_HEADERS } from '../../src/domain/layout';
import type { ReportMenuResult, ReportResult } from '../../src/jobs/generateReport';
import { CYCLE_PROPERTY } from '../../src/sheets/snapshots';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import { action, londonMidnight, type Row, settingsSheet, sheet } from '../builders/plan';
import { openPlan, planData } from './harness';

const OWNER = 'plan.admin@example.org';
const TAKEN = '2009-10-01T10:00:00.000Z';

/** The plan as it stood at the last cycle start (cycle 1). */
const BASELINE: Row[] = [
  action({ Code: 'CEA1' }),
  action({ Code: 'CEA2' }),
  action({ Code: 'CEA3', Action: 'Publish the consultation calendar' }),
  action({ Code: 'CEA4' }),
  action({ Code: 'CEB1', Category: 'B', 'Target date': londonMidnight('2010-01-31'), Timescale: '' }),
  action({ Code: 'CEA9', Status: 'Complete' }), // complete at the cycle start: not in the baseline
];

/** Today: CEA1 and CEB1 unchanged (retained), CEA2 complete and CEA4 gone (deleted), CEA3 reworded, CEA5 new. */
const NOW_ROWS: Row[] = [
  action({ Code: 'CEA1' }),
  action({ Code: 'CEA2', Status: 'Complete' }),
  action({ Code: 'CEA3', Action: 'Publish the consultation calendar every quarter' }),
  action({ Code: 'CEB1', Category: 'B', 'Target date': londonMidnight('2010-01-31'), Timescale: '' }),
  action({ Code: 'CEA5', Action: '<script>alert(1)</script> =SUM(A1) {{REPORT_BODY}} {{Committee}}' }),
];

function withBaseline(opened: ReturnType<typeof openPlan>, rows: Row[] = BASELINE) {
  opened.runtime.spreadsheets.load(
    'Snapshots',
    sheet(
      SNAPSHOT_HEADERS,
      rows.map((r) => ({ Cycle: 1, Taken: new Date(TAKEN), 'Taken by': OWNER, ...r })),
    ),
  );
  opened.runtime.properties.seed('document', {
    [CYCLE_PROPERTY]: JSON.stringify({ cycle: 1, takenAt: TAKEN, takenBy: OWNER }),
  });
}

function openSetUp(data: PlanData) {
  const opened = openPlan(data);
  const outcome = opened.bundle.run<MenuOutcome<unknown>>('setUpOrRepairSpreadsheet');
  if (!outcome.ok) throw new Error(outcome.message);
  opened.runtime.spreadsheets.ui.reset();
  return opened;
}

function generate(opened: ReturnType<typeof openPlan>, meeting = '12/04/2010', committee = '') {
  opened.runtime.spreadsheets.ui.answer({ button: 'OK', text: meeting }, { button: 'OK', text: committee });
  return opened.bundle.run<MenuOutcome<ReportMenuResult>>('generateCommitteeReport');
}

function report(outcome: MenuOutcome<ReportMenuResult>): ReportResult {
  if (!outcome.ok) throw new Error(outcome.message);
  if ('cancelled' in outcome.result) throw new Error(outcome.result.message);
  return outcome.result;
}

const docText = (opened: ReturnType<typeof openPlan>, id: string) =>
  opened.runtime.documents
    .model(id)
    .body.map((b) => b.text)
    .join('\n');

describe('Generate committee report (bundle)', () => {
  it('counts exactly the known differences from the baseline and writes the Doc, Reports row and Run log', () => {
    const opened = openSetUp(planData(NOW_ROWS));
    withBaseline(opened);
    const result = report(generate(opened));
    expect(result.counts).toEqual({ total: 5, retained: 2, deleted: 2, updated: 1, added: 1 });
    expect(result.counts.retained + result.counts.deleted + result.counts.updated).toBe(result.counts.total);
    expect(result.attention).toEqual(['CEB1']);
    expect(result.meeting).toBe('2010-04-12');

    const docs = opened.runtime.documents.documents();
    expect(docs).toHaveLength(1);
    expect(docs[0].name).toBe(result.title);
    expect(result.title).toMatch(/Cabinet/);
    const model = opened.runtime.documents.model(result.documentId);
    expect(model.body[0]).toMatchObject({ type: 'PARAGRAPH', heading: 'TITLE' });
    expect(model.body.some((b) => b.type === 'TABLE')).toBe(true);
    // User text exactly as typed, nothing interpreted.
    const text = docText(opened, result.documentId);
    expect(text).toContain('<script>alert(1)</script> =SUM(A1) {{REPORT_BODY}} {{Committee}}');

    const reports = opened.values('Reports') ?? [];
    expect(reports).toHaveLength(2);
    expect(reports[1].slice(2)).toEqual(['Cabinet', 1, result.url, OWNER]);
    const runLog = opened.values('Run log') ?? [];
    expect(runLog[runLog.length - 1][0]).toBe('Generate committee report');
    expect(runLog[runLog.length - 1][3]).toBe('ok');

    const dialog = opened.runtime.spreadsheets.ui.dialogs.at(-1);
    expect(dialog?.title).toBe('Generate committee report');
    expect(JSON.stringify(dialog)).toContain(result.url);
  });

  it('draws the status-by-theme chart as a PNG image in the report', () => {
    const opened = openSetUp(planData(NOW_ROWS));
    const result = report(generate(opened));
    const model = opened.runtime.documents.model(result.documentId);
    const images = model.body.flatMap((b) =>
      b.type === 'TABLE' ? [] : b.elements.filter((e) => e.type === 'INLINE_IMAGE'),
    );
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ contentType: 'image/png', width: 600, height: 400 });
    expect(result.notes.join(' ')).not.toMatch(/could not be drawn/);
  });

  it('with no baseline, says it is the first report and counts every live action as added', () => {
    const opened = openSetUp(planData(NOW_ROWS));
    const result = report(generate(opened));
    expect(result.counts).toMatchObject({ added: 4, retained: 0, deleted: 0, updated: 0 });
    expect(docText(opened, result.documentId)).toMatch(/first report/i);
  });

  it('with no actions at all still makes a report', () => {
    const opened = openSetUp(planData([]));
    const result = report(generate(opened));
    expect(result.counts).toEqual({ total: 0, retained: 0, deleted: 0, updated: 0, added: 0 });
    expect(opened.runtime.documents.documents()).toHaveLength(1);
  });

  it('a 40,000-character action is written without failing', () => {
    const opened = openSetUp(planData([action({ Code: 'CEA1', Action: 'x'.repeat(40_000) })]));
    const result = report(generate(opened));
    expect(result.counts.added).toBe(1);
  });

  it('Cancel at either question does nothing', () => {
    const opened = openSetUp(planData(NOW_ROWS));
    opened.runtime.spreadsheets.ui.answer({ button: 'CANCEL' });
    expect(opened.bundle.run<MenuOutcome<ReportMenuResult>>('generateCommitteeReport')).toMatchObject({
      ok: true,
      result: { cancelled: true },
    });
    opened.runtime.spreadsheets.ui.answer({ button: 'OK', text: '' }, { button: 'CLOSE' });
    expect(opened.bundle.run<MenuOutcome<ReportMenuResult>>('generateCommitteeReport')).toMatchObject({
      ok: true,
      result: { cancelled: true },
    });
    expect(opened.runtime.documents.documents()).toHaveLength(0);
    expect(opened.values('Reports')).toHaveLength(1);
  });

  it('defaults to the next Committee meeting date in Settings and the Settings committee; an unreadable date does nothing', () => {
    const data = planData(NOW_ROWS);
    data.settings = settingsSheet({
      Committee: 'Governance and Audit Committee',
      'Committee meeting dates': '01/02/2010, 20/07/2010, 12/04/2010',
    });
    const opened = openSetUp(data);
    const result = report(generate(opened, '', ''));
    expect(result.meeting).toBe('2010-04-12');
    expect(result.title).toContain('Governance and Audit Committee');
    const prompts = opened.runtime.spreadsheets.ui.alerts.filter((a) => a.kind === 'prompt');
    expect(prompts[0].prompt).toContain('12/04/2010');

    const bad = generate(opened, '31/02/2010');
    expect(bad).toMatchObject({ ok: true, result: { cancelled: true } });
    expect(opened.runtime.spreadsheets.ui.alerts.at(-1)?.prompt).toMatch(/"31\/02\/2010" is not a date/);
    expect(opened.runtime.documents.documents()).toHaveLength(1);
  });

  it('a template that does not exist gives a clear message and creates nothing', () => {
    const data = planData(NOW_ROWS);
    data.settings = settingsSheet({ 'Report template document ID': 'no-such-document' });
    const opened = openSetUp(data);
    const outcome = generate(opened);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(
      /The report template \(ID no-such-document\) could not be opened: .*Check Settings › Report template document ID\./,
    );
    expect(opened.runtime.documents.documents()).toHaveLength(0);
    expect(opened.values('Reports')).toHaveLength(1);
  });

  it('a template without {{REPORT_BODY}} gives a clear message and creates nothing', () => {
    const data = planData(NOW_ROWS);
    const opened = openPlan(data);
    const id = opened.runtime.documents.add('Council template', (doc) => {
      doc.getBody().appendParagraph('Report of {{Committee}}');
    });
    opened.runtime.spreadsheets.load('Settings', settingsSheet({ 'Report template document ID': id }));
    opened.bundle.run('setUpOrRepairSpreadsheet');
    opened.runtime.spreadsheets.ui.reset();
    const outcome = generate(opened);
    expect(!outcome.ok && outcome.message).toMatch(/has no paragraph holding just \{\{REPORT_BODY\}\}/);
    expect(opened.runtime.documents.documents()).toHaveLength(1); // the template only
  });

  it('a template keeps its text, fills its placeholders and puts the report where {{REPORT_BODY}} stands', () => {
    const data = planData(NOW_ROWS);
    const opened = openPlan(data);
    const id = opened.runtime.documents.add('Council template', (doc) => {
      const body = doc.getBody();
      body.getChild(0).asParagraph().setText('EXAMPLE COUNCIL');
      body.appendParagraph('To: {{Committee}} – {{meeting date}}');
      body.appendTable([['Classification', '{{ classification }}']]);
      body.appendParagraph('{{REPORT_BODY}}');
      body.appendParagraph('Background documents: none');
    });
    opened.runtime.spreadsheets.load(
      'Settings',
      settingsSheet({ 'Report template document ID': id, Committee: '{{REPORT_BODY}} Cabinet' }),
    );
    opened.bundle.run('setUpOrRepairSpreadsheet');
    opened.runtime.spreadsheets.ui.reset();
    const result = report(generate(opened));
    const body = opened.runtime.documents.model(result.documentId).body;
    expect(body[0].text).toBe('EXAMPLE COUNCIL');
    expect(body[1].text).toMatch(/^To: \{\{REPORT_BODY\}\} Cabinet – /);
    expect(body[1].text).not.toContain('{{meeting date}}');
    expect(body[2].type).toBe('TABLE');
    expect(body[2].text).not.toContain('{{');
    const title = body.findIndex((b) => b.type === 'PARAGRAPH' && b.heading === 'TITLE');
    expect(title).toBeGreaterThan(2); // after the template's heading lines and table
    expect(body.at(-1)?.text).toBe('Background documents: none');
    // The placeholder line itself is gone, and user text holding {{REPORT_BODY}} is untouched.
    expect(body.filter((b) => b.text === '{{REPORT_BODY}}')).toHaveLength(0);
    expect(body.map((b) => b.text).join('\n')).toContain('{{REPORT_BODY}} {{Committee}}');
    // The template itself is unchanged.
    expect(opened.runtime.documents.model(id).body.map((b) => b.text)).toContain('{{REPORT_BODY}}');
  });

  /** Sets a template up with `build`, runs the report, and returns the outcome and the opened plan. */
  function withTemplate(build: (body: GoogleAppsScript.Document.Body) => void) {
    const opened = openPlan(planData(NOW_ROWS));
    const id = opened.runtime.documents.add('Council template', (doc) => build(doc.getBody()));
    opened.runtime.spreadsheets.load('Settings', settingsSheet({ 'Report template document ID': id }));
    opened.bundle.run('setUpOrRepairSpreadsheet');
    opened.runtime.spreadsheets.ui.reset();
    return { opened, outcome: generate(opened) };
  }

  it('a template that ends with {{REPORT_BODY}} works (Docs will not remove a section’s last paragraph)', () => {
    const { opened, outcome } = withTemplate((body) =>
      body.getChild(0).asParagraph().setText('{{REPORT_BODY}}'),
    );
    const result = report(outcome);
    const body = opened.runtime.documents.model(result.documentId).body;
    expect(body.some((b) => b.type === 'PARAGRAPH' && b.heading === 'TITLE')).toBe(true);
    expect(body.filter((b) => b.text === '{{REPORT_BODY}}')).toHaveLength(0);
    expect(result.title).not.toContain('incomplete');
  });

  it('a template with {{REPORT_BODY}} twice, or inside a table, is refused plainly and nothing is created', () => {
    const twice = withTemplate((body) => {
      body.appendParagraph('{{REPORT_BODY}}');
      body.appendParagraph('{{REPORT_BODY}}');
    });
    expect(!twice.outcome.ok && twice.outcome.message).toMatch(/has \{\{REPORT_BODY\}\} 2 times; keep one/);
    expect(twice.opened.runtime.documents.documents()).toHaveLength(1);
    const inTable = withTemplate((body) => body.appendTable([['{{REPORT_BODY}}']]));
    expect(!inTable.outcome.ok && inTable.outcome.message).toMatch(/inside other text or a table/);
    expect(inTable.opened.runtime.documents.documents()).toHaveLength(1);
  });

  it('a second run while the first holds the lock says the first is still running and makes nothing', () => {
    const opened = openSetUp(planData(NOW_ROWS));
    const other = opened.runtime.core.beginExecution();
    const lockService = opened.runtime.globals.LockService as {
      getScriptLock(): { tryLock(ms: number): boolean };
    };
    expect(lockService.getScriptLock().tryLock(1000)).toBe(true);
    const outcome = generate(opened);
    opened.runtime.locks.releaseAll(other);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/another job on this plan is still running/);
    expect(opened.runtime.documents.documents()).toHaveLength(0);
  });

  it('staff are told it needs a plan administrator', () => {
    const opened = openSetUp(planData(NOW_ROWS));
    opened.runtime.spreadsheets.ui.answer({ button: 'OK', text: '' }, { button: 'OK', text: '' });
    const outcome = opened.bundle.runAs<MenuOutcome<ReportMenuResult>>(
      'jane.staff@example.org',
      'generateCommitteeReport',
    );
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/needs a plan administrator/);
    expect(opened.runtime.documents.documents()).toHaveLength(0);
  });
});
