// npm run preview (and so the demo): the sample plan through the bundle into summary.json and workbook.xlsx.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from '../../local/preview';

const SAMPLE = [
  '--plan',
  'samples/plan.csv',
  '--people',
  'samples/people.csv',
  '--lists',
  'samples/lists.csv',
  '--settings',
  'samples/settings.csv',
];

describe('preview', () => {
  let logs: string[];
  beforeEach(() => {
    logs = [];
    jest.spyOn(console, 'log').mockImplementation((m: string) => void logs.push(m));
    jest.spyOn(console, 'error').mockImplementation((m: string) => void logs.push(m));
  });
  afterEach(() => jest.restoreAllMocks());

  it('runs the sample plan as the demo does: 46 live actions, every colour but Deferred, only the seed’s own problems', async () => {
    const out = mkdtempSync(join(tmpdir(), 'preview-'));
    expect(await preview([...SAMPLE, '--today', '2010-03-10', '--out', out])).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.today).toBe('2010-03-10');
    expect(summary.actions).toBe(46);
    expect(Object.keys(summary.byStatus)).toEqual([
      'Complete',
      'Overdue',
      'Due soon',
      'On track',
      'Ongoing',
      'Deferred',
    ]);
    expect(summary.byStatus).toMatchObject({ Complete: 1, Overdue: 1, 'Due soon': 2, 'On track': 1 });
    expect(summary.problems.map((p: { code: string }) => p.code)).toEqual([
      'CMA1',
      'CMA1',
      'RMC2',
      'CPA1',
      'OCD2',
    ]);
    expect(summary.problems[0]).toEqual({
      row: 10,
      code: 'CMA1',
      message: 'Lead is missing.',
      sheet: 'Actions',
      column: 'Lead',
    });
    expect(summary.sheets.map((s: { name: string }) => s.name)).toEqual([
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
    expect(summary.sheets[0]).toMatchObject({ name: 'Actions', rows: 47, columns: 19, protected: true });
    // Issue 3's done-when: the validated headers, at least five colour rules, and protected log sheets.
    expect(summary.sheets[0].validatedHeaders).toEqual(
      expect.arrayContaining([
        'Theme',
        'Category',
        'Status',
        'Target date',
        'Revised target date',
        'Progress',
      ]),
    );
    expect(summary.sheets[0].conditionalFormatRules).toBeGreaterThanOrEqual(5);
    for (const name of [
      'Audit log',
      'Reminder log',
      'Snapshots',
      'Archive',
      'Run log',
      'Reports',
      'Dashboard',
    ]) {
      expect(summary.sheets.find((s: { name: string }) => s.name === name).protected).toBe(true);
    }
    expect(summary.serviceCalls.SpreadsheetApp).toBeGreaterThan(0);
    expect(logs.join('\n')).toMatch(/46 live actions/);
  });

  it('with --baseline and --meeting, writes the committee report and its counts (every one non-zero for the demo)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'preview-'));
    const args = [
      ...SAMPLE,
      '--baseline',
      'samples/baseline.csv',
      '--today',
      '2010-03-10',
      '--meeting',
      '2010-04-19',
    ];
    expect(await preview([...args, '--out', out])).toBe(0);
    const { report } = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(report.file).toBe(join(out, 'report.html'));
    expect(report.title).toMatch(
      /^Corporate Improvement Plan – Cabinet 19 April 2010 \(draft 10 March 2010 /,
    );
    const { total, retained, deleted, updated, added } = report.counts;
    expect(retained + deleted + updated).toBe(total);
    expect([total, retained, deleted, updated, added].every((n: number) => n > 0)).toBe(true);
    expect(report.attention).toEqual(['CPD2']);
    const html = readFileSync(report.file, 'utf8');
    for (const heading of [
      '1. Summary',
      '2. Progress since the last update',
      '3. Actions needing attention',
      '4. Recommendations',
    ]) {
      expect(html).toContain(heading);
    }
    expect(html).toMatch(/Appendix A/);
    expect(html).toMatch(/<img src="data:image\/png;base64,/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'workbook.xlsx'));
    const actions = workbook.getWorksheet('Actions');
    expect(actions?.getRow(1).getCell(19).value).toBe('RAG');
    // Rows are coloured by rules keyed on the RAG column, so any spreadsheet program shows the colours.
    // exceljs reads conditional formats back but leaves them out of its types.
    const formats = (actions as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    const rules = formats.flatMap((cf) => cf.rules);
    expect(rules.length).toBeGreaterThanOrEqual(5);
    expect(rules.flatMap((r) => ('formulae' in r ? r.formulae : []))).toContain('$S2="Overdue"');
    expect(workbook.getWorksheet('Dashboard')?.getRow(1).getCell(1).value).toBe(
      'Corporate Improvement Plan — as at 10 March 2010',
    );
    expect(actions?.getRow(2).getCell(1).value).toBe('CEA1');
    const rag = (code: string) => {
      let found: unknown;
      actions?.eachRow((row) => {
        if (row.getCell(1).value === code) found = row.getCell(19).value;
      });
      return found;
    };
    expect([rag('CPD2'), rag('CEC2'), rag('WDA2'), rag('OCD1'), rag('CEA1')]).toEqual([
      'Overdue',
      'Due soon',
      'On track',
      'Complete',
      'Ongoing',
    ]);
  });

  it('a plan file that cannot be read gives one clear line and a non-zero exit', async () => {
    expect(await preview(['--plan', 'samples/no-such-plan.csv'])).toBe(1);
    expect(logs).toEqual(['preview: Cannot read samples/no-such-plan.csv: no such file']);
  });

  it('a CSV without the required headers says which and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preview-'));
    writeFileSync(join(dir, 'plan.csv'), 'Code,Theme\nCEA1,Community engagement\n');
    expect(await preview(['--plan', join(dir, 'plan.csv'), '--out', dir])).toBe(1);
    expect(logs[0]).toMatch(
      /^preview: The plan could not be set up: Nothing was changed\. Actions: the required column "Category" is missing/,
    );
  });

  it('refuses a malformed --today and an unknown flag', async () => {
    expect(await preview([...SAMPLE, '--today', '10/03/2010'])).toBe(1);
    expect(await preview([...SAMPLE, '--colour', 'red'])).toBe(1);
    expect(logs[0]).toBe('preview: --today must be a date written YYYY-MM-DD, not "10/03/2010".');
  });
});
