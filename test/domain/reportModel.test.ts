// The committee report's model (DESIGN 2.9): blocks in the seeds' order and wording, counts, placeholders, bad input.
import { diffAgainstBaseline } from '../../src/domain/cycle';
import { RAG_COLOURS } from '../../src/domain/rag';
import { REPORT_CELL_TEXT_LIMIT } from '../../src/domain/reportCells';
import { buildReportModel, REPORT_TEXT_BUDGET, textLength } from '../../src/domain/reportModel';
import { readPlan } from '../../src/domain/plan';
import type { Baseline, ReportBlock, ReportModel, ReportTableCell } from '../../src/domain/reportTypes';
import { SETTING_DEFS } from '../../src/domain/settings';
import type { Plan } from '../../src/domain/plan';
import { action, planValues, type Row } from '../builders/plan';
import { baselineOf, planOf, seed001, ZONE } from '../builders/cycle';

const MEETING = { date: '2010-07-08', committee: 'Cabinet' };
// 13:05 UTC is 14:05 in London in summer.
const GENERATED_AT = new Date('2010-06-24T13:05:00Z');

function model(plan: Plan, baseline?: Baseline): ReportModel {
  return buildReportModel({
    plan,
    diff: diffAgainstBaseline(plan, baseline),
    meeting: MEETING,
    generatedAt: GENERATED_AT,
    timeZone: ZONE,
  });
}

function report(rows: Row[], baselineRows?: Row[]): ReportModel {
  return model(planOf(rows), baselineRows ? baselineOf(baselineRows) : undefined);
}

function blockText(b: ReportBlock): string[] {
  switch (b.kind) {
    case 'title':
    case 'heading':
      return [b.text];
    case 'paragraph':
      return [b.runs.map((r) => r.text).join('')];
    case 'bullets':
      return b.items;
    case 'table':
      return b.rows.flatMap((r) => r.map((c) => c.text));
    case 'chart':
      return [b.title, ...b.themes];
    case 'pageBreak':
      return [];
  }
}

const texts = (m: ReportModel) => m.blocks.flatMap(blockText);
const headings = (m: ReportModel, level?: number) =>
  m.blocks.flatMap((b) => (b.kind === 'heading' && (!level || b.level === level) ? [b.text] : []));
const paragraphs = (m: ReportModel) =>
  m.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));

/** The table that follows the heading whose text starts with `title`. */
function tableAfter(m: ReportModel, title: string): ReportTableCell[][] {
  const i = m.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith(title));
  const next = m.blocks.slice(i + 1).find((b) => b.kind === 'table' || b.kind === 'heading');
  if (i < 0 || next?.kind !== 'table') throw new Error(`no table after "${title}"`);
  return next.rows;
}

const rowsText = (rows: ReportTableCell[][]) => rows.map((r) => r.map((c) => c.text));

