// Setup's per-sheet decision from row 1: create, fill an empty sheet, add the Actions columns the script needs, or stop.
import { ACTION_COLUMNS } from '../../src/domain/actions';
import { layoutOf } from '../../src/domain/layout';
import { ACTIONS_COLUMNS_SETUP_ADDS, columnOf, planSheetRepair } from '../../src/domain/sheetRepair';

const actionsLayout = layoutOf('Actions');
const REQUIRED = ['Code', 'Theme', 'Category', 'Action', 'Lead', 'Status'];

describe('planSheetRepair', () => {
  it('a missing sheet is created with its headers and default rows', () => {
    const lists = planSheetRepair(layoutOf('Lists'), null);
    expect(lists.state).toBe('missing');
    expect(lists.block?.column).toBe(1);
    expect(lists.block?.rows[0]).toEqual(layoutOf('Lists').headers);
    expect(lists.block?.rows).toHaveLength(1 + layoutOf('Lists').defaults.length);
    expect(lists.block?.rows[1].slice(0, 2)).toEqual(['Community engagement', 'CE']);
    const settings = planSheetRepair(layoutOf('Settings'), null);
    expect(settings.block?.rows.map((r) => r[0])).toContain('Due-soon window (days)');
  });

  it('an empty sheet is laid out like a new one; the Dashboard gets nothing to write', () => {
    expect(planSheetRepair(layoutOf('Audit log'), []).state).toBe('empty');
    expect(planSheetRepair(layoutOf('Audit log'), []).block?.rows).toEqual([layoutOf('Audit log').headers]);
    expect(planSheetRepair(layoutOf('Dashboard'), null).block).toBeUndefined();
  });

  it('adds only the missing columns the script needs, after the last column, leaving the council’s where they are', () => {
    const headers = [...REQUIRED.slice(0, 3), 'Council notes', ...REQUIRED.slice(3), 'RAG', ''];
    const repair = planSheetRepair(actionsLayout, headers);
    const expected = ACTIONS_COLUMNS_SETUP_ADDS.filter((h) => h !== 'RAG');
    expect(repair.added).toEqual(expected);
    expect(repair.block).toEqual({ column: headers.length + 1, rows: [expected] });
    expect(repair.headers).toEqual([...headers, ...expected]);
    // Optional columns the script does not need are not forced on a council.
    expect(repair.headers).not.toContain(ACTION_COLUMNS.headers.evidence);
  });

  it('a present sheet with every column needs nothing', () => {
    const repair = planSheetRepair(actionsLayout, actionsLayout.headers);
    expect(repair).toMatchObject({ state: 'present', added: [], errors: [] });
    expect(repair.block).toBeUndefined();
  });

  it('headers match case- and space-insensitively', () => {
    const headers = [
      ...REQUIRED,
      'target date',
      ' RAG ',
      'Revised Target Date',
      'revision reason',
      'LAST UPDATED',
      'updated by',
    ];
    expect(planSheetRepair(actionsLayout, headers).added).toEqual([]);
  });

  it('a required header missing or doubled is an error naming it, and nothing is planned', () => {
    const missing = planSheetRepair(
      actionsLayout,
      REQUIRED.filter((h) => h !== 'Lead'),
    );
    expect(missing.errors).toEqual(['Actions: the required column "Lead" is missing from the header row.']);
    expect(missing.block).toBeUndefined();
    const doubled = planSheetRepair(actionsLayout, [...REQUIRED, 'Status']);
    expect(doubled.errors[0]).toMatch(/"Status" appears 2 times/);
    expect(doubled.block).toBeUndefined();
    expect(planSheetRepair(layoutOf('People'), ['Name']).errors[0]).toMatch(/"Email" is missing/);
  });

  it('log sheets are never checked, and extended only when their headers are the start of today’s', () => {
    expect(planSheetRepair(layoutOf('Run log'), ['Job', 'Job', 'Something else'])).toMatchObject({
      errors: [],
      added: [],
    });
    const older = ['Job', 'Started', 'Finished', 'Outcome', 'Actions', 'Problems', 'Details'];
    expect(planSheetRepair(layoutOf('Run log'), older)).toMatchObject({
      added: ['Sent', 'Skipped', 'Queued', 'Failed'],
      block: { column: 8, rows: [['Sent', 'Skipped', 'Queued', 'Failed']] },
    });
    expect(
      planSheetRepair(layoutOf('Run log'), [...older, 'Sent', 'Skipped', 'Queued', 'Failed']).added,
    ).toEqual([]);
  });
});

describe('columnOf', () => {
  it('gives the 1-based column of a header, or 0', () => {
    expect(columnOf(['Code', ' target  DATE '], 'Target date')).toBe(2);
    expect(columnOf(['Code'], 'RAG')).toBe(0);
  });
});
