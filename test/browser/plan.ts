// The plan the browser tests open: three live actions led by one officer (overdue, due soon, on track) and one not.
import { action, londonMidnight, PEOPLE, type Row } from '../builders/plan';
import { planData } from '../bundle/harness';

/** The officer at the keyboard: a lead in People, not a plan administrator (not the spreadsheet's owner). */
export const OFFICER = String(PEOPLE[0].Email);
export const OFFICER_NAME = String(PEOPLE[0].Name);
const OTHER_LEAD = String(PEOPLE[1].Name);

/** Row numbers on Actions (header = 1). */
export const ROW = { CEA1: 2, CEA2: 3, CEA3: 4, CEA4: 5 } as const;

/** `cea1` changes CEA1's cells (a revision made earlier, say). */
export function officerPlan(cea1: Row = {}) {
  return planData([
    action({
      Code: 'CEA1',
      Action: 'Record every consultation response in one log',
      Lead: OFFICER_NAME,
      'Target date': londonMidnight('2010-06-30'),
      Status: 'In progress',
      Progress: 40,
      'Latest update': 'Log template agreed with service leads.',
      ...cea1,
    }),
    action({
      Code: 'CEA2',
      Action: 'Publish the consultation calendar',
      Lead: OFFICER_NAME,
      'Target date': londonMidnight('2010-01-31'),
      Status: 'In progress',
      Progress: 10,
    }),
    action({
      Code: 'CEA3',
      Action: 'Report consultation outcomes to Cabinet',
      Lead: OFFICER_NAME,
      'Target date': londonMidnight('2010-03-20'),
      Status: 'Not started',
    }),
    action({
      Code: 'CEA4',
      Action: 'Train staff in consultation practice',
      Lead: OTHER_LEAD,
      'Target date': londonMidnight('2010-02-28'),
      Status: 'In progress',
    }),
  ]);
}
