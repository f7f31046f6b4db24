// The Update progress rules: fields read from a row, the version fingerprint, the checks (Check the plan's own
// messages, then the form's), the cells a save writes, what changed underneath, and the person's own actions.
import { midnightInZone } from '../../src/domain/dates';
import { readPlan } from '../../src/domain/plan';
import {
  changedKeys,
  differences,
  fieldsOfRow,
  normaliseFields,
  originalTargetDate,
  ownActions,
  type ProgressCheck,
  progressCells,
  progressVersion,
  REASON_KEPT_MESSAGE,
  REVISION_KEPT_MESSAGE,
  validateProgress,
} from '../../src/domain/progressUpdate';
import type { ProgressFields } from '../../src/ui/sidebarTypes';
import {
  ACTION_HEADERS,
  action,
  londonMidnight,
  PEOPLE,
  planFrom,
  planValues,
  type Row,
} from '../builders/plan';

const ZONE = 'Europe/London';
const TODAY = '2010-03-10';

/** One action's row as a save sees it: the sheet's values, the plan read from them, the form's starting fields. */
function rowOf(overrides: Row) {
  const values = planValues([action(overrides)]);
  const plan = readPlan(values, ZONE, TODAY);
  const actions = values.actions ?? [];
  const row = actions[1];
  const before = fieldsOfRow(plan.columns, row, ZONE);
  return { values, plan, headerRow: actions[0], row, before, assessed: plan.actions[0] };
}

/** The check as the server runs it (with the real row) and as the browser runs it (the fields alone). */
function checks(overrides: Row, change: Partial<ProgressFields>, today = TODAY) {
  const r = rowOf(overrides);
  const base: ProgressCheck = {
    before: r.before,
    after: { ...r.before, ...change },
    today,
    statuses: r.plan.lists.statuses,
    targetDate: originalTargetDate(r.assessed),
  };
  const server = validateProgress({
    ...base,
    sheet: { headerRow: r.headerRow, row: r.row, timeZone: ZONE, lists: r.plan.lists, people: r.plan.people },
  });
  return { server, browser: validateProgress(base) };
}

/** Check the plan's message for a row holding `overrides`, in `column`. */
function checkThePlanSays(overrides: Row, column: string): string {
  const problem = planFrom([action(overrides)]).problems.find((p) => p.column === column);
  if (!problem) throw new Error(`Check the plan finds no problem in ${column}`);
  return problem.message;
}

describe('fieldsOfRow and the version', () => {
  it('reads the editable cells as the form shows them: dates as yyyy-mm-dd, numbers as text, text trimmed', () => {
    const { before } = rowOf({
      Status: 'In progress',
      Progress: 40,
      'Latest update': '  Consultation closed.\r\nReport next month.  ',
      'Target date': londonMidnight('2010-03-01'),
      'Revised target date': londonMidnight('2010-06-30'),
      'Revision reason': 'Waiting for the survey',
    });
    expect(before).toEqual({
      status: 'In progress',
      progress: '40',
      latestUpdate: 'Consultation closed.\nReport next month.',
      revisedTargetDate: '2010-06-30',
      revisionReason: 'Waiting for the survey',
    });
  });

  it('keeps text that is not a date as it is, so the officer sees what the cell holds', () => {
    expect(rowOf({ 'Revised target date': 'next month' }).before.revisedTargetDate).toBe('next month');
    expect(rowOf({ 'Revised target date': '30/06/2010' }).before.revisedTargetDate).toBe('2010-06-30');
  });

  it('is the same for the same cells, and differs when any editable cell differs', () => {
    const fields = rowOf({ 'Latest update': 'On track.' }).before;
    expect(progressVersion(fields)).toBe(progressVersion({ ...fields, latestUpdate: ' On track.\r\n' }));
    const versions = new Set(
      (Object.keys(fields) as (keyof ProgressFields)[]).map((k) =>
        progressVersion({ ...fields, [k]: `${fields[k]}x` }),
      ),
    );
    versions.add(progressVersion(fields));
    expect(versions.size).toBe(6);
  });
});

