// The cycle diff (DESIGN 2.5): retained + deleted + updated = the baseline's count; added are open and new.
import { codeKey, diffAgainstBaseline, newActionsAlreadyComplete } from '../../src/domain/cycle';
import type { CycleDiff } from '../../src/domain/reportTypes';
import { action } from '../builders/plan';
import { baselineOf, planOf, seed001 } from '../builders/cycle';

function expectInvariant(diff: CycleDiff): void {
  expect(diff.retained.length + diff.deleted.length + diff.updated.length).toBe(diff.baseline?.count);
}

describe('diffAgainstBaseline', () => {
  it('seed 001: 65 = 24 retained + 37 deleted + 4 updated, plus 4 added', () => {
    const { baseline, plan } = seed001();
    expect(baseline.actions).toHaveLength(65);
    const diff = diffAgainstBaseline(plan, baseline);
    expect(diff.baseline).toEqual({ cycle: 3, takenAt: baseline.takenAt, count: 65 });
    expect(diff.retained).toHaveLength(24);
    expect(diff.deleted).toHaveLength(37);
    expect(diff.updated).toHaveLength(4);
    expect(diff.added).toEqual(['CEA66', 'CEA67', 'CEA68', expect.stringMatching(/^Row \d+ \(no code\)$/)]);
    expectInvariant(diff);
    const reasons = diff.deleted.map((d) => d.reason);
    expect(reasons.filter((r) => r === 'complete')).toHaveLength(30);
    expect(reasons.filter((r) => r === 'cancelled')).toHaveLength(5);
    expect(diff.deleted.filter((d) => d.reason === 'gone').map((d) => d.code)).toEqual(['CEA60', 'CEA61']);
    expect(newActionsAlreadyComplete(plan, diff).map((a) => a.code)).toEqual(['CEA69']);
  });

  it('says what changed, old → new, for each compared field', () => {
    const diff = diffAgainstBaseline(seed001().plan, seed001().baseline);
    const changes = Object.fromEntries(diff.updated.map((u) => [u.code, u.changes]));
    expect(changes.CEA62).toEqual([{ field: 'Action', old: 'Action 62', new: 'Action 62, reworded' }]);
    expect(changes.CEA63).toEqual([
      { field: 'Timescale', old: 'By the end of 2010/11', new: 'Ongoing' },
      { field: 'Target date', old: '31 March 2011', new: '' },
    ]);
    expect(changes.CEA64).toEqual([{ field: 'Target date', old: '31 March 2011', new: '30 September 2011' }]);
    expect(changes.CEA65).toEqual([{ field: 'Lead', old: 'Robert Hardy', new: 'Amanda Beer' }]);
  });

  it('spacing, case of lead names and their order are not changes', () => {
    const then = [action({ Code: 'CEA1', Action: 'Engage  residents', Lead: 'Robert Hardy / Amanda Beer' })];
    const now = [action({ Code: 'CEA1', Action: ' Engage residents ', Lead: 'amanda beer & ROBERT HARDY' })];
    const diff = diffAgainstBaseline(planOf(now), baselineOf(then));
    expect(diff.retained).toEqual(['CEA1']);
  });

  it('matches codes case-insensitively and CEA01 as CEA1', () => {
    const diff = diffAgainstBaseline(
      planOf([action({ Code: 'cea01' }), action({ Code: 'CEA2' })]),
      baselineOf([action({ Code: 'CEA1' }), action({ Code: 'cea2' })]),
    );
    expect(diff.retained).toEqual(['CEA01', 'CEA2']);
    expect(diff.added).toEqual([]);
  });

  it('a duplicated code today is matched once and not counted as added', () => {
    const diff = diffAgainstBaseline(
      planOf([action({ Code: 'CEA1' }), action({ Code: 'CEA1', Action: 'Other' })]),
      baselineOf([action({ Code: 'CEA1' })]),
    );
    expect(diff.retained).toEqual(['CEA1']);
    expect(diff.added).toEqual([]);
  });

  it('without a baseline every open action is added; cancelled and complete ones are not', () => {
    const plan = planOf([
      action({ Code: 'CEA1' }),
      action({ Code: 'CEA2', Status: 'Cancelled' }),
      action({ Code: 'CEA3', Status: 'Complete' }),
      action({ Code: 'CEA4', Status: 'Deferred' }),
      action({ Code: '' }),
    ]);
    const diff = diffAgainstBaseline(plan, undefined);
    expect(diff.baseline).toBeUndefined();
    expect(diff.added).toEqual(['CEA1', 'CEA4', 'Row 6 (no code)']);
    expect([diff.retained, diff.deleted, diff.updated]).toEqual([[], [], []]);
    expect(newActionsAlreadyComplete(plan, diff).map((a) => a.code)).toEqual(['CEA3']);
  });

  it('a baseline whose codes no longer exist: all deleted as gone, today’s actions added', () => {
    const diff = diffAgainstBaseline(
      planOf([action({ Code: 'CEA10' })]),
      baselineOf([action({ Code: 'CEA1' }), action({ Code: 'CEA2' })]),
    );
    expect(diff.deleted.map((d) => [d.code, d.reason])).toEqual([
      ['CEA1', 'gone'],
      ['CEA2', 'gone'],
    ]);
    expect(diff.added).toEqual(['CEA10']);
    expectInvariant(diff);
  });

  it('no actions at all, and every action complete', () => {
    const empty = diffAgainstBaseline(planOf([]), baselineOf([action({ Code: 'CEA1' })]));
    expect(empty.deleted).toHaveLength(1);
    expectInvariant(empty);
    expect(diffAgainstBaseline(planOf([]), undefined).added).toEqual([]);

    const done = diffAgainstBaseline(
      planOf([action({ Code: 'CEA1', Status: 'Complete' }), action({ Code: 'CEA2', Timescale: 'Complete' })]),
      baselineOf([action({ Code: 'CEA1' }), action({ Code: 'CEA2' })]),
    );
    expect(done.deleted.map((d) => d.reason)).toEqual(['complete', 'complete']);
    expect(done.added).toEqual([]);
    expectInvariant(done);
  });

  it('a cancelled action that is also complete is deleted as cancelled', () => {
    const diff = diffAgainstBaseline(
      planOf([action({ Code: 'CEA1', Status: 'Cancelled', Timescale: 'Complete' })]),
      baselineOf([action({ Code: 'CEA1' })]),
    );
    expect(diff.deleted[0].reason).toBe('cancelled');
  });
});

describe('codeKey', () => {
  it('ignores case, spaces and leading zeros', () => {
    expect(codeKey(' cea01 ')).toBe('CEA1');
    expect(codeKey('odd code')).toBe('ODD CODE');
  });
});