describe('buildReportModel on seed 001’s shape', () => {
  const { plan, baseline } = seed001();
  const m = model(plan, baseline);

  it('counts as the seed does: a total of 65 = 24 + 37 + 4, plus 4 added', () => {
    expect(m.counts).toEqual({ total: 65, retained: 24, deleted: 37, updated: 4, added: 4 });
    expect(paragraphs(m).join('\n')).toContain(
      'There are currently a total of 65 improvement actions within the Corporate Improvement Plan from the last update (update cycle 3, begun on 9 July 2009). It is proposed that:',
    );
    const bullets = m.blocks.find((b) => b.kind === 'bullets');
    expect(bullets).toEqual({
      kind: 'bullets',
      items: ['24 are retained;', '37 are deleted;', '4 are updated; and', '4 are added.'],
    });
  });

  it('has its title and blocks in the order of DESIGN 2.9', () => {
    expect(m.title).toBe('Corporate Improvement Plan – Cabinet 8 July 2010 (draft 24 June 2010 14:05)');
    expect(m.blocks[0]).toEqual({ kind: 'title', text: 'Corporate Improvement Plan update' });
    expect(texts(m).slice(1, 5)).toEqual([
      'By: (set “Report by” in Settings)',
      'To: Cabinet – 8 July 2010',
      'Subject: Corporate Improvement Plan update',
      'Classification: Unrestricted',
    ]);
    expect(headings(m, 1)).toEqual([
      '1. Summary',
      '2. Progress since the last update',
      '3. Actions needing attention',
      '4. Recommendations',
      'Appendix A – Corporate Improvement Plan',
      'Appendix B – New and updated actions',
    ]);
    const kinds = m.blocks.map((b) => b.kind);
    expect(kinds.indexOf('pageBreak')).toBe(
      m.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('Appendix A')) - 1,
    );
    expect(kinds.indexOf('chart')).toBeGreaterThan(
      m.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('2.')),
    );
  });

  it('shows the counts table', () => {
    expect(rowsText(tableAfter(m, '2. Progress'))).toEqual([
      ['Actions', 'Number'],
      ['Total at the last update', '65'],
      ['Retained', '24'],
      ['Deleted', '37'],
      ['Updated', '4'],
      ['Added', '4'],
    ]);
  });

  it('lists in Appendix B what was added, what changed old → new, and why actions are proposed for deletion', () => {
    const added = rowsText(tableAfter(m, 'New actions (4)'));
    expect(added.map((r) => r[0])).toEqual([
      'Code',
      'CEA66',
      'CEA67',
      'CEA68',
      expect.stringMatching(/no code/),
    ]);
    expect(added[4][2]).toBe('A new action without a code yet');
    expect(rowsText(tableAfter(m, 'Updated actions (4)'))).toEqual([
      ['Code', 'What changed', 'Was', 'Now'],
      ['CEA62', 'Action', 'Action 62', 'Action 62, reworded'],
      ['CEA63', 'Timescale', 'By the end of 2010/11', 'Ongoing'],
      ['', 'Target date', '31 March 2011', 'none'],
      ['CEA64', 'Target date', '31 March 2011', '30 September 2011'],
      ['CEA65', 'Lead', 'Robert Hardy', 'Amanda Beer'],
    ]);
    const deleted = rowsText(tableAfter(m, 'Actions proposed for deletion (37)'));
    expect(deleted).toHaveLength(38);
    expect(deleted).toContainEqual(['CEA25', 'Action 25', 'Completed']);
    expect(deleted).toContainEqual(['CEA55', 'Action 55', 'Cancelled']);
    expect(deleted).toContainEqual(['CEA60', 'Action 60', 'No longer in the plan']);
    expect(rowsText(tableAfter(m, 'New actions already complete (1)'))).toEqual([
      ['Code', 'Action'],
      ['CEA69', 'Action 69'],
    ]);
  });

  it('lists target dates revised since the baseline with their reasons', () => {
    expect(rowsText(tableAfter(m, 'Target dates revised'))).toEqual([
      ['Code', 'Target date (was → now)', 'Reason'],
      ['CEA64', '31 March 2011 → 30 September 2011', 'Waiting for the new strategy'],
    ]);
  });

  it('asks members to note, as seeds 001 and 004 do', () => {
    const i = m.blocks.findIndex((b) => b.kind === 'heading' && b.text === '4. Recommendations');
    expect(m.blocks[i + 1]).toEqual({ kind: 'paragraph', runs: [{ text: 'Members are asked to note:' }] });
    expect(m.blocks[i + 2]).toMatchObject({ kind: 'bullets' });
  });

  it('every table is rectangular', () => {
    for (const b of m.blocks) {
      if (b.kind !== 'table') continue;
      for (const row of b.rows) expect(row).toHaveLength(b.rows[0].length);
      if (b.columnWidths) expect(b.columnWidths).toHaveLength(b.rows[0].length);
    }
  });
});

