// The audit trail's rules: editor, which cells are logged and how, stamps, RAG rows, the Target date warning.
import { midnightInZone } from '../../src/domain/dates';
import {
  decideEdit,
  editorOf,
  type EditInput,
  HEADER_ROW_LABEL,
  isUnloggedSheet,
  MAX_AUDIT_ROWS_PER_EDIT,
  MULTI_CELL_OLD_VALUE,
  OLD_VALUE_NOT_GIVEN,
  oldValueText,
  ragForRows,
  rangeA1,
  scriptCellWrites,
  serialDateText,
} from '../../src/domain/audit';
import { columnLetter, mapColumns } from '../../src/domain/schema';
import { ACTION_COLUMNS } from '../../src/domain/actions';
import { ACTION_HEADERS, action, londonMidnight, sheet } from '../builders/plan';

const col = (header: string) => ACTION_HEADERS.indexOf(header) + 1;

/** An Actions edit of one cell at (row, header), the rows given whole from row 2. */
function actionsEdit(
  rows: unknown[][],
  row: number,
  header: string,
  event: { value?: unknown; oldValue?: unknown },
  shown: string,
): EditInput {
  return {
    sheet: 'Actions',
    range: { row, column: col(header), numRows: 1, numColumns: 1 },
    headerRow: ACTION_HEADERS,
    display: [[shown]],
    formulas: [['']],
    rows,
    rowsFrom: 2,
    ...event,
  };
}

const rowsOf = (...actions: Record<string, unknown>[]) => sheet(ACTION_HEADERS, actions).slice(1);

