// The report's appendices (DESIGN 2.9): A, the whole plan by theme then category; B, what the cycle added, updated
// and proposes to delete.
import { findCategory } from './codes';
import { diffKey, leadText, newActionsAlreadyComplete } from './cycle';
import { formatLongDate, isIsoDate } from './dates';
import { OTHER_THEME } from './dashboard';
import type { AssessedAction } from './plan';
import { RAG_COLOURS } from './rag';
import { allNew, cell, count, heading, paragraph, type ReportContext, table } from './reportCells';
import type { CycleDiff, ReportBlock, ReportTableCell } from './reportTypes';

const APPENDIX_A_HEADERS = [
  'Code',
  'Action',
  'Timescale / target',
  'Lead',
  'Evidence of improvement',
  'Monitoring',
  'Status',
  'Latest update',
];
/** Points, summing to an A4 page's text width (451pt with 2.54 cm margins); the text columns get the room. */
const APPENDIX_A_WIDTHS = [40, 85, 55, 50, 70, 50, 41, 60];
/** The compact layout, for a plan too large for one Google Doc with every column: the long text columns go. */
const COMPACT_HEADERS = ['Code', 'Action', 'Timescale / target', 'Lead', 'Status', 'Latest update'];
const COMPACT_WIDTHS = [45, 150, 70, 70, 50, 66];
const OTHER_CATEGORY = 'Category missing or not in Lists';

/** How Appendix A must shrink to fit the document: drop the long columns, then list only the first actions. */
export interface AppendixFit {
  compact?: boolean;
  /** List at most this many actions (in plan order); the rest are in the spreadsheet. */
  maxActions?: number;
}

export function appendixA(ctx: ReportContext, fit: AppendixFit = {}): ReportBlock[] {
  const { plan } = ctx;
  const listed = fit.maxActions === undefined ? plan.actions : plan.actions.slice(0, fit.maxActions);
  const blocks: ReportBlock[] = [
    heading(1, `Appendix A – ${plan.settings.planTitle}`),
    paragraph(`The plan as at ${formatLongDate(plan.today)}, grouped by theme and then by category.`),
  ];
  if (fit.compact) {
    blocks.push(
      paragraph(
        'The plan is too large for one Google Doc with every column, so Evidence of improvement and Monitoring are ' +
          'left out here; they are in the plan spreadsheet.',
        { italic: true },
      ),
    );
  }
  if (listed.length < plan.actions.length) {
    blocks.push(
      paragraph(
        `Only the first ${count(listed.length, 'action')} of ${plan.actions.length} are listed here, because a ` +
          'Google Doc holds about a million characters; the whole plan is in the plan spreadsheet.',
        { italic: true },
      ),
    );
  }
  const themeNames = plan.lists.themes.map((t) => t.name);
  const byTheme = new Map<string, AssessedAction[]>(themeNames.map((t) => [t, []]));
  for (const a of listed) {
    const theme = byTheme.has(a.theme) ? a.theme : OTHER_THEME;
    if (!byTheme.has(theme)) byTheme.set(theme, []);
    byTheme.get(theme)?.push(a);
  }
  let number = 0;
  for (const [theme, actions] of byTheme) {
    number += 1;
    blocks.push(heading(2, theme === OTHER_THEME ? theme : `Area for improvement ${number} – ${theme}`));
    if (!actions.length) {
      blocks.push(paragraph('No actions.'));
      continue;
    }
    const byCategory = new Map<string, AssessedAction[]>(plan.lists.categories.map((c) => [c.letter, []]));
    for (const a of actions) {
      const letter = findCategory(plan.lists, a.category)?.letter ?? OTHER_CATEGORY;
      if (!byCategory.has(letter)) byCategory.set(letter, []);
      byCategory.get(letter)?.push(a);
    }
    for (const [letter, inCategory] of byCategory) {
      if (!inCategory.length) continue;
      const category = plan.lists.categories.find((c) => c.letter === letter);
      blocks.push(heading(3, category ? `Category ${category.letter} – ${category.name}` : OTHER_CATEGORY));
      if (category?.meaning) blocks.push(paragraph(category.meaning, { italic: true }));
      blocks.push(
        fit.compact
          ? table(COMPACT_HEADERS, inCategory.map(compactRow), COMPACT_WIDTHS)
          : table(APPENDIX_A_HEADERS, inCategory.map(appendixARow), APPENDIX_A_WIDTHS),
      );
    }
  }
  return blocks;
}