describe('the report’s sections', () => {
  const rows: Row[] = [
    action({
      Code: 'CEA1',
      Reference: 'Para 68',
      Action: 'Review approaches to engagement',
      Timescale: 'By the end of 2009/10',
      Lead: 'Robert Hardy / Managing Directors',
      'Evidence of improvement': 'Engagement strategy agreed',
      Monitoring: 'Annual report',
      'Latest update': 'Draft strategy out to consultation',
      'Last updated': '01/03/2010',
    }),
    action({
      Code: 'CEA2',
      'Target date': '01/02/2010',
      'Latest update': 'Delayed',
      'Last updated': '01/03/2010',
    }),
    action({ Code: 'CEA3', 'Target date': '28/02/2010' }),
    action({ Code: 'CEA4', Status: 'Cancelled' }),
    action({ Code: 'CEB1', Category: 'B', Status: 'Complete' }),
    action({ Code: 'CEA5', Status: 'Paused' }),
    action({
      Code: 'CEA6',
      'Target date': '31/12/2010',
      'Revised target date': '31/03/2011',
      'Revision reason': 'Budget',
      'Last updated': '01/03/2010',
    }),
  ];
  const m = report(rows);

  it('on a first report says so, and counts every open action as added', () => {
    expect(paragraphs(m)).toContain("This is the plan's first report: all 5 live actions are new.");
    expect(m.counts).toEqual({ total: 5, retained: 0, deleted: 0, updated: 0, added: 5 });
    expect(rowsText(tableAfter(m, '2. Progress'))[1]).toEqual(['Total (first report)', '5']);
    expect(headings(m)).not.toContain(expect.stringMatching(/^Updated actions/));
  });

  it('status by theme: every Lists theme, zeros included, RAG headers coloured, totals; the chart has the same numbers', () => {
    const table = tableAfter(m, '2. Progress');
    const statusBlock = m.blocks.filter((b) => b.kind === 'table')[1];
    if (statusBlock.kind !== 'table') throw new Error('no status table');
    const status = statusBlock.rows;
    expect(table).not.toBe(status);
    expect(status[0].map((c) => c.text)).toEqual([
      'Theme',
      'Complete',
      'Overdue',
      'Due soon',
      'On track',
      'Ongoing',
      'Deferred',
      'Total',
    ]);
    expect(status[0][2].background).toBe(RAG_COLOURS.Overdue.background);
    expect(rowsText(status)).toContainEqual(['Community engagement', '1', '2', '1', '1', '0', '0', '5']);
    expect(rowsText(status)).toContainEqual(['Outcomes', '0', '0', '0', '0', '0', '0', '0']);
    expect(rowsText(status).at(-1)).toEqual(['Total', '1', '2', '1', '1', '0', '0', '5']);
    expect(paragraphs(m)).toContain(
      '1 live action has no status colour because the Status is missing or not in Lists; see section 3.',
    );
    const chart = m.blocks.find((b) => b.kind === 'chart');
    if (chart?.kind !== 'chart') throw new Error('no chart');
    expect(chart.themes).toHaveLength(7);
    expect(chart.series.find((s) => s.rag === 'Overdue')).toEqual({
      rag: 'Overdue',
      colour: RAG_COLOURS.Overdue.background,
      values: [2, 0, 0, 0, 0, 0, 0],
    });
  });

  it('actions needing attention: overdue most overdue first, stale, revised dates, problems', () => {
    expect(m.attention).toEqual(['CEA2', 'CEA3']);
    expect(rowsText(tableAfter(m, 'Overdue actions (2)'))).toEqual([
      ['Code', 'Action', 'Lead', 'Days overdue', 'Latest update'],
      ['CEA2', 'Ensure consultation responses are recorded', 'Robert Hardy', '37', 'Delayed'],
      ['CEA3', 'Ensure consultation responses are recorded', 'Robert Hardy', '10', 'None recorded'],
    ]);
    const stale = rowsText(tableAfter(m, 'Actions with no update for more than 90 days'));
    expect(stale.map((r) => [r[0], r[3]])).toEqual([
      ['Code', 'Last updated'],
      ['CEA3', 'Never'],
    ]);
    expect(rowsText(tableAfter(m, 'Target dates revised'))).toEqual([
      ['Code', 'Target date (was → now)', 'Reason'],
      ['CEA6', '31 December 2010 → 31 March 2011', 'Budget'],
    ]);
    const problems = rowsText(tableAfter(m, 'Rows with problems'));
    expect(problems).toContainEqual([
      'Actions',
      '7',
      'CEA5',
      'Status: Status "Paused" is not in Lists › Statuses.',
    ]);
  });

  it('Appendix A: themes then categories with meaning, reference with action, status coloured, cancelled plain', () => {
    const h = headings(m);
    const a = h.indexOf('Appendix A – Corporate Improvement Plan');
    expect(h.slice(a + 1, a + 4)).toEqual([
      'Area for improvement 1 – Community engagement',
      'Category A – Monitoring',
      'Category B – Improvement',
    ]);
    expect(paragraphs(m)).toContain(
      'Work currently being done where the changes suggested affect how the work is monitored',
    );
    const i = m.blocks.findIndex(
      (b) => b.kind === 'heading' && b.text === 'Area for improvement 2 – Communications',
    );
    expect(m.blocks[i + 1]).toEqual({ kind: 'paragraph', runs: [{ text: 'No actions.' }] });
    const table = tableAfter(m, 'Category A – Monitoring');
    expect(table[0].map((c) => c.text)).toEqual([
      'Code',
      'Action',
      'Timescale / target',
      'Lead',
      'Evidence of improvement',
      'Monitoring',
      'Status',
      'Latest update',
    ]);
    expect(rowsText(table)[1]).toEqual([
      'CEA1',
      'Para 68 – Review approaches to engagement',
      'By the end of 2009/10 – (31 March 2010)',
      'Robert Hardy / Managing Directors',
      'Engagement strategy agreed',
      'Annual report',
      'Due soon',
      'Draft strategy out to consultation',
    ]);
    expect(table[1][6].background).toBe(RAG_COLOURS['Due soon'].background);
    const cancelled = table.find((r) => r[0].text === 'CEA4');
    expect(cancelled?.[6]).toEqual({ text: 'Cancelled' });
    expect(table.find((r) => r[0].text === 'CEA5')?.[6]).toEqual({ text: 'Paused (status not in Lists)' });
    expect(table.find((r) => r[0].text === 'CEA6')?.[2].text).toBe(
      'Ongoing – Revised target 31 March 2011 (was 31 December 2010)',
    );
    expect(tableAfter(m, 'Category B – Improvement')[1][6]).toEqual({
      text: 'Complete',
      background: RAG_COLOURS.Complete.background,
    });
  });

  it('placeholders: every Setting by name, the meeting, and the counts', () => {
    for (const d of SETTING_DEFS) expect(m.placeholders).toHaveProperty([d.name]);
    expect(m.placeholders).toMatchObject({
      'Plan title': 'Corporate Improvement Plan',
      'Due-soon window (days)': '28',
      'Remind before (days)': '14, 3',
      Committee: 'Cabinet',
      'meeting date': '8 July 2010',
      total: '5',
      added: '5',
    });
    const withDates = model(
      planOf([], { 'Committee meeting dates': '2010-07-08, 2010-12-01', Committee: 'Scrutiny' }),
    );
    expect(withDates.placeholders['Committee meeting dates']).toBe('8 July 2010, 1 December 2010');
    // The meeting asked for wins over the Settings' committee.
    expect(withDates.placeholders.Committee).toBe('Cabinet');
  });
});

