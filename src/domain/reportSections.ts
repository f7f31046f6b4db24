// The covering report's sections (DESIGN 2.9), worded like the seed reports: heading block, 1 Summary, 2 Progress,
// 3 Actions needing attention, 4 Recommendations.
import { shorten } from './actions';
import { diffKey, leadText, newActionsAlreadyComplete } from './cycle';
import { dashboardModel } from './dashboard';
import { formatLongDate, isoDateInZone } from './dates';
import { liveActions } from './plan';
import { daysOverdue, RAG_COLOURS, RAGS } from './rag';
import {
  allNew,
  ATTENTION_TEXT_LIMIT,
  cell,
  count,
  heading,
  isAre,
  paragraph,
  type ReportContext,
  table,
} from './reportCells';
import type { ReportBlock, ReportTableCell } from './reportTypes';

export function headingBlock(ctx: ReportContext): ReportBlock[] {
  const s = ctx.plan.settings;
  const line = (label: string, value: string): ReportBlock => ({
    kind: 'paragraph',
    runs: [{ text: `${label} `, bold: true }, { text: value }],
  });
  return [
    { kind: 'title', text: `${s.planTitle} update` },
    line('By:', s.reportBy || s.organisationName || '(set “Report by” in Settings)'),
    line('To:', `${ctx.meeting.committee} – ${formatLongDate(ctx.meeting.date)}`),
    line('Subject:', `${s.planTitle} update`),
    line('Classification:', s.classification),
  ];
}

export function summarySection(ctx: ReportContext): ReportBlock[] {
  const { plan, diff, counts } = ctx;
  const title = plan.settings.planTitle;
  const blocks: ReportBlock[] = [heading(1, '1. Summary')];
  if (plan.errors.length) {
    blocks.push(
      paragraph(
        `The Actions sheet could not be read, so this report has no actions: ${plan.errors.join(' ')}`,
      ),
    );
  }
  if (!diff.baseline) {
    blocks.push(
      paragraph(`This is the plan's first report: ${allNew(counts.added)}.`),
      paragraph(
        `There are currently a total of ${count(counts.total, 'improvement action')} within the ${title} at Appendix A.`,
      ),
    );
  } else {
    const taken = formatLongDate(isoDateInZone(diff.baseline.takenAt, ctx.timeZone));
    blocks.push(
      paragraph(
        `There are currently a total of ${count(counts.total, 'improvement action')} within the ${title} from the ` +
          `last update (update cycle ${diff.baseline.cycle}, begun on ${taken}). It is proposed that:`,
      ),
      {
        kind: 'bullets',
        items: [
          `${isAre(counts.retained)} retained;`,
          `${isAre(counts.deleted)} deleted;`,
          `${isAre(counts.updated)} updated; and`,
          `${isAre(counts.added)} added.`,
        ],
      },
    );
    if (counts.deleted) {
      blocks.push(
        paragraph(
          'Where any actions have been proposed for deletion it is because the action has been completed, has been ' +
            'cancelled or is no longer in the plan (Appendix B).',
        ),
      );
    }
    if (counts.added || counts.updated) {
      blocks.push(
        paragraph(
          'Appendix B contains a table of the proposed new improvement actions and updates to actions.',
        ),
      );
    }
  }
  const doneNew = newActionsAlreadyComplete(plan, diff).length;
  if (doneNew) {
    blocks.push(
      paragraph(
        `In addition, ${count(doneNew, 'new action was', 'new actions were')} completed before this report and ` +
          `${doneNew === 1 ? 'is' : 'are'} listed in Appendix B; ${doneNew === 1 ? 'it is' : 'they are'} not counted as added.`,
      ),
    );
  }
  if (plan.problems.length) {
    blocks.push(
      paragraph(
        `${count(plan.problems.length, 'problem was', 'problems were')} found in the plan. The rows concerned are ` +
          'still included and are listed in section 3.',
      ),
    );
  }
  return blocks;
}

export function progressSection(ctx: ReportContext): ReportBlock[] {
  const { plan, diff, counts } = ctx;
  const dashboard = dashboardModel(plan);
  const ragHeader = (rag: (typeof RAGS)[number]): ReportTableCell => ({
    text: rag,
    bold: true,
    background: RAG_COLOURS[rag].background,
  });
  const statusRows: ReportTableCell[][] = [
    [{ text: 'Theme', bold: true }, ...RAGS.map(ragHeader), { text: 'Total', bold: true }],
    ...dashboard.byTheme.map((t) => [cell(t.theme), ...RAGS.map((r) => cell(t.counts[r])), cell(t.total)]),
    [
      { text: 'Total', bold: true },
      ...RAGS.map((r) => ({ text: String(dashboard.totals.counts[r]), bold: true })),
      { text: String(dashboard.totals.total), bold: true },
    ],
  ];
  const live = liveActions(plan);
  const withoutRag = live.filter((a) => !a.rag).length;
  const blocks: ReportBlock[] = [
    heading(1, '2. Progress since the last update'),
    table(
      ['Actions', 'Number'],
      [
        [diff.baseline ? 'Total at the last update' : 'Total (first report)', counts.total],
        ['Retained', counts.retained],
        ['Deleted', counts.deleted],
        ['Updated', counts.updated],
        ['Added', counts.added],
      ],
    ),
    paragraph(
      `Status of the live actions by theme as at ${formatLongDate(plan.today)} (cancelled actions are not counted):`,
    ),
    { kind: 'table', rows: statusRows },
  ];
  if (withoutRag) {
    blocks.push(
      paragraph(
        `${count(withoutRag, 'live action has', 'live actions have')} no status colour because the Status is missing ` +
          'or not in Lists; see section 3.',
      ),
    );
  }
  blocks.push({
    kind: 'chart',
    title: 'Status of actions by theme',
    themes: dashboard.byTheme.map((t) => t.theme),
    series: RAGS.map((rag) => ({
      rag,
      colour: RAG_COLOURS[rag].background,
      values: dashboard.byTheme.map((t) => t.counts[rag]),
    })),
  });
  return blocks;
}

