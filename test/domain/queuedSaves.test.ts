// Saves staff queue for the administrator's runs: each record fits one property value, long texts cut with their
// length, and reads back as it was written.
import {
  decodeQueuedSave,
  encodeQueuedSave,
  QUEUED_SAVE_MAX_BYTES,
  QUEUED_SAVE_PREFIX,
  type QueuedSave,
  queuedSaveKey,
  queuedSaveTime,
  utf8Bytes,
} from '../../src/domain/queuedSaves';

/** The Apps Script quota: "Properties value size 9 KB / val". */
const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;

const save = (cells: QueuedSave['cells']): QueuedSave => ({
  time: '2010-03-10T09:00:00.000Z',
  editor: 'robert.hardy@example.org',
  code: 'CEA1',
  stamp: true,
  cells,
});

const cell = (header: string, oldValue: string, newValue: string) => ({
  cell: 'P2',
  header,
  oldValue,
  newValue,
});

describe('queued saves', () => {
  it('read back exactly as written when they are small', () => {
    const record = save([cell('Status', 'In progress', 'Complete'), cell('Latest update', '', 'Done.')]);
    expect(decodeQueuedSave(encodeQueuedSave(record))).toEqual(record);
  });

  it('fit one property value however long the texts, cutting the longest first and noting their length', () => {
    const old = 'o'.repeat(10_000);
    const record = save([
      cell('Status', 'In progress', 'Complete'),
      cell('Latest update', old, 'n'.repeat(9_000)),
      cell('Revision reason', 'r'.repeat(2_000), 'Short reason'),
    ]);
    const value = encodeQueuedSave(record);
    expect(utf8Bytes(value)).toBeLessThanOrEqual(QUEUED_SAVE_MAX_BYTES);
    expect(QUEUED_SAVE_MAX_BYTES).toBeLessThan(PROPERTY_VALUE_LIMIT_BYTES);
    const back = decodeQueuedSave(value);
    const [status, update, reason] = back?.cells ?? [];
    expect(status).toEqual(record.cells[0]);
    expect(update.oldValue).toMatch(
      /^o+… \(10,000 characters, cut to fit the queue; the sheet’s version history/,
    );
    expect(update.newValue).toMatch(
      /^n+… \(9,000 characters, cut to fit the queue; the sheet holds it whole\)$/,
    );
    expect(reason.newValue).toBe('Short reason');
    expect(back?.editor).toBe(record.editor);
  });

  it('count bytes, not characters: text outside ASCII is cut further', () => {
    const record = save([cell('Latest update', '', '€'.repeat(5_000))]);
    const value = encodeQueuedSave(record);
    expect(utf8Bytes(value)).toBeLessThanOrEqual(QUEUED_SAVE_MAX_BYTES);
    expect(Buffer.byteLength(value, 'utf8')).toBe(utf8Bytes(value));
    expect(decodeQueuedSave(value)?.cells[0].newValue.length).toBeLessThan(QUEUED_SAVE_MAX_BYTES / 3);
  });

  it('are not made of anything else the document’s properties hold', () => {
    expect(decodeQueuedSave('{"cycle":3}')).toBeUndefined();
    expect(decodeQueuedSave('not json')).toBeUndefined();
    expect(decodeQueuedSave(null)).toBeUndefined();
  });

  it('are keyed so the keys sort in the order the saves were made', () => {
    const first = queuedSaveKey(save([]), 'zz');
    const second = queuedSaveKey({ ...save([]), time: '2010-03-10T09:00:01.000Z', code: 'AAA1' }, 'aa');
    expect(first.startsWith(QUEUED_SAVE_PREFIX)).toBe(true);
    expect([second, first].sort()).toEqual([first, second]);
  });

  it('say when they were made: the record’s time, else the key’s, else nothing', () => {
    const record = save([]);
    const key = queuedSaveKey(record, 'ab12');
    expect(queuedSaveTime(key, encodeQueuedSave(record))).toEqual(new Date(record.time));
    expect(queuedSaveTime(key, 'not json')).toEqual(new Date(record.time));
    expect(queuedSaveTime(`${QUEUED_SAVE_PREFIX}garbage`, 'not json')).toBeUndefined();
  });
});
