// Refresh status colours: reads the plan once, decides every action's RAG (DESIGN 2.4), writes the RAG column once,
// then brings the Dashboard up to date.
import { ACTION_COLUMNS } from '../domain/actions';
import { dashboardModel } from '../domain/dashboard';
import { countByRag, liveActions, readPlan } from '../domain/plan';
import type { Problem } from '../domain/problems';
import type { Rag } from '../domain/rag';
import type { Services } from '../gas/ports';
import { writeColumn } from '../sheets/columnWriter';
import { type DashboardWrite, writeDashboard } from '../sheets/dashboard';
import { appendRunLog } from '../sheets/runLog';
import { drainQueuedSaves, savesWrittenInWords } from './queuedSaves';
import { readPlanForJob } from './readPlanForJob';
import { applyScriptCellWrites } from './rowUpkeep';
import { withScriptLock } from './withScriptLock';

export const REFRESH_JOB = 'Refresh status colours';

export interface RefreshResult {
  today: string;
  /** Live actions (not cancelled). */
  actions: number;
  byStatus: Record<Rag, number>;
  problems: Problem[];
  /** Rows left without a RAG because their status is missing or unknown. */
  withoutRag: number[];
  ragWritten: boolean;
  /** What the Dashboard refresh did. */
  dashboard: DashboardWrite;
}

export function refreshStatus(services: Services): RefreshResult {
  return withScriptLock(services.lock, REFRESH_JOB, () => {
    const ss = services.spreadsheet;
    const job = readPlanForJob(services, REFRESH_JOB);
    const { started, timeZone, today, values, actionsSheet } = job;
    // Saves staff made in Update progress: their Audit log rows and stamps, before the stamps are read for staleness.
    const drained = drainQueuedSaves(services, () => ({
      sheet: actionsSheet,
      headerRow: values.actions[0],
      columns: job.plan.columns,
      rows: values.actions.slice(1),
      timeZone,
      rag: false,
    }));
    if (drained.kept) applyScriptCellWrites(values.actions, 1, drained.kept.writes);
    const plan = drained.kept ? readPlan(values, timeZone, today) : job.plan;
    // RAG goes on every data row, blank rows and cancelled actions included, so a stale colour never lingers.
    const ragByRow = new Map(plan.actions.map((a) => [a.row, a.rag ?? '']));
    const ragCells = values.actions.slice(1).map((_, i) => ragByRow.get(i + 2) ?? '');
    const ragWritten = writeColumn(
      actionsSheet,
      values.actions,
      plan.columns.index.rag,
      ACTION_COLUMNS.headers.rag,
      ragCells,
    );
    const live = liveActions(plan);
    const withoutRag = live.filter((a) => !a.rag).map((a) => a.row);
    const details = [
      withoutRag.length
        ? `No status colour for rows ${withoutRag.join(', ')}: their Status is missing or unknown.`
        : '',
      savesWrittenInWords(drained),
    ]
      .filter(Boolean)
      .join(' ');
    let dashboard: DashboardWrite;
    try {
      dashboard = writeDashboard(ss, dashboardModel(plan), timeZone, services.enums.chartBar);
    } catch (e) {
      // The colours are already written; the Run log says so, and the error still reaches the person or the
      // trigger's failure email.
      appendRunLog(ss, {
        job: REFRESH_JOB,
        started,
        finished: services.now(),
        outcome: 'failed',
        actions: live.length,
        problems: plan.problems.length,
        details:
          `Status colours were written, but the Dashboard could not be refreshed: ${e instanceof Error ? e.message : String(e)} ${details}`.trim(),
      });
      throw e;
    }
    appendRunLog(ss, {
      job: REFRESH_JOB,
      started,
      finished: services.now(),
      outcome: 'ok',
      actions: live.length,
      problems: plan.problems.length,
      details,
    });
    return {
      today,
      actions: live.length,
      byStatus: countByRag(live),
      problems: plan.problems,
      withoutRag,
      ragWritten,
      dashboard,
    };
  });
}