export function attentionSection(ctx: ReportContext): { blocks: ReportBlock[]; overdue: string[] } {
  const { plan, diff } = ctx;
  const short = (text: string) => cell(text, ATTENTION_TEXT_LIMIT);
  const blocks: ReportBlock[] = [heading(1, '3. Actions needing attention')];

  const overdue = plan.actions
    .filter((a) => a.rag === 'Overdue')
    .map((a) => ({ a, days: daysOverdue(a, plan.today) }))
    .sort((x, y) => y.days - x.days || byText(x.a.code, y.a.code) || x.a.row - y.a.row);
  blocks.push(heading(2, `Overdue actions (${overdue.length})`));
  blocks.push(
    overdue.length
      ? table(
          ['Code', 'Action', 'Lead', 'Days overdue', 'Latest update'],
          overdue.map(({ a, days }) => [
            diffKey(a),
            short(a.action),
            leadText(a.leads),
            days,
            short(a.latestUpdate || 'None recorded'),
          ]),
        )
      : paragraph('No actions are overdue.'),
  );

  const staleDays = plan.settings.staleAfterDays;
  const stale = plan.actions
    .filter((a) => a.stale)
    .sort(
      (x, y) => byText(x.lastUpdated ?? '', y.lastUpdated ?? '') || byText(x.code, y.code) || x.row - y.row,
    );
  blocks.push(
    heading(2, `Actions with no update for more than ${count(staleDays, 'day')} (${stale.length})`),
  );
  blocks.push(
    stale.length
      ? table(
          ['Code', 'Action', 'Lead', 'Last updated'],
          stale.map((a) => [
            diffKey(a),
            short(a.action),
            leadText(a.leads),
            a.lastUpdated ? formatLongDate(a.lastUpdated) : 'Never',
          ]),
        )
      : paragraph(`Every live action has been updated within the last ${count(staleDays, 'day')}.`),
  );

  const revised = revisedTargetDates(ctx);
  blocks.push(heading(2, `Target dates revised since the last update (${revised.length})`));
  if (!diff.baseline && revised.length) {
    blocks.push(paragraph('This is the first report, so every revised target date in the plan is shown.'));
  }
  blocks.push(
    revised.length
      ? table(['Code', 'Target date (was → now)', 'Reason'], revised)
      : paragraph('No target dates have been revised.'),
  );

  blocks.push(heading(2, `Rows with problems (${plan.problems.length})`));
  blocks.push(
    plan.problems.length
      ? table(
          ['Sheet', 'Row', 'Code', 'Problem'],
          plan.problems.map((p) => [
            p.sheet,
            p.row ? p.row : 'Whole sheet',
            p.code,
            p.column ? `${p.column}: ${p.message}` : p.message,
          ]),
        )
      : paragraph('Check the plan found no problems.'),
  );
  return { blocks, overdue: overdue.map(({ a }) => diffKey(a)) };
}

/** Against a baseline, the target-date changes the diff found; on a first report, every Revised target date. */
function revisedTargetDates(ctx: ReportContext): string[][] {
  if (!ctx.diff.baseline) {
    return ctx.plan.actions
      .filter((a) => !a.cancelled && a.revisedTargetDate)
      .map((a) => [
        diffKey(a),
        `${a.targetDate ? formatLongDate(a.targetDate) : 'none'} → ${formatLongDate(a.revisedTargetDate ?? '')}`,
        shorten(a.revisionReason || 'No reason given', ATTENTION_TEXT_LIMIT),
      ]);
  }
  return ctx.diff.updated.flatMap((u) =>
    u.changes
      // Only dates moved through Revised target date count as revisions; a Timescale edited, or a date dropped, is
      // shown in Appendix B among the updates, so "No reason given" is never put against an ordinary edit.
      .filter((c) => c.field === 'Target date' && c.new !== '' && ctx.find(u.code)?.revisedTargetDate)
      .map((c) => [
        u.code,
        `${c.old || 'none'} → ${c.new || 'none'}`,
        shorten(ctx.find(u.code)?.revisionReason || 'No reason given', ATTENTION_TEXT_LIMIT),
      ]),
  );
}

export function recommendationsSection(ctx: ReportContext): ReportBlock[] {
  const title = ctx.plan.settings.planTitle;
  return [
    heading(1, '4. Recommendations'),
    paragraph('Members are asked to note:'),
    {
      kind: 'bullets',
      items: [
        `the progress being made against each area of improvement in the ${title} (Appendix A);`,
        'the actions needing attention set out in section 3; and',
        ctx.diff.baseline
          ? 'the actions which are proposed to be retained, deleted, updated and added (Appendix B).'
          : 'that this is the first report of the plan, so every live action is new (Appendix A).',
      ],
    },
  ];
}

/** Codes and ISO dates sort by plain character order; localeCompare is needlessly slow over 10,000 rows. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