describe('bad input', () => {
  it('no actions at all', () => {
    const m = report([]);
    expect(m.counts).toEqual({ total: 0, retained: 0, deleted: 0, updated: 0, added: 0 });
    expect(paragraphs(m)).toContain("This is the plan's first report: it has no live actions yet.");
    expect(paragraphs(m)).toContain('No actions are overdue.');
    expect(paragraphs(m).filter((p) => p === 'No actions.')).toHaveLength(7);
    expect(m.attention).toEqual([]);
  });

  it('every action complete', () => {
    const m = report(
      [action({ Code: 'CEA1', Status: 'Complete' }), action({ Code: 'CEA2', Status: 'Complete' })],
      [action({ Code: 'CEA1' }), action({ Code: 'CEA2' })],
    );
    expect(m.counts).toEqual({ total: 2, retained: 0, deleted: 2, updated: 0, added: 0 });
    expect(m.blocks.find((b) => b.kind === 'bullets')).toMatchObject({
      items: ['0 are retained;', '2 are deleted;', '0 are updated; and', '0 are added.'],
    });
    expect(paragraphs(m)).toContain('No actions have been added since the last update.');
  });

  it('a baseline whose codes no longer exist', () => {
    const m = report([action({ Code: 'CEA9' })], [action({ Code: 'CMA1', Action: 'Old action' })]);
    expect(m.counts).toEqual({ total: 1, retained: 0, deleted: 1, updated: 0, added: 1 });
    expect(rowsText(tableAfter(m, 'Actions proposed for deletion'))[1]).toEqual([
      'CMA1',
      'Old action',
      'No longer in the plan',
    ]);
  });

  it(`an action of 40,000 characters is shortened to ${REPORT_CELL_TEXT_LIMIT} in tables, otherwise unaltered`, () => {
    const long = `Start ${'x'.repeat(40_000)}`;
    const m = report([action({ Code: 'CEA1', Action: long })]);
    const cellText = tableAfter(m, 'Category A')[1][1].text;
    expect(cellText).toHaveLength(REPORT_CELL_TEXT_LIMIT);
    expect(cellText.endsWith('…')).toBe(true);
    expect(long.startsWith(cellText.slice(0, -1))).toBe(true);
    for (const t of texts(m)) expect(t.length).toBeLessThanOrEqual(REPORT_CELL_TEXT_LIMIT + 500);
  });

  it('user text stays literal: markup, placeholders and formulas are plain text', () => {
    const m = report([
      action({
        Code: 'CEA1',
        Action: '<script>alert(1)</script>',
        'Latest update': '{{REPORT_BODY}}',
        'Evidence of improvement': '=SUM(A1)',
      }),
    ]);
    const row = rowsText(tableAfter(m, 'Category A'))[1];
    expect(row[1]).toBe('<script>alert(1)</script>');
    expect(row[4]).toBe('=SUM(A1)');
    expect(row[7]).toBe('{{REPORT_BODY}}');
  });

  it('an action whose theme is not in Lists is still in Appendix A and the status table', () => {
    const m = report([action({ Code: 'XXA1', Theme: 'Made up' })]);
    expect(headings(m)).toContain('Theme missing or not in Lists');
    expect(texts(m)).toContain('XXA1');
  });

  it('a plan whose Actions sheet cannot be read says why', () => {
    const plan = planOf([]);
    const broken: Plan = {
      ...plan,
      errors: ['Actions: the required column "Lead" is missing from the header row.'],
    };
    expect(paragraphs(model(broken)).join('\n')).toContain('the required column "Lead" is missing');
  });
});