describe('changedKeys', () => {
  const before = normaliseFields({ status: 'In progress', progress: '50', latestUpdate: 'a' });
  it('ignores a Status differing only in case and the same Progress written another way', () => {
    expect(changedKeys(before, { ...before, status: 'in  PROGRESS', progress: '50%' })).toEqual([]);
    expect(changedKeys(before, { ...before, progress: '50.0' })).toEqual([]);
  });
  it('lists each field that changed, in form order', () => {
    expect(changedKeys(before, { ...before, latestUpdate: 'b', status: 'Complete' })).toEqual([
      'status',
      'latestUpdate',
    ]);
  });
});

describe('validateProgress', () => {
  it('refuses Progress "abc" with Check the plan’s own message, on the server and in the browser', () => {
    const { server, browser } = checks({}, { progress: 'abc' });
    const message = checkThePlanSays({ Progress: 'abc' }, 'Progress');
    expect(server).toEqual([{ field: 'progress', message }]);
    expect(browser).toEqual(server);
  });

  it('refuses Progress outside 0–100 as Check the plan does, and a part per cent as the sheet does', () => {
    expect(checks({}, { progress: '150' }).server).toEqual([
      { field: 'progress', message: checkThePlanSays({ Progress: 150 }, 'Progress') },
    ]);
    const { server, browser } = checks({}, { progress: '37.5' });
    expect(server).toEqual([
      {
        field: 'progress',
        message: 'Progress 37.5 is not a whole number; enter a whole number from 0 to 100.',
      },
    ]);
    expect(browser).toEqual(server);
  });

  it('refuses a revised date earlier than today, naming both days', () => {
    const { server, browser } = checks(
      { 'Target date': londonMidnight('2010-01-31') },
      { revisedTargetDate: '2010-03-09', revisionReason: 'Late survey' },
    );
    expect(server).toEqual([
      {
        field: 'revisedTargetDate',
        message:
          'Revised target date 9 March 2010 is earlier than today (10 March 2010): choose today or a later date.',
      },
    ]);
    expect(browser).toEqual(server);
    expect(
      checks(
        { 'Target date': londonMidnight('2010-01-31') },
        { revisedTargetDate: TODAY, revisionReason: 'x' },
      ).server,
    ).toEqual([]);
  });

  it('gives one message per field, the form’s own before Check the plan’s', () => {
    const { server, browser } = checks(
      { 'Target date': londonMidnight('2010-03-25') },
      { revisedTargetDate: '2010-03-09', revisionReason: 'Forgot' },
    );
    expect(server).toEqual([
      {
        field: 'revisedTargetDate',
        message: expect.stringMatching(/^Revised target date 9 March 2010 is earlier than today/),
      },
    ]);
    expect(browser).toEqual(server);
  });

  it('does not refuse a revised date already in the past when the officer leaves it alone', () => {
    const row = {
      'Target date': londonMidnight('2009-12-31'),
      'Revised target date': londonMidnight('2010-02-28'),
      'Revision reason': 'Staff shortage',
    };
    expect(checks(row, { latestUpdate: 'Still behind.' }).server).toEqual([]);
  });

  it('wants the revised date and its reason together, with Check the plan’s message for a date alone', () => {
    const row = { 'Target date': londonMidnight('2010-03-31') };
    const alone = checks(row, { revisedTargetDate: '2010-06-30' });
    expect(alone.server).toEqual([
      {
        field: 'revisionReason',
        message: checkThePlanSays(
          { ...row, 'Revised target date': londonMidnight('2010-06-30') },
          'Revision reason',
        ),
      },
    ]);
    expect(alone.browser).toEqual(alone.server);
    const reasonAlone = checks(row, { revisionReason: 'Survey late' });
    expect(reasonAlone.server).toEqual([
      { field: 'revisedTargetDate', message: 'A Revision reason needs a Revised target date.' },
    ]);
    expect(reasonAlone.browser).toEqual(reasonAlone.server);
  });

  describe('an existing revision', () => {
    const revised = {
      'Target date': londonMidnight('2010-01-31'),
      'Revised target date': londonMidnight('2010-03-05'),
      'Revision reason': 'Supplier late',
    };

    it('may be moved but not removed: clearing the date, or both, is refused on the date', () => {
      for (const change of [
        { revisedTargetDate: '' },
        { revisedTargetDate: '', revisionReason: '' },
        { revisedTargetDate: '', revisionReason: 'Supplier late', latestUpdate: 'Done.' },
      ]) {
        const { server, browser } = checks(revised, change);
        expect(server).toEqual([{ field: 'revisedTargetDate', message: REVISION_KEPT_MESSAGE }]);
        expect(browser).toEqual(server);
      }
      expect(REVISION_KEPT_MESSAGE).toBe(
        'A revised target date can be moved, not removed: enter the new date and its reason.',
      );
      expect(
        checks(revised, { revisedTargetDate: '2010-05-31', revisionReason: 'Supplier later' }).server,
      ).toEqual([]);
    });

    it('keeps its reason: clearing it alone is refused on the reason', () => {
      const { server, browser } = checks(revised, { revisionReason: '' });
      expect(server).toEqual([{ field: 'revisionReason', message: REASON_KEPT_MESSAGE }]);
      expect(browser).toEqual(server);
      expect(checks(revised, { revisionReason: 'Supplier went bust' }).server).toEqual([]);
    });

    it('given again as the same day, however written, is no change: no check of a past date, nothing written', () => {
      const r = rowOf(revised);
      for (const same of ['2010-03-05', '05/03/2010', '5 March 2010']) {
        const change = { revisedTargetDate: same, revisionReason: 'Supplier late', latestUpdate: 'Chased.' };
        expect(changedKeys(r.before, { ...r.before, ...change })).toEqual(['latestUpdate']);
        const { server, browser } = checks(revised, change);
        expect(server).toEqual([]);
        expect(browser).toEqual([]);
        const cells = progressCells({
          columns: r.plan.columns,
          row: r.row,
          before: r.before,
          after: { ...r.before, ...change },
          statuses: r.plan.lists.statuses,
          targetDate: originalTargetDate(r.assessed),
          timeZone: ZONE,
        });
        expect(cells.map((c) => c.header)).toEqual(['Latest update']);
      }
      // On a row whose Target date is empty (its timescale gives the date), the same day fills no Target date.
      const timescale = { ...revised, 'Target date': '', Timescale: 'By the end of 2009/10' };
      const t = rowOf(timescale);
      const cells = progressCells({
        columns: t.plan.columns,
        row: t.row,
        before: t.before,
        after: { ...t.before, revisedTargetDate: '05/03/2010', latestUpdate: 'Chased.' },
        statuses: t.plan.lists.statuses,
        targetDate: originalTargetDate(t.assessed),
        timeZone: ZONE,
      });
      expect(cells.map((c) => c.header)).toEqual(['Latest update']);
    });
  });

  it('wants a revised date later than the Target date, in Check the plan’s words', () => {
    const row = { 'Target date': londonMidnight('2010-06-30') };
    const { server, browser } = checks(row, { revisedTargetDate: '2010-06-01', revisionReason: 'Sooner' });
    expect(server).toEqual([
      {
        field: 'revisedTargetDate',
        message: checkThePlanSays(
          { ...row, 'Revised target date': londonMidnight('2010-06-01'), 'Revision reason': 'Sooner' },
          'Revised target date',
        ),
      },
    ]);
    expect(browser).toEqual(server);
  });

  it('takes a timescale’s date as the original target date, and says so when there is none to revise', () => {
    const dated = checks(
      { Timescale: 'By the end of 2009/10' },
      { revisedTargetDate: '2010-03-15', revisionReason: 'x' },
    );
    expect(dated.server[0].message).toMatch(
      /^Revised target date should be later than the Target date \(15 March 2010 is not after 31 March 2010\)/,
    );
    expect(dated.browser).toEqual(dated.server);
    expect(
      checks({ Timescale: 'By the end of 2009/10' }, { revisedTargetDate: '2010-06-30', revisionReason: 'x' })
        .server,
    ).toEqual([]);
    const ongoing = checks(
      { Timescale: 'Ongoing' },
      { revisedTargetDate: '2010-06-30', revisionReason: 'x' },
    );
    expect(ongoing.server).toEqual([
      {
        field: 'revisedTargetDate',
        message: 'A Revised target date needs the original Target date beside it.',
      },
    ]);
    expect(ongoing.browser).toEqual(ongoing.server);
  });

  it('refuses a Latest update over 10,000 characters saying how long it is, as Check the plan does', () => {
    const text = 'x'.repeat(60_000);
    const { server, browser } = checks({}, { latestUpdate: text });
    const message = checkThePlanSays({ 'Latest update': text }, 'Latest update');
    expect(message).toContain('60,000 characters');
    expect(server).toEqual([{ field: 'latestUpdate', message }]);
    expect(browser).toEqual(server);
    expect(checks({}, { latestUpdate: 'x'.repeat(10_000) }).server).toEqual([]);
  });

  it('wants a new Latest update when the Status changes', () => {
    const row = { 'Latest update': 'Started the review.' };
    expect(checks(row, { status: 'Complete', latestUpdate: '' }).server).toEqual([
      {
        field: 'latestUpdate',
        message: 'Latest update is needed when the Status changes: say what has happened.',
      },
    ]);
    expect(checks(row, { status: 'Complete' }).server).toEqual([
      {
        field: 'latestUpdate',
        message: 'Latest update still holds the last update: when the Status changes, say what has happened.',
      },
    ]);
    expect(checks(row, { status: 'Complete', latestUpdate: 'Review published.' }).server).toEqual([]);
  });

  it('refuses a status not in Lists in Check the plan’s words', () => {
    const { server, browser } = checks({}, { status: 'Started', latestUpdate: 'Begun' });
    expect(server).toEqual([{ field: 'status', message: checkThePlanSays({ Status: 'Started' }, 'Status') }]);
    expect(browser).toEqual(server);
  });

  it('leaves problems in fields the officer did not change to Check the plan', () => {
    expect(checks({ Progress: 'abc', Lead: 'Nobody Known' }, { latestUpdate: 'Moving on.' }).server).toEqual(
      [],
    );
  });

  it('lists several errors in the order the form shows its fields', () => {
    const { server } = checks(
      {},
      { revisionReason: 'why', progress: 'lots', status: 'Complete', latestUpdate: '' },
    );
    expect(server.map((e) => e.field)).toEqual(['progress', 'latestUpdate', 'revisedTargetDate']);
  });
});

