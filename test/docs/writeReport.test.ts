// The Doc writer on the local DocumentApp: each block's shape in the Doc, user text kept as typed, a whole table in
// one call, coloured cells, the chart image (or a plain note when Charts fails), and insertion at a template's place.
import { createLocalRuntime } from '../../local/runtime';
import type { ReportModel } from '../../src/domain/reportTypes';
import { chartImage } from '../../src/docs/chartImage';
import { escapeRe2, fillPlaceholders } from '../../src/docs/template';
import { type DocWriterServices, writeReport } from '../../src/docs/writeReport';
import type { BodyPort, ChartsPort, DocumentPort } from '../../src/gas/ports';

const HOSTILE = '<script>alert(1)</script> =SUM(A1) {{REPORT_BODY}} $1 \\n';

function setUp(charts?: () => ChartsPort) {
  const runtime = createLocalRuntime({ now: '2010-03-10T09:00:00Z' });
  const DocumentApp = runtime.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp;
  const services: DocWriterServices = {
    charts: charts ?? (() => runtime.globals.Charts as ChartsPort),
    enums: {
      paragraphHeading: (name) => DocumentApp.ParagraphHeading[name],
      chartColumn: (name) => (runtime.globals.Charts as typeof Charts).ColumnType[name],
    },
  };
  const doc = DocumentApp.create('Report') as unknown as DocumentPort;
  return { runtime, services, doc, body: doc.getBody() };
}

const model = (blocks: ReportModel['blocks']): ReportModel => ({
  title: 'T',
  placeholders: {},
  counts: { total: 0, retained: 0, deleted: 0, updated: 0, added: 0 },
  attention: [],
  blocks,
});

