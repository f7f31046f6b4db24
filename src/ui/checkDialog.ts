// The Check the plan dialog: problems grouped by sheet and row, every value printed through <?= ?> (escaped).
import { groupProblems, type ProblemGroup } from '../domain/planCheck';
import type { Problem } from '../domain/problems';
import type { Services } from '../gas/ports';

export const CHECK_DIALOG_TITLE = 'Check the plan';
/** The dialog lists this many problems at most; the notes on the cells mark every one. */
export const CHECK_DIALOG_LIMIT = 500;
const WIDTH_PX = 760;
const HEIGHT_PX = 520;

export interface CheckView {
  summary: string;
  clean: boolean;
  groups: ProblemGroup[];
  /** Said when the list was cut short, else ''. */
  more: string;
}

export function checkView(
  problems: readonly Problem[],
  actions: number,
  notedSheets: readonly string[],
): CheckView {
  const n = (count: number, word: string) =>
    `${count.toLocaleString('en-GB')} ${word}${count === 1 ? '' : 's'}`;
  if (problems.length === 0) {
    return { summary: `No problems found in ${n(actions, 'action')}.`, clean: true, groups: [], more: '' };
  }
  const where = notedSheets.length
    ? ` Each cell concerned on ${notedSheets.join(', ')} has a note starting "Check the plan:".`
    : '';
  return {
    summary: `${n(problems.length, 'problem')} found in ${n(actions, 'action')}.${where}`,
    clean: false,
    groups: groupProblems(problems, CHECK_DIALOG_LIMIT),
    more:
      problems.length > CHECK_DIALOG_LIMIT
        ? `Only the first ${CHECK_DIALOG_LIMIT.toLocaleString('en-GB')} are listed here; fix these and run the check again to see the rest.`
        : '',
  };
}

/** Shows the dialog and returns its HTML (for the Run log's tests and the local preview). */
export function showCheckDialog(services: Services, view: CheckView): string {
  const template = services.createHtmlTemplate(TEMPLATE);
  Object.assign(template, view);
  const output = template.evaluate().setWidth(WIDTH_PX).setHeight(HEIGHT_PX);
  services.ui().showModalDialog(output, CHECK_DIALOG_TITLE);
  return output.getContent();
}

// Scriptlets run in Apps Script's template engine, so they are plain ES5. Only <?= ?> prints: it escapes for the
// context, and every value here can hold a person's text.
const TEMPLATE = `<!DOCTYPE html>
<html>
<head>
<base target="_top">
<style>
body { font-family: Arial, Helvetica, sans-serif; font-size: 13px; color: #202124; margin: 0 4px; }
p.summary { font-size: 14px; }
p.clean { color: #274e13; font-weight: bold; }
h2 { font-size: 14px; margin: 18px 0 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid #e0e0e0; }
th { background: #f1f3f4; font-weight: bold; }
td.row { white-space: nowrap; width: 4em; }
td.code { white-space: nowrap; width: 5em; }
td.column { white-space: nowrap; width: 10em; }
</style>
</head>
<body>
<p class="summary<?= clean ? ' clean' : '' ?>"><?= summary ?></p>
<? for (var g = 0; g < groups.length; g++) { var group = groups[g]; ?>
<h2><?= group.sheet ?> — <?= group.count ?> problem<?= group.count === 1 ? '' : 's' ?></h2>
<table>
<tr><th>Row</th><th>Code</th><th>Column</th><th>Problem</th></tr>
<? for (var r = 0; r < group.rows.length; r++) { var line = group.rows[r]; ?>
<? for (var i = 0; i < line.items.length; i++) { var item = line.items[i]; ?>
<tr>
<td class="row"><?= i === 0 ? (line.row > 0 ? line.row : 'Sheet') : '' ?></td>
<td class="code"><?= i === 0 ? line.code : '' ?></td>
<td class="column"><?= item.column ?></td>
<td><?= item.message ?></td>
</tr>
<? } ?>
<? } ?>
</table>
<? } ?>
<? if (more) { ?><p><?= more ?></p><? } ?>
</body>
</html>
`;