describe('progressCells', () => {
  const cellsFor = (overrides: Row, change: Partial<ProgressFields>) => {
    const r = rowOf(overrides);
    return progressCells({
      columns: r.plan.columns,
      row: r.row,
      before: r.before,
      after: { ...r.before, ...change },
      statuses: r.plan.lists.statuses,
      targetDate: originalTargetDate(r.assessed),
      timeZone: ZONE,
    });
  };
  const column = (header: string) => ACTION_HEADERS.indexOf(header);

  it('writes only what changed: text behind the apostrophe, Progress as a number, Status as Lists spells it', () => {
    const cells = cellsFor(
      { Status: 'In progress', Progress: 20, 'Latest update': 'Old.' },
      { status: 'complete', progress: '100', latestUpdate: '=IMPORTXML("x")' },
    );
    expect(cells).toEqual([
      {
        key: 'status',
        column: column('Status'),
        header: 'Status',
        value: "'Complete",
        oldValue: 'In progress',
        newValue: 'Complete',
      },
      {
        key: 'progress',
        column: column('Progress'),
        header: 'Progress',
        value: 100,
        oldValue: '20',
        newValue: '100',
      },
      {
        key: 'latestUpdate',
        column: column('Latest update'),
        header: 'Latest update',
        value: '\'=IMPORTXML("x")',
        oldValue: 'Old.',
        newValue: '=IMPORTXML("x")',
      },
    ]);
  });

  it('writes a revised date as that day at midnight in the spreadsheet’s zone, and clears with blanks', () => {
    const cells = cellsFor(
      { 'Target date': londonMidnight('2010-03-31') },
      { revisedTargetDate: '2010-06-30', revisionReason: 'Survey late' },
    );
    expect(cells.map((c) => [c.header, c.value, c.oldValue, c.newValue])).toEqual([
      ['Revised target date', midnightInZone('2010-06-30', ZONE), '', '30/06/2010'],
      ['Revision reason', "'Survey late", '', 'Survey late'],
    ]);
    const typed = cellsFor(
      { 'Target date': londonMidnight('2010-03-31') },
      { revisedTargetDate: '30/06/2010', revisionReason: 'Survey late' },
    );
    expect(typed).toEqual(cells); // a date typed day first, where a browser has no date picker
    const cleared = cellsFor({ Progress: 30 }, { progress: '' });
    expect(cleared.map((c) => [c.header, c.value])).toEqual([['Progress', '']]);
  });

  it('puts the timescale’s date into an empty Target date beside a first revision', () => {
    const cells = cellsFor(
      { Timescale: 'By the end of 2009/10' },
      { revisedTargetDate: '2010-06-30', revisionReason: 'Survey late' },
    );
    expect(cells.map((c) => [c.header, c.value, c.newValue])).toEqual([
      ['Target date', midnightInZone('2010-03-31', ZONE), '31/03/2010'],
      ['Revised target date', midnightInZone('2010-06-30', ZONE), '30/06/2010'],
      ['Revision reason', "'Survey late", 'Survey late'],
    ]);
  });

  it('writes nothing when nothing changed', () => {
    expect(cellsFor({ Status: 'In progress' }, { status: 'IN PROGRESS' })).toEqual([]);
  });
});