describe('writeReport', () => {
  it('writes headings, bold runs, bullets and a coloured table, user text exactly as typed', () => {
    const { runtime, services, doc, body } = setUp();
    writeReport(
      body,
      model([
        { kind: 'title', text: 'Corporate Improvement Plan' },
        { kind: 'heading', level: 1, text: '1 Summary' },
        { kind: 'paragraph', runs: [{ text: 'Total: ', bold: true }, { text: HOSTILE }] },
        { kind: 'bullets', items: [HOSTILE, 'second'] },
        {
          kind: 'table',
          rows: [
            [{ text: 'Code' }, { text: 'Status' }],
            [{ text: 'CEA1' }, { text: 'Overdue', background: '#f4cccc', bold: true }],
          ],
        },
        { kind: 'pageBreak' },
      ]),
      services,
    );
    const m = runtime.documents.model(doc.getId());
    const body0 = m.body.slice(1); // the new Doc's own empty paragraph first
    expect(body0.slice(0, 6).map((b) => b.type)).toEqual([
      'PARAGRAPH',
      'PARAGRAPH',
      'PARAGRAPH',
      'LIST_ITEM',
      'LIST_ITEM',
      'TABLE',
    ]);
    expect(
      body0.slice(6).some((b) => b.type === 'PARAGRAPH' && b.elements.some((e) => e.type === 'PAGE_BREAK')),
    ).toBe(true);
    expect(body0[0]).toMatchObject({ heading: 'TITLE', text: 'Corporate Improvement Plan' });
    expect(body0[1]).toMatchObject({ heading: 'HEADING1' });
    expect(body0[2].text).toBe(`Total: ${HOSTILE}`);
    const runs =
      body0[2].type === 'PARAGRAPH' && body0[2].elements[0].type === 'TEXT' ? body0[2].elements[0].runs : [];
    expect(runs[0]).toMatchObject({ text: 'Total: ', attributes: { BOLD: true } });
    expect(body0[3].text).toBe(HOSTILE);
    const table = body0[5];
    expect(table.type === 'TABLE' && table.rows[1].cells[1]).toMatchObject({ backgroundColor: '#f4cccc' });
  });

  it('appends a whole table in one call, however many rows', () => {
    const { runtime, services, body } = setUp();
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => [
        { text: `CEA${i}` },
        { text: 'x', background: i % 2 ? '#ffffff' : undefined },
      ]);
    const calls = (n: number) => {
      runtime.core.resetCounts();
      writeReport(body, model([{ kind: 'table', rows: rows(n) }]), services);
      return runtime.core.callsByMember();
    };
    const small = calls(10);
    const big = calls(1000);
    expect(small['Body.appendTable'] ?? small['DocumentApp.Body.appendTable']).toBe(1);
    expect(big['Body.appendTable'] ?? big['DocumentApp.Body.appendTable']).toBe(1);
    // Per row: only the coloured cell costs calls (getCell + setBackgroundColor).
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(total(big) - total(small)).toBeLessThanOrEqual(2 * (1000 - 10));
  });

  it('draws the chart with Charts (a stacked bar per theme, status colours) and appends it as an image', () => {
    const made: unknown[][] = [];
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const { runtime } = setUp();
    const Utilities = runtime.globals.Utilities as typeof globalThis.Utilities;
    const blob = Utilities.newBlob([...png], 'image/png', 'chart.png');
    const builder: Record<string, (...a: unknown[]) => unknown> = {};
    for (const m of ['setDataTable', 'setStacked', 'setColors', 'setTitle', 'setDimensions'])
      builder[m] = (...a: unknown[]) => (made.push([m, ...a]), builder);
    builder.build = () => ({ getAs: (type: string) => (made.push(['getAs', type]), blob) });
    const table: Record<string, (...a: unknown[]) => unknown> = {
      addColumn: (...a) => (made.push(['addColumn', ...a]), table),
      addRow: (...a) => (made.push(['addRow', ...a]), table),
    };
    const charts = { newDataTable: () => table, newBarChart: () => builder } as unknown as ChartsPort;
    const chart = {
      kind: 'chart' as const,
      title: 'Status by theme',
      themes: ['Outcomes', 'Communications'],
      series: [
        { rag: 'Overdue' as const, colour: '#f4cccc', values: [1, 0] },
        { rag: 'On track' as const, colour: '#b6d7a8', values: [2, 3] },
      ],
    };
    expect(chartImage(chart, charts, (n) => n)).toBe(blob);
    expect(made).toEqual([
      ['addColumn', 'STRING', 'Theme'],
      ['addColumn', 'NUMBER', 'Overdue'],
      ['addColumn', 'NUMBER', 'On track'],
      ['addRow', ['Outcomes', 1, 2]],
      ['addRow', ['Communications', 0, 3]],
      ['setDataTable', table],
      ['setStacked'],
      ['setColors', ['#f4cccc', '#b6d7a8']],
      ['setTitle', 'Status by theme'],
      ['setDimensions', 600, 400],
      ['getAs', 'image/png'],
    ]);
    const { services, body } = setUp(() => charts);
    const written = writeReport(body, model([chart]), services);
    expect(written.notes).toEqual([]);
  });

  it('a chart the Charts service cannot draw becomes a plain note; the rest is written', () => {
    const { services, body } = setUp(() => {
      throw new Error('Service unavailable');
    });
    const written = writeReport(
      body,
      model([
        { kind: 'chart', title: 'Status by theme', themes: [], series: [] },
        { kind: 'heading', level: 2, text: 'after' },
      ]),
      services,
    );
    expect(written.notes).toEqual(['The chart "Status by theme" could not be drawn: Service unavailable']);
    expect(written.elements).toBe(2);
  });

  it('inserts at a given index (a template’s {{REPORT_BODY}} place) in order', () => {
    const { runtime, services, doc, body } = setUp();
    body.appendParagraph('before');
    body.appendParagraph('after');
    writeReport(
      body,
      model([
        { kind: 'heading', level: 2, text: 'one' },
        { kind: 'bullets', items: ['two'] },
        { kind: 'table', rows: [[{ text: 'three' }]] },
      ]),
      services,
      2,
    );
    expect(runtime.documents.model(doc.getId()).body.map((b) => b.text)).toEqual([
      '',
      'before',
      'one',
      'two',
      'three',
      'after',
    ]);
  });
});

describe('fillPlaceholders', () => {
  it('fills names with regex characters, any case, and never re-fills a value holding another placeholder', () => {
    const { runtime, doc, body } = setUp();
    (body as BodyPort).appendParagraph(
      'To: {{Committee}} on {{ MEETING DATE }} ({{Due-soon window (days)}}) {{REPORT_BODY}}',
    );
    fillPlaceholders(body, {
      Committee: '{{meeting date}} $1 Cabinet',
      'meeting date': '12 April 2010',
      'Due-soon window (days)': '28',
      REPORT_BODY: 'never',
    });
    expect(runtime.documents.model(doc.getId()).body[1].text).toBe(
      'To: {{meeting date}} $1 Cabinet on 12 April 2010 (28) {{REPORT_BODY}}',
    );
    expect(escapeRe2('a.b*(c)')).toBe('a\\.b\\*\\(c\\)');
  });
});
