// Pins samples/baseline.csv against samples/plan.csv: by set arithmetic over codes (DESIGN 2.5), every count of the
// committee report is non-zero and matches what samples/README.md says.
import { readCsvSheet } from '../../local/csvSheet';

type Row = Record<string, string>;

function read(path: string): Map<string, Row> {
  const [header, ...rows] = readCsvSheet(path);
  return new Map(rows.map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))]));
}

const isComplete = (r: Row) => r.Status === 'Complete' || r.Status === 'Cancelled' || r.Timescale === 'Complete';
/** The fields whose change makes an action "updated" (raw text: a changed timescale or date changes the target). */
const COMPARED = ['Action', 'Timescale', 'Target date', 'Revised target date', 'Lead'];

describe('samples/baseline.csv against samples/plan.csv', () => {
  const plan = read('samples/plan.csv');
  const baseline = read('samples/baseline.csv');

  it('has the same header as plan.csv and only live, not complete actions', () => {
    expect(readCsvSheet('samples/baseline.csv')[0]).toEqual(readCsvSheet('samples/plan.csv')[0]);
    expect([...baseline.values()].filter(isComplete)).toEqual([]);
  });

  it('gives the counts the README states: 45 = 39 retained + 3 deleted + 3 updated, plus 3 added', () => {
    const codes = [...baseline.keys()];
    const deleted = codes.filter((c) => !plan.has(c) || isComplete(plan.get(c)!));
    const kept = codes.filter((c) => !deleted.includes(c));
    const updated = kept.filter((c) => COMPARED.some((f) => plan.get(c)![f] !== baseline.get(c)![f]));
    const retained = kept.filter((c) => !updated.includes(c));
    const added = [...plan.keys()].filter((c) => !baseline.has(c) && !isComplete(plan.get(c)!));
    expect(codes).toHaveLength(45);
    expect(deleted.sort()).toEqual(['CMB2', 'OCD1', 'WDB1']);
    expect(updated.sort()).toEqual(['CEC2', 'CMA3', 'MMB2']);
    expect(added.sort()).toEqual(['CPD2', 'OCB5', 'WDD2']);
    expect(retained).toHaveLength(39);
    expect(retained.length + deleted.length + updated.length).toBe(baseline.size);
  });
});