describe('differences', () => {
  it('names each editable column whose value moved, with both values', () => {
    const loaded = normaliseFields({ status: 'In progress', latestUpdate: 'Mine' });
    expect(differences(loaded, { ...loaded, latestUpdate: 'Theirs', progress: '30' })).toEqual([
      { header: 'Progress', was: '', now: '30' },
      { header: 'Latest update', was: 'Mine', now: 'Theirs' },
    ]);
  });
});

describe('ownActions', () => {
  const plan = planFrom(
    [
      action({ Code: 'CEA1', Lead: 'Robert Hardy', Timescale: 'Ongoing' }),
      action({ Code: 'CEA2', Lead: 'Robert Hardy', 'Target date': londonMidnight('2010-04-01') }),
      action({
        Code: 'CEA3',
        Lead: 'Amanda Beer / Robert Hardy',
        'Target date': londonMidnight('2010-03-01'),
      }),
      action({ Code: 'CEA4', Lead: 'Robert Hardy', 'Target date': londonMidnight('2010-02-01') }),
      action({ Code: 'CEA5', Lead: 'Robert Hardy', Status: 'Cancelled' }),
      action({ Code: 'CEA6', Lead: 'Amanda Beer' }),
      action({ Code: '', Lead: 'Robert Hardy' }),
      action({ Code: 'CEA8', Lead: 'Robert Hardy', Status: 'Complete' }),
      action({ Code: 'CEA9', Lead: 'Managing Directors' }),
    ],
    { people: PEOPLE },
  );
  const codes = (email: string) => ownActions(plan, email).map((a) => `${a.code} ${a.rag}`);

  it('lists the person’s live, coded actions, the longest overdue first, then by urgency', () => {
    expect(codes('Robert.Hardy@example.org')).toEqual([
      'CEA4 Overdue',
      'CEA3 Overdue',
      'CEA2 Due soon',
      'CEA1 Ongoing',
      'CEA8 Complete',
    ]);
  });

  it('finds a group’s actions for each of its addresses, and none for an unknown or withheld address', () => {
    expect(codes('md.two@example.org')).toEqual(['CEA9 Ongoing']);
    expect(codes('someone.else@example.org')).toEqual([]);
    expect(codes('')).toEqual([]);
  });
});
