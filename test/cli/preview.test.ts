// npm run preview (and so the demo): the sample plan through the bundle into summary.json, workbook.xlsx, the
// committee report and the reminder emails as .eml files.
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvSheet } from '../../local/csvSheet';
import { preview } from '../../local/preview';
import { parseSettings } from '../../src/domain/settings';
import { parsePeople, splitLeads } from '../../src/domain/people';
import { readEml } from '../local/readEml';

/** The demo's arguments, as package.json's `demo` script gives them, less its --out. */
const DEMO = (() => {
  const script: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.demo;
  const args = script
    .slice(script.indexOf('local/preview.ts') + 'local/preview.ts'.length)
    .trim()
    .split(/\s+/);
  return args.filter((_, i) => args[i] !== '--out' && args[i - 1] !== '--out');
})();

interface SummaryEmail {
  kind: string;
  to: string[];
  cc: string[];
  subject: string;
  actions: string[];
}

/**
 * From the sample CSVs alone, each action code's lead addresses (digests, nudges) and their managers' addresses
 * (escalations), as People gives them.
 */
function sampleAddresses(): { leads: Map<string, Set<string>>; managers: Map<string, Set<string>> } {
  const { settings } = parseSettings(readCsvSheet('samples/settings.csv'), 'Europe/London');
  const { directory } = parsePeople(readCsvSheet('samples/people.csv'), settings.allowedEmailDomains);
  const [header, ...rows] = readCsvSheet('samples/plan.csv');
  const leads = new Map<string, Set<string>>();
  const managers = new Map<string, Set<string>>();
  for (const row of rows) {
    const code = row[header.indexOf('Code')];
    const people = splitLeads(row[header.indexOf('Lead')], directory).map((name) => directory.find(name));
    leads.set(code, new Set(people.flatMap((p) => p?.emails ?? [])));
    managers.set(code, new Set(people.flatMap((p) => p?.managerEmails ?? [])));
  }
  return { leads, managers };
}

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

  // The demo's day, and a week later, when CEC2 and MMB2 (due 31 March 2010) come within 14 days.
  it.each([
    ['2010-03-10', ['digest', 'escalation']],
    ['2010-03-17', ['digest', 'escalation', 'nudge']],
  ])(
    'on %s sends the reminders the sample plan calls for (%j), writes each as an .eml file, and a second weekly run sends nothing',
    async (today, kinds) => {
      const out = mkdtempSync(join(tmpdir(), 'preview-'));
      // A file left from an earlier run goes; only this run's emails are in the folder.
      mkdirSync(join(out, 'emails'));
      writeFileSync(join(out, 'emails', '01-digest-old@example.org.eml'), 'old');
      const args = DEMO.map((a, i) => (DEMO[i - 1] === '--today' ? today : a));
      expect(args).toContain(today);
      expect(await preview([...args, '--out', out])).toBe(0);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      const emails: SummaryEmail[] = summary.emails;
      expect(emails.length).toBeGreaterThan(0);
      expect([...new Set(emails.map((e) => e.kind))].sort()).toEqual(kinds);

      // One .eml per email, in send order, whose headers say what summary.json says.
      const files = readdirSync(join(out, 'emails')).sort();
      expect(files).toHaveLength(emails.length);
      expect(files).not.toContain('01-digest-old@example.org.eml');
      files.forEach((file, i) => {
        expect(file.startsWith(`${String(i + 1).padStart(2, '0')}-${emails[i].kind}-`)).toBe(true);
        const eml = readEml(readFileSync(join(out, 'emails', file), 'utf8'));
        expect(eml.headers.get('to')).toBe(emails[i].to.join(', '));
        expect(eml.headers.get('subject')).toBe(emails[i].subject);
        expect(eml.headers.get('from')).toMatch(/^Example Council.* <plan\.admin@example\.org>$/);
        expect(eml.parts.map((p) => p.contentType.split(';')[0])).toEqual(['text/plain', 'text/html']);
        for (const code of emails[i].actions) expect(eml.parts[0].text).toContain(code);
      });

      // Each email goes to one address, and lists only actions it is that address's business to hear of: its own as
      // a lead (digest, nudge), or those of the leads it manages (escalation). Nothing goes to anyone twice in a kind.
      const { leads, managers } = sampleAddresses();
      for (const e of emails) {
        expect(e.to).toHaveLength(1);
        expect(e.actions.length).toBeGreaterThan(0);
        const whose = e.kind === 'escalation' ? managers : leads;
        for (const code of e.actions) expect([code, whose.get(code)?.has(e.to[0])]).toEqual([code, true]);
      }
      const keys = emails.map((e) => `${e.kind} ${e.to[0]}`);
      expect(new Set(keys).size).toBe(keys.length);
      // …and every lead address of the overdue action hears of it.
      const overdue = emails.filter((e) => e.kind === 'digest' && e.actions.includes('CPD2'));
      expect(overdue.map((e) => e.to[0]).sort()).toEqual([...(leads.get('CPD2') ?? [])].sort());

      // The weekly trigger fired again in the same week: everything it sent the first time is already sent.
      const { weekly, daily, secondWeekly } = summary.reminders;
      expect(weekly.sent + daily.sent).toBe(emails.length);
      expect([weekly.failed, weekly.queued, daily.failed, daily.queued]).toEqual([0, 0, 0, 0]);
      expect(secondWeekly).toMatchObject({
        outcome: 'ok',
        sent: 0,
        alreadySent: weekly.sent,
        queued: 0,
        failed: 0,
      });
      expect(logs.join('\n')).toContain(`Second weekly run: nothing new sent (${weekly.sent} already sent)`);
    },
  );

  it('a reminder run that fails stops the preview with its message and a non-zero exit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preview-'));
    const settings = readFileSync('samples/settings.csv', 'utf8');
    expect(settings).toContain('\r\nSend all email to,,');
    writeFileSync(
      join(dir, 'settings.csv'),
      settings.replace('\r\nSend all email to,,', '\r\nSend all email to,not an address,'),
    );
    const args = DEMO.map((a, i) => (DEMO[i - 1] === '--settings' ? join(dir, 'settings.csv') : a));
    expect(await preview([...args, '--out', dir])).toBe(1);
    expect(logs[logs.length - 1]).toMatch(
      /^preview: The weekly reminder run failed: Weekly reminders: Nothing was sent: Settings › Send all email to could not be read/,
    );
  });

  it('with no meeting on or after --today, runs everything but the report and says why', async () => {
    const out = mkdtempSync(join(tmpdir(), 'preview-'));
    writeFileSync(join(out, 'report.html'), 'an earlier run’s report');
    expect(await preview([...SAMPLE, '--today', '2011-01-10', '--out', out])).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.report.skipped).toMatch(/No meeting date was given/);
    expect(readdirSync(out)).not.toContain('report.html');
    expect(summary.emails.length).toBeGreaterThan(0);
    expect(logs).toContainEqual(
      expect.stringMatching(/^ {2}No committee report: .*\(give --meeting YYYY-MM-DD\)$/),
    );
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