describe('editorOf', () => {
  const key = () => 'KEY123';
  it('is the event’s email, else the session’s, else "unknown" with the temporary key', () => {
    expect(editorOf('amanda.beer@example.org', 'other@example.org', key)).toBe('amanda.beer@example.org');
    expect(editorOf('', 'amanda.beer@example.org', key)).toBe('amanda.beer@example.org');
    expect(editorOf(undefined, '', key)).toBe('unknown (KEY123)');
    expect(editorOf('  ', ' ', key)).toBe('unknown (KEY123)');
  });
  it('asks for the temporary key only when it is needed', () => {
    const spy = jest.fn(() => 'K');
    editorOf('a@example.org', '', spy);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('isUnloggedSheet', () => {
  it('is true for the logs, Snapshots, Archive and the Dashboard only', () => {
    for (const name of [
      'Audit log',
      'Run log',
      'Reminder log',
      'Snapshots',
      'Archive',
      'Dashboard',
      'Reports',
    ])
      expect(isUnloggedSheet(name)).toBe(true);
    for (const name of ['Actions', 'People', 'Lists', 'Settings', 'Council notes'])
      expect(isUnloggedSheet(name)).toBe(false);
  });
});

describe('oldValueText', () => {
  it('is blank when Sheets leaves oldValue out of a typed edit (the cell was blank)', () => {
    expect(oldValueText('x', undefined, false)).toBe('');
  });
  it('says so when Sheets gives neither value', () => {
    expect(oldValueText(undefined, undefined, false)).toBe(OLD_VALUE_NOT_GIVEN);
  });
  it('turns a day count in a date column into the day', () => {
    expect(oldValueText('x', '40268', true)).toBe('31/03/2010');
    expect(oldValueText('x', '40268', false)).toBe('40268');
    expect(oldValueText('x', '31/03/2010', true)).toBe('31/03/2010');
    expect(serialDateText(1)).toBe('31/12/1899');
  });
});

describe('rangeA1', () => {
  it('names a cell or a range', () => {
    expect(rangeA1({ row: 5, column: 2, numRows: 1, numColumns: 1 })).toBe('B5');
    expect(rangeA1({ row: 5, column: 2, numRows: 50, numColumns: 8 })).toBe('B5:I54');
    expect(rangeA1({ row: 1, column: 27, numRows: 2, numColumns: 1 })).toBe('AA1:AA2');
  });
});

describe('decideEdit: one cell', () => {
  const rows = rowsOf(action({ Code: 'CEA1', Status: 'Complete' }), action({ Code: 'CEA2' }));

  it('logs the cell with its code, header, old and new value, and stamps the row for a Status change', () => {
    const d = decideEdit(
      actionsEdit(rows, 2, 'Status', { value: 'Complete', oldValue: 'In progress' }, 'Complete'),
    );
    expect(d.lines).toEqual([
      {
        sheet: 'Actions',
        cell: `${columnLetter(col('Status') - 1)}2`,
        code: 'CEA1',
        header: 'Status',
        oldValue: 'In progress',
        newValue: 'Complete',
      },
    ]);
    expect(d.stampRows).toEqual([2]);
    expect(d.ragRows).toEqual([2]);
    expect(d.targetDateRevised).toBe(false);
  });

  it('logs nothing when the same value was typed again', () => {
    const d = decideEdit(
      actionsEdit(rows, 2, 'Status', { value: 'Complete', oldValue: 'Complete' }, 'Complete'),
    );
    expect(d.lines).toEqual([]);
    expect(d.stampRows).toEqual([]);
  });

  it('stamps for Progress and Latest update but recomputes RAG only for the date and status columns', () => {
    const progress = decideEdit(actionsEdit(rows, 3, 'Progress', { value: '50' }, '50'));
    expect(progress.stampRows).toEqual([3]);
    expect(progress.ragRows).toEqual([]);
    const timescale = decideEdit(
      actionsEdit(rows, 3, 'Timescale', { value: 'Q3 2010/11', oldValue: 'Ongoing' }, 'Q3 2010/11'),
    );
    expect(timescale.stampRows).toEqual([]);
    expect(timescale.ragRows).toEqual([3]);
    const action = decideEdit(actionsEdit(rows, 3, 'Action', { value: 'New words' }, 'New words'));
    expect(action.stampRows).toEqual([]);
    expect(action.ragRows).toEqual([]);
    expect(action.lines).toHaveLength(1);
  });

  it('logs a formula as its text, not its result', () => {
    const input = actionsEdit(rows, 2, 'Action', { value: '#N/A' }, '#N/A');
    const d = decideEdit({ ...input, formulas: [['=IMPORTXML("http://x","//a")']] });
    expect(d.lines[0].newValue).toBe('=IMPORTXML("http://x","//a")');
  });

  it('warns when an existing Target date is changed to another date, not when one is first entered', () => {
    const dated = rowsOf(action({ Code: 'CEA1', 'Target date': londonMidnight('2010-09-30') }));
    const changed = decideEdit(
      actionsEdit(dated, 2, 'Target date', { value: '30/09/2010', oldValue: '30/06/2010' }, '30/09/2010'),
    );
    expect(changed.targetDateRevised).toBe(true);
    expect(changed.lines[0]).toMatchObject({ oldValue: '30/06/2010', newValue: '30/09/2010' });
    expect(changed.ragRows).toEqual([2]);
    const first = decideEdit(actionsEdit(dated, 2, 'Target date', { value: '30/09/2010' }, '30/09/2010'));
    expect(first.targetDateRevised).toBe(false);
    const toText = rowsOf(action({ Code: 'CEA1', 'Target date': 'next week' }));
    expect(
      decideEdit(
        actionsEdit(toText, 2, 'Target date', { value: 'next week', oldValue: '30/06/2010' }, 'next week'),
      ).targetDateRevised,
    ).toBe(false);
  });

  it('labels a header-row edit and neither stamps nor recomputes', () => {
    const d = decideEdit(actionsEdit(rows, 1, 'Status', { value: 'State', oldValue: 'Status' }, 'State'));
    expect(d.lines[0]).toMatchObject({
      cell: `${columnLetter(col('Status') - 1)}1`,
      header: HEADER_ROW_LABEL,
    });
    expect(d.stampRows).toEqual([]);
    expect(d.ragRows).toEqual([]);
  });

  it('logs other sheets with their own header and no code', () => {
    const d = decideEdit({
      sheet: 'Settings',
      range: { row: 3, column: 2, numRows: 1, numColumns: 1 },
      headerRow: ['Setting', 'Value', 'Notes'],
      display: [['14']],
      formulas: [['']],
      value: '14',
      oldValue: '28',
    });
    expect(d.lines).toEqual([
      { sheet: 'Settings', cell: 'B3', code: '', header: 'Value', oldValue: '28', newValue: '14' },
    ]);
    expect(d.columns).toBeUndefined();
  });

  it('logs nothing on the script’s own sheets', () => {
    const d = decideEdit({
      sheet: 'Run log',
      range: { row: 2, column: 1, numRows: 1, numColumns: 1 },
      headerRow: ['Job'],
      display: [['x']],
      formulas: [['']],
      value: 'x',
    });
    expect(d.lines).toEqual([]);
  });
});

describe('decideEdit: a paste or a clear', () => {
  const many = Array.from({ length: 60 }, (_, i) => action({ Code: `CEA${i + 1}` }));
  const rows = rowsOf(...many);

  it('logs every cell with "n/a (multi-cell)" and stamps every non-blank row whose Status was pasted', () => {
    const first = col('Target date');
    const input: EditInput = {
      sheet: 'Actions',
      range: { row: 5, column: first, numRows: 50, numColumns: 8 },
      headerRow: ACTION_HEADERS,
      display: Array.from({ length: 50 }, (_, i) => Array.from({ length: 8 }, (_, j) => `r${i}c${j}`)),
      formulas: Array.from({ length: 50 }, () => Array(8).fill('')),
      rows,
      rowsFrom: 2,
    };
    const d = decideEdit(input);
    expect(d.lines).toHaveLength(400);
    expect(d.lines.every((l) => l.oldValue === MULTI_CELL_OLD_VALUE)).toBe(true);
    expect(d.lines[0]).toMatchObject({
      cell: `${columnLetter(first - 1)}5`,
      code: 'CEA4',
      header: 'Target date',
    });
    expect(d.lines[399]).toMatchObject({ code: 'CEA53', newValue: 'r49c7' });
    // Target date … Progress: Status and Progress are in, so every row is stamped and its RAG worked out.
    expect(d.stampRows).toEqual(Array.from({ length: 50 }, (_, i) => i + 5));
    expect(d.ragRows).toHaveLength(50);
  });

  it('does not stamp rows left blank by a clear, but recomputes them (so a stale colour goes)', () => {
    const cleared = rowsOf(action({ Code: 'CEA1' }), {}, {});
    const d = decideEdit({
      sheet: 'Actions',
      range: { row: 2, column: 1, numRows: 3, numColumns: ACTION_HEADERS.length },
      headerRow: ACTION_HEADERS,
      display: Array.from({ length: 3 }, () => Array(ACTION_HEADERS.length).fill('')),
      formulas: Array.from({ length: 3 }, () => Array(ACTION_HEADERS.length).fill('')),
      rows: cleared,
      rowsFrom: 2,
    });
    expect(d.lines).toHaveLength(3 * ACTION_HEADERS.length);
    expect(d.stampRows).toEqual([2]);
    expect(d.ragRows).toEqual([2, 3, 4]);
  });

  it('lists a huge clear up to the cap, then one summary row', () => {
    const d = decideEdit({
      sheet: 'Actions',
      range: { row: 2, column: col('Latest update'), numRows: 20_000, numColumns: 1 },
      headerRow: ACTION_HEADERS,
      display: Array.from({ length: 20_000 }, () => ['']),
      formulas: Array.from({ length: 20_000 }, () => ['']),
      rows: [],
      rowsFrom: 2,
    });
    expect(d.lines).toHaveLength(MAX_AUDIT_ROWS_PER_EDIT);
    expect(d.lines[MAX_AUDIT_ROWS_PER_EDIT - 1].newValue).toMatch(/^… and 15,001 more cells of /);
    expect(d.stampRows).toEqual([]); // every row is blank
  });
});

describe('ragForRows', () => {
  const rows = rowsOf(
    action({ Code: 'CEA1', Timescale: 'Before the end of 2009' }),
    action({ Code: 'CEA2', Status: 'Cancelled' }),
    {},
    action({ Code: 'CEA4', 'Target date': londonMidnight('2010-03-20') }),
  );

  it('gives each asked row its RAG by the refresh’s rule, from just those rows', () => {
    const rag = ragForRows(ACTION_HEADERS, rows, 2, [3, 4, 5], {}, 'Europe/London', '2010-03-10');
    expect([...(rag ?? new Map())]).toEqual([
      [3, ''],
      [4, ''],
      [5, 'Due soon'],
    ]);
    expect(ragForRows(ACTION_HEADERS, rows, 2, [2], {}, 'Europe/London', '2010-03-10')?.get(2)).toBe(
      'Overdue',
    );
  });

  it('uses the Due-soon window from Settings', () => {
    const settings = [
      ['Setting', 'Value', 'Notes'],
      ['Due-soon window (days)', 5, ''],
    ];
    const rag = ragForRows(ACTION_HEADERS, rows, 2, [5], { settings }, 'Europe/London', '2010-03-10');
    expect(rag?.get(5)).toBe('On track');
  });

  it('is undefined when the header row stops every job', () => {
    const headers = ACTION_HEADERS.filter((h) => h !== 'Lead');
    expect(ragForRows(headers, [], 2, [2], {}, 'Europe/London', '2010-03-10')).toBeUndefined();
  });
});

describe('scriptCellWrites', () => {
  const columns = mapColumns('Actions', ACTION_HEADERS, ACTION_COLUMNS);
  const today = midnightInZone('2010-03-10', 'Europe/London');
  const rows = rowsOf(action({ Code: 'CEA1', RAG: 'Ongoing' }), action({ Code: 'CEA2', RAG: 'Ongoing' }));

  it('writes the stamps and the changed RAG over the rows’ span, current values elsewhere', () => {
    const w = scriptCellWrites({
      columns,
      rows,
      rowsFrom: 2,
      stampRows: [3],
      ragByRow: new Map([[2, 'Overdue']]),
      today,
      editor: 'amanda.beer@example.org',
    });
    expect(w.firstRow).toBe(2);
    expect(w.columns.get(ACTION_HEADERS.indexOf('Last updated'))).toEqual(['', today]);
    expect(w.columns.get(ACTION_HEADERS.indexOf('Updated by'))).toEqual(['', 'amanda.beer@example.org']);
    expect(w.columns.get(ACTION_HEADERS.indexOf('RAG'))).toEqual(['Overdue', 'Ongoing']);
  });

  it('writes nothing when nothing would change (a second identical edit)', () => {
    const stamped = rowsOf(
      action({ Code: 'CEA1', RAG: 'Ongoing', 'Last updated': today, 'Updated by': 'a@example.org' }),
    );
    const w = scriptCellWrites({
      columns,
      rows: stamped,
      rowsFrom: 2,
      stampRows: [2],
      ragByRow: new Map([[2, 'Ongoing']]),
      today: new Date(today.getTime()),
      editor: 'a@example.org',
    });
    expect(w.columns.size).toBe(0);
  });
});

describe('midnightInZone', () => {
  it('is local midnight in winter, in summer and across the zone’s clock change', () => {
    expect(midnightInZone('2010-03-10', 'Europe/London').toISOString()).toBe('2010-03-10T00:00:00.000Z');
    expect(midnightInZone('2010-07-01', 'Europe/London').toISOString()).toBe('2010-06-30T23:00:00.000Z');
    expect(midnightInZone('2010-03-28', 'Europe/London').toISOString()).toBe('2010-03-28T00:00:00.000Z');
    expect(midnightInZone('2010-03-10', 'America/New_York').toISOString()).toBe('2010-03-10T05:00:00.000Z');
    expect(midnightInZone('2010-03-10', 'Pacific/Auckland').toISOString()).toBe('2010-03-09T11:00:00.000Z');
  });
});
