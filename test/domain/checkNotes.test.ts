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
    expect(update.block).toEqual({
      row: 2,
      column: 2,
      notes: [
        [`${CHECK_NOTE_PREFIX}Lead "Nobody" is not in People. Another.`, ''],
        ['', `${CHECK_NOTE_PREFIX}Status "Nearly" is unknown.`],
      ],
    });
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
    expect(notesWithProblems('Actions', values, first.notes, problems).block).toBeUndefined();
    expect(notesWithProblems('Actions', values, blank(), []).changed).toBe(false);
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