function appendixARow(a: AssessedAction): (string | ReportTableCell)[] {
  return [
    diffKey(a),
    a.reference ? `${a.reference} – ${a.action}` : a.action,
    timescaleText(a),
    leadText(a.leads),
    a.evidence,
    a.monitoring,
    statusCell(a),
    a.latestUpdate,
  ];
}

function compactRow(a: AssessedAction): (string | ReportTableCell)[] {
  const [code, action, timescale, lead, , , status, latest] = appendixARow(a);
  return [code, action, timescale, lead, status, latest];
}

/** The timescale as written, with the target date the rules use when it says more than the timescale does. */
function timescaleText(a: AssessedAction): string {
  const timescale = isIsoDate(a.timescale) ? formatLongDate(a.timescale) : a.timescale;
  let target = '';
  if (a.revisedTargetDate) {
    target = `Revised target ${formatLongDate(a.revisedTargetDate)}${a.targetDate ? ` (was ${formatLongDate(a.targetDate)})` : ''}`;
  } else if (a.targetDate) target = `Target ${formatLongDate(a.targetDate)}`;
  else if (a.effectiveTargetDate && a.effectiveTargetDate !== a.timescale) {
    target = `(${formatLongDate(a.effectiveTargetDate)})`;
  }
  return [timescale, target].filter(Boolean).join(' – ');
}

/** Coloured as the sheet colours the row; cancelled and unknown statuses have no colour, and say so. */
function statusCell(a: AssessedAction): ReportTableCell {
  if (a.cancelled) return { text: 'Cancelled' };
  if (!a.rag) return cell(a.status ? `${a.status} (status not in Lists)` : 'No status');
  return { text: a.rag, background: RAG_COLOURS[a.rag].background };
}

const DELETION_REASONS: Record<CycleDiff['deleted'][number]['reason'], string> = {
  complete: 'Completed',
  cancelled: 'Cancelled',
  gone: 'No longer in the plan',
};

export function appendixB(ctx: ReportContext): ReportBlock[] {
  const { diff } = ctx;
  const blocks: ReportBlock[] = [heading(1, 'Appendix B – New and updated actions')];

  blocks.push(heading(2, `New actions (${diff.added.length})`));
  if (!diff.baseline) {
    blocks.push(
      paragraph(
        `This is the plan's first report, so ${allNew(diff.added.length)}; Appendix A sets the plan out in full.`,
      ),
    );
  } else {
    blocks.push(
      diff.added.length
        ? table(
            ['Code', 'Theme', 'Action', 'Lead'],
            diff.added.map((key) => {
              const a = ctx.find(key);
              return [key, a?.theme ?? '', a?.action ?? '', a ? leadText(a.leads) : ''];
            }),
          )
        : paragraph('No actions have been added since the last update.'),
    );
  }

  if (diff.baseline) {
    blocks.push(heading(2, `Updated actions (${diff.updated.length})`));
    blocks.push(
      diff.updated.length
        ? table(
            ['Code', 'What changed', 'Was', 'Now'],
            diff.updated.flatMap((u) =>
              u.changes.map((c, i) => [i === 0 ? u.code : '', c.field, c.old || 'none', c.new || 'none']),
            ),
          )
        : paragraph('No actions have been updated since the last update.'),
    );
  }

  const doneNew = newActionsAlreadyComplete(ctx.plan, diff);
  if (doneNew.length) {
    blocks.push(heading(2, `New actions already complete (${doneNew.length})`));
    blocks.push(
      table(
        ['Code', 'Action'],
        doneNew.map((a) => [diffKey(a), a.action]),
      ),
    );
  }

  if (diff.baseline) {
    blocks.push(heading(2, `Actions proposed for deletion (${diff.deleted.length})`));
    blocks.push(
      diff.deleted.length
        ? table(
            ['Code', 'Action', 'Why'],
            diff.deleted.map((d) => [
              d.code,
              ctx.find(d.code)?.action ?? d.baseline.action,
              DELETION_REASONS[d.reason],
            ]),
          )
        : paragraph('No actions are proposed for deletion.'),
    );
  }
  return blocks;
}
