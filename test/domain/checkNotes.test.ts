// Check the plan's notes: its own replaced or removed, a person's kept, unchanged notes reported as unchanged.
import { CHECK_NOTE_PREFIX, notesWithProblems, personalPart } from '../../src/domain/checkNotes';

const values = [
  ['Code', 'Lead', 'Status'],
  ['CEA1', 'Nobody', 'In progress'],
  ['CEA2', 'Robert Hardy', 'Nearly'],
];
const blank = () => values.map((r) => r.map(() => ''));
const problem = (row: number, column: string | undefined, message: string, sheet = 'Actions') => ({
  sheet,
  row,
  code: '',
  ...(column ? { column } : {}),
  message,
});

describe('notesWithProblems', () => {
  it('puts each problem on its row’s cell under its column, several on one cell joined', () => {
    const update = notesWithProblems(
      'Actions',
      values,
      blank(),
      [
        problem(2, 'Lead', 'Lead "Nobody" is not in People.'),
        problem(2, 'lead', 'Another.'),
        problem(3, 'Status', 'Status "Nearly" is unknown.'),
      ],
      'Code',
    );
    expect(update.changed).toBe(true);
    expect(update.noted).toBe(2);
    // Only the block that changed is written: rows 2–3, columns B–C.
    expect(update.blocks).toEqual([
      {
        row: 2,
        column: 2,
        notes: [
          [`${CHECK_NOTE_PREFIX}Lead "Nobody" is not in People. Another.`, ''],
          ['', `${CHECK_NOTE_PREFIX}Status "Nearly" is unknown.`],
        ],
      },
    ]);
    expect(update.notes).toEqual([
      ['', '', ''],
      ['', `${CHECK_NOTE_PREFIX}Lead "Nobody" is not in People. Another.`, ''],
      ['', '', `${CHECK_NOTE_PREFIX}Status "Nearly" is unknown.`],
    ]);
  });

  it('notes a problem whose column is not on the sheet on the fallback column, and skips other sheets and row 0', () => {
    const update = notesWithProblems(
      'Actions',
      values,
      blank(),
      [
        problem(2, 'Revision reason', 'Needs a reason.'),
        problem(3, 'Lead', 'Elsewhere.', 'People'),
        problem(0, undefined, 'Whole sheet.'),
        problem(9, 'Lead', 'Past the data.'),
      ],
      'Code',
    );
    expect(update.notes[1][0]).toBe(`${CHECK_NOTE_PREFIX}Needs a reason.`);
    expect(update.noted).toBe(1);
  });

  it('keeps a person’s note, adding the check’s after it, and replaces only the check’s part next time', () => {
    const notes = blank();
    notes[1][1] = 'Ask Robert about this';
    const first = notesWithProblems('Actions', values, notes, [problem(2, 'Lead', 'Old message.')]);
    expect(first.notes[1][1]).toBe(`Ask Robert about this\n\n${CHECK_NOTE_PREFIX}Old message.`);
    const second = notesWithProblems('Actions', values, first.notes, [problem(2, 'Lead', 'New message.')]);
    expect(second.notes[1][1]).toBe(`Ask Robert about this\n\n${CHECK_NOTE_PREFIX}New message.`);
    const fixed = notesWithProblems('Actions', values, second.notes, []);
    expect(fixed.notes[1][1]).toBe('Ask Robert about this');
  });

  it('blanks a check note that is no longer true and leaves every other note alone', () => {
    const notes = blank();
    notes[1][1] = `${CHECK_NOTE_PREFIX}Was wrong.`;
    notes[2][0] = 'Agreed at Cabinet, 4 March';
    const update = notesWithProblems('Actions', values, notes, []);
    expect(update.changed).toBe(true);
    expect(update.notes[1][1]).toBe('');
    expect(update.notes[2][0]).toBe('Agreed at Cabinet, 4 March');
  });

  it('says unchanged when the notes already say it, so nothing is written twice', () => {
    const problems = [problem(2, 'Lead', 'Lead "Nobody" is not in People.')];
    const first = notesWithProblems('Actions', values, blank(), problems);
    expect(notesWithProblems('Actions', values, first.notes, problems)).toMatchObject({ changed: false });
    expect(notesWithProblems('Actions', values, first.notes, problems).blocks).toEqual([]);
    expect(notesWithProblems('Actions', values, blank(), []).changed).toBe(false);
  });
});

describe('notesWithProblems with the script’s own columns', () => {
  // RAG and Last updated sit between columns staff edit, as a council that moved them might have them.
  const wide = [
    ['Code', 'Lead', 'RAG', 'Status', 'Last updated', 'Progress'],
    ['CEA1', 'Nobody', 'Ongoing', 'Nearly', 'next week', 150],
    ['CEA2', 'Robert Hardy', '', 'In progress', '', 10],
  ];
  const none = () => wide.map((r) => r.map(() => ''));
  const scriptHeaders = ['RAG', 'Last updated', 'Updated by'];

  it('notes a problem on a script-written column on the row’s Code instead, and writes blocks that skip those columns', () => {
    const update = notesWithProblems(
      'Actions',
      wide,
      none(),
      [
        problem(2, 'Lead', 'Lead "Nobody" is not in People.'),
        problem(2, 'Status', 'Status "Nearly" is unknown.'),
        problem(2, 'Last updated', 'Last updated "next week" is not a date.'),
        problem(2, 'Progress', 'Progress 150 is over 100.'),
      ],
      'Code',
      scriptHeaders,
    );
    expect(update.notes[1]).toEqual([
      `${CHECK_NOTE_PREFIX}Last updated "next week" is not a date.`,
      `${CHECK_NOTE_PREFIX}Lead "Nobody" is not in People.`,
      '',
      `${CHECK_NOTE_PREFIX}Status "Nearly" is unknown.`,
      '',
      `${CHECK_NOTE_PREFIX}Progress 150 is over 100.`,
    ]);
    expect(update.blocks.map(({ row, column, notes }) => [row, column, notes[0].length])).toEqual([
      [2, 1, 2], // Code and Lead
      [2, 4, 1], // Status
      [2, 6, 1], // Progress
    ]);
  });

  it('leaves the script’s columns exactly as they are, even an old check note there', () => {
    const notes = none();
    notes[1][2] = `${CHECK_NOTE_PREFIX}From an earlier version.`;
    notes[2][4] = 'Stamped by hand';
    const update = notesWithProblems('Actions', wide, notes, [], 'Code', scriptHeaders);
    expect(update.changed).toBe(false);
    expect(update.blocks).toEqual([]);
    expect(update.notes[1][2]).toBe(`${CHECK_NOTE_PREFIX}From an earlier version.`);
  });
});

describe('personalPart', () => {
  it('is everything before the check’s text', () => {
    expect(personalPart('mine')).toBe('mine');
    expect(personalPart(`${CHECK_NOTE_PREFIX}x`)).toBe('');
    expect(personalPart(`mine\n\n${CHECK_NOTE_PREFIX}x`)).toBe('mine');
    expect(personalPart('mentions Check the plan: in passing')).toBe('mentions Check the plan: in passing');
  });
});
