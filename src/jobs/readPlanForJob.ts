// Every job's first step: read the plan's sheets once and stop, logged and with nothing written, if Actions is unreadable.
import { type IsoDate, isoDateInZone } from '../domain/dates';
import { type Plan, type PlanValues, readPlan } from '../domain/plan';
import type { Services, SheetPort } from '../gas/ports';
import { readPlanValues } from '../sheets/planValues';
import { appendRunLog } from '../sheets/runLog';

/** Thrown when the plan cannot be read at all; nothing has been written. */
export class PlanUnreadableError extends Error {
  constructor(messages: string[]) {
    super(`Nothing was changed. ${messages.join(' ')}`);
    this.name = 'PlanUnreadableError';
  }
}

export interface JobPlan {
  started: Date;
  timeZone: string;
  today: IsoDate;
  values: PlanValues & { actions: unknown[][] };
  actionsSheet: SheetPort;
  plan: Plan;
}

/** Reads the plan for `job`; a missing or doubled required header is logged as a failed run and thrown. */
export function readPlanForJob(services: Services, job: string): JobPlan {
  const started = services.now();
  const ss = services.spreadsheet;
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = isoDateInZone(started, timeZone);
  const { values, actionsSheet } = readPlanValues(ss);
  const plan = readPlan(values, timeZone, today);
  const actions = values.actions;
  if (plan.errors.length || !actionsSheet || !actions) {
    appendRunLog(ss, {
      job,
      started,
      finished: services.now(),
      outcome: 'failed',
      actions: 0,
      problems: plan.errors.length,
      details: plan.errors.join(' '),
    });
    throw new PlanUnreadableError(plan.errors);
  }
  return { started, timeZone, today, values: { ...values, actions }, actionsSheet, plan };
}
