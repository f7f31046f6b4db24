// The committee report as data (DESIGN 2.9): its title, placeholders, counts and blocks, which src/docs writes.
import { formatLongDate, type IsoDate, isoDateInZone, timeOfDayInZone } from './dates';
import type { Plan } from './plan';
import { actionFinder, type ReportContext } from './reportCells';
import { appendixA, appendixB } from './reportAppendices';
import {
  attentionSection,
  headingBlock,
  progressSection,
  recommendationsSection,
  summarySection,
} from './reportSections';
import type { CycleDiff, ReportBlock, ReportModel } from './reportTypes';
import { SETTING_DEFS, type Settings } from './settings';

export interface ReportInput {
  plan: Plan;
  diff: CycleDiff;
  meeting: { date: IsoDate; committee: string };
  generatedAt: Date;
  timeZone: string;
}

/**
 * Counts per DESIGN 2.5, with `total` as seed 001 uses it ("a total of 65 … 24 retained, 37 deleted, 4 updated and 4
 * added"): the baseline's count, so total = retained + deleted + updated; on a first report, the live actions added.
 */
export function reportCounts(diff: CycleDiff): ReportModel['counts'] {
  return {
    total: diff.baseline ? diff.baseline.count : diff.added.length,
    retained: diff.retained.length,
    deleted: diff.deleted.length,
    updated: diff.updated.length,
    added: diff.added.length,
  };
}

export function buildReportModel(input: ReportInput): ReportModel {
  const ctx: ReportContext = { ...input, counts: reportCounts(input.diff), find: actionFinder(input.plan) };
  const attention = attentionSection(ctx);
  const before: ReportBlock[] = [
    ...headingBlock(ctx),
    ...summarySection(ctx),
    ...progressSection(ctx),
    ...attention.blocks,
    ...recommendationsSection(ctx),
    { kind: 'pageBreak' },
  ];
  const after = appendixB(ctx);
  return {
    title: reportTitle(input),
    placeholders: placeholders(ctx),
    counts: ctx.counts,
    attention: attention.overdue,
    blocks: [
      ...before,
      ...fittedAppendixA(ctx, REPORT_TEXT_BUDGET - textLength([...before, ...after])),
      ...after,
    ],
  };
}

/**
 * A Google Doc holds at most 1,020,000 characters. The report keeps under this budget (room left for a council's
 * template): Appendix A first drops its long columns, then lists only as many actions as fit.
 */
export const REPORT_TEXT_BUDGET = 900_000;

function fittedAppendixA(ctx: ReportContext, room: number): ReportBlock[] {
  const full = appendixA(ctx);
  if (textLength(full) <= room) return full;
  const compact = appendixA(ctx, { compact: true });
  const size = textLength(compact);
  if (size <= room) return compact;
  const total = ctx.plan.actions.length;
  // Rows are about the same size, so a proportional cut fits; shrink a little more until it does.
  let maxActions = Math.floor((total * Math.max(0, room)) / size);
  let fitted = appendixA(ctx, { compact: true, maxActions });
  while (maxActions > 0 && textLength(fitted) > room) {
    maxActions = Math.floor(maxActions * 0.95);
    fitted = appendixA(ctx, { compact: true, maxActions });
  }
  return fitted;
}

/** Characters the blocks put into the document (text only; what the size limit counts). */
export function textLength(blocks: readonly ReportBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.kind === 'title' || b.kind === 'heading') n += b.text.length + 1;
    else if (b.kind === 'paragraph') n += b.runs.reduce((sum, r) => sum + r.text.length, 0) + 1;
    else if (b.kind === 'bullets') n += b.items.reduce((sum, item) => sum + item.length + 1, 0);
    else if (b.kind === 'table') for (const row of b.rows) for (const c of row) n += c.text.length + 1;
  }
  return n;
}

/** "<Plan title> – <Committee> <meeting date> (draft <date time>)", the time in the spreadsheet's zone. */
export function reportTitle(input: ReportInput): string {
  const { plan, meeting, generatedAt, timeZone } = input;
  return (
    `${plan.settings.planTitle} – ${meeting.committee} ${formatLongDate(meeting.date)} ` +
    `(draft ${formatLongDate(isoDateInZone(generatedAt, timeZone))} ${timeOfDayInZone(generatedAt, timeZone)})`
  );
}

/** Every Setting by its name, the meeting's date and committee, and the counts, as text for {{placeholders}}. */
function placeholders(ctx: ReportContext): Record<string, string> {
  const settings = ctx.plan.settings as unknown as Record<keyof Settings, unknown>;
  const out: Record<string, string> = {};
  for (const d of SETTING_DEFS) out[d.name] = settingText(settings[d.key], d.key);
  out['Committee'] = ctx.meeting.committee;
  out['meeting date'] = formatLongDate(ctx.meeting.date);
  out['report date'] = formatLongDate(isoDateInZone(ctx.generatedAt, ctx.timeZone));
  for (const [name, n] of Object.entries(ctx.counts)) out[name] = String(n);
  return out;
}

function settingText(value: unknown, key: keyof Settings): string {
  if (Array.isArray(value)) {
    return value
      .map((v) => (key === 'committeeMeetingDates' ? formatLongDate(String(v)) : String(v)))
      .join(', ');
  }
  return String(value ?? '');
}
