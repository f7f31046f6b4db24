// The status colour rule (DESIGN 2.4) with `today` passed in.
import { daysOverdue, isStale, ragFor } from '../../src/domain/rag';
import { readPlan, countByRag, liveActions } from '../../src/domain/plan';
import { action, planValues } from '../builders/plan';

const live = { complete: false, deferred: false, cancelled: false };
const TODAY = '2010-03-10';

describe('ragFor', () => {
  it.each([
    ['2010-03-09', 'Overdue'],
    ['2010-03-10', 'Due soon'],
    ['2010-04-07', 'Due soon'], // today + 28
    ['2010-04-08', 'On track'],
  ])('target %s → %s', (date, rag) => {
    expect(ragFor({ ...live, effectiveTargetDate: date }, TODAY, 28)).toBe(rag);
  });

  it('no date is Ongoing; complete wins over dates; deferred is grey; cancelled has none', () => {
    expect(ragFor(live, TODAY, 28)).toBe('Ongoing');
    expect(ragFor({ ...live, complete: true, effectiveTargetDate: '2000-01-01' }, TODAY, 28)).toBe(
      'Complete',
    );
    expect(ragFor({ ...live, deferred: true, effectiveTargetDate: '2000-01-01' }, TODAY, 28)).toBe(
      'Deferred',
    );
    expect(ragFor({ ...live, cancelled: true }, TODAY, 28)).toBeUndefined();
  });

  it('the due-soon window is a setting', () => {
    expect(ragFor({ ...live, effectiveTargetDate: '2010-03-20' }, TODAY, 7)).toBe('On track');
  });

  it('days overdue', () => {
    expect(daysOverdue({ ...live, effectiveTargetDate: '2010-02-28' }, TODAY)).toBe(10);
    expect(daysOverdue({ ...live, effectiveTargetDate: '2010-03-10' }, TODAY)).toBe(0);
  });
});

describe('isStale', () => {
  it('blank or older than the setting is stale; complete and cancelled never are', () => {
    expect(isStale(live, TODAY, 90)).toBe(true);
    expect(isStale({ ...live, lastUpdated: '2009-12-10' }, TODAY, 90)).toBe(false); // exactly 90 days
    expect(isStale({ ...live, lastUpdated: '2009-12-09' }, TODAY, 90)).toBe(true);
    expect(isStale({ ...live, complete: true }, TODAY, 90)).toBe(false);
    expect(isStale({ ...live, cancelled: true }, TODAY, 90)).toBe(false);
  });
});

describe('a plan counted by RAG', () => {
  it('counts live actions only; Timescale Complete counts as complete', () => {
    const plan = readPlan(
      planValues([
        action({ Timescale: 'By the end of 2009' }),
        action({ Timescale: 'March 2010' }),
        action({ Timescale: 'By the end of 2010/11' }),
        action({ Timescale: 'Complete' }),
        action({ Status: 'Cancelled' }),
        action({ Status: 'Deferred' }),
        action({ Timescale: 'Ongoing' }),
      ]),
      'Europe/London',
      TODAY,
    );
    expect(liveActions(plan)).toHaveLength(6);
    expect(countByRag(liveActions(plan))).toEqual({
      Complete: 1,
      Overdue: 1,
      'Due soon': 1,
      'On track': 1,
      Ongoing: 1,
      Deferred: 1,
    });
  });

  it('uses Settings: Due-soon window and Stale after', () => {
    const plan = readPlan(
      planValues([action({ Timescale: 'March 2010', 'Last updated': '2010-03-01' })], {
        settings: { 'Due-soon window (days)': 7, 'Stale after (days)': 5 },
      }),
      'Europe/London',
      TODAY,
    );
    expect(plan.actions[0]).toMatchObject({ rag: 'On track', stale: true });
  });
});
