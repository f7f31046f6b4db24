// Check the plan (being built): see issue 3.
import type { Problem } from '../domain/problems';
import type { Services } from '../gas/ports';

export interface CheckPlanResult {
  problems: Problem[];
}

export function checkPlan(_services: Services): CheckPlanResult {
  throw new Error('Check the plan is being built.');
}
