// Colours Actions rows from the RAG column with one conditional format rule per RAG value. Sheets can only replace
// all of a sheet's rules at once, so a council's own rules are read back and kept, in their places.
import { ACTION_COLUMNS } from '../domain/actions';
import { isRagRuleFormula, type RagRule, ragRules } from '../domain/ragRules';
import { columnOf } from '../domain/sheetRepair';
import type { ConditionalFormatRuleBuilderPort, ConditionalFormatRulePort, RangePort } from '../gas/ports';
import type { LaidOutSheet } from './sheetLayout';

export function applyRagFormatting(
  actions: LaidOutSheet,
  newRule: () => ConditionalFormatRuleBuilderPort,
  changes: string[],
): void {
  const { sheet, headers } = actions;
  const ragColumn = columnOf(headers, ACTION_COLUMNS.headers.rag);
  const maxRows = sheet.getMaxRows();
  if (!ragColumn || maxRows < 2) return;
  // Every column of the plan, the council's own included, over every data row.
  const range = sheet.getRange(2, 1, maxRows - 1, headers.length);
  const a1 = range.getA1Notation();
  const wanted = ragRules(ragColumn - 1);
  const existing = sheet.getConditionalFormatRules().map((rule) => ({ rule, formula: formulaOf(rule) }));
  const ours = existing.filter((r) => isRagRuleFormula(r.formula));
  if (ours.length === wanted.length && ours.every((r, i) => sameRule(r.rule, r.formula, wanted[i], a1)))
    return;
  const firstOurs = existing.findIndex((r) => isRagRuleFormula(r.formula));
  const at = firstOurs < 0 ? existing.length : firstOurs;
  const theirs = (from: number, to: number) =>
    existing
      .slice(from, to)
      .filter((r) => !isRagRuleFormula(r.formula))
      .map((r) => r.rule);
  const built = wanted.map((w) => buildRule(newRule(), w, range));
  sheet.setConditionalFormatRules([...theirs(0, at), ...built, ...theirs(at, existing.length)]);
  changes.push(
    ours.length
      ? `${sheet.getName()}: brought the status colour rules up to date (rows take the colour of their RAG column).`
      : `${sheet.getName()}: added ${wanted.length} status colour rules (rows take the colour of their RAG column).`,
  );
}

function formulaOf(rule: ConditionalFormatRulePort): unknown {
  return rule.getBooleanCondition()?.getCriteriaValues()[0];
}

function sameRule(rule: ConditionalFormatRulePort, formula: unknown, wanted: RagRule, a1: string): boolean {
  const condition = rule.getBooleanCondition();
  const ranges = rule.getRanges();
  return (
    formula === wanted.formula &&
    (condition?.getBackground() ?? '').toLowerCase() === wanted.background &&
    (condition?.getFontColor() ?? '').toLowerCase() === wanted.fontColor &&
    ranges.length === 1 &&
    ranges[0].getA1Notation() === a1
  );
}

function buildRule(builder: ConditionalFormatRuleBuilderPort, w: RagRule, range: RangePort) {
  return builder
    .whenFormulaSatisfied(w.formula)
    .setBackground(w.background)
    .setFontColor(w.fontColor)
    .setRanges([range])
    .build();
}