describe('a report too large for one Google Doc', () => {
  it('keeps under the budget: Appendix A drops its long columns, then lists only the first actions, and says so', () => {
    const long = 'Evidence of improvement gathered across every directorate and reported. '.repeat(8);
    const rows = Array.from({ length: 3000 }, (_, i) =>
      action({
        Code: `CEA${i + 1}`,
        Action: `Action ${i + 1} ${'x'.repeat(200)}`,
        'Evidence of improvement': long,
        Monitoring: long,
      }),
    );
    const plan = readPlan(planValues(rows), 'Europe/London', '2010-03-10');
    const model = buildReportModel({
      plan,
      diff: diffAgainstBaseline(plan, undefined),
      meeting: { date: '2010-04-19', committee: 'Cabinet' },
      generatedAt: new Date('2010-03-10T09:00:00Z'),
      timeZone: 'Europe/London',
    });
    expect(textLength(model.blocks)).toBeLessThanOrEqual(REPORT_TEXT_BUDGET);
    const text = JSON.stringify(model.blocks);
    expect(text).toContain('Evidence of improvement and Monitoring are left out here');
    expect(text).toMatch(/Only the first [\d,]+ actions of 3000 are listed here/);
  });

  it('a plan that fits keeps every column and every action', () => {
    const plan = readPlan(planValues([action({ Code: 'CEA1' })]), 'Europe/London', '2010-03-10');
    const model = buildReportModel({
      plan,
      diff: diffAgainstBaseline(plan, undefined),
      meeting: { date: '2010-04-19', committee: 'Cabinet' },
      generatedAt: new Date('2010-03-10T09:00:00Z'),
      timeZone: 'Europe/London',
    });
    expect(JSON.stringify(model.blocks)).not.toContain('left out here');
  });
});
