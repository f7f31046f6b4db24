// Conditional format rules: the builder from SpreadsheetApp.newConditionalFormatRule(), the rule it builds and the
// BooleanCondition a rule reports. Gradient rules are not modelled (their methods throw NotImplementedError).
import { isDate } from '../core';
import { normalizeColor } from './colors';
import type { Ctx } from './context';
import type { ConditionalFormatSpec, GridRect } from './data';
import { enumKey } from '../enums';
import { BooleanCriteria, RelativeDate, type BooleanCriteriaKey } from './enums';
import { signatureError, unverified } from './errors';
import { readCriteriaValue, storeCriteriaValue } from './validation';

interface BuilderState extends Omit<ConditionalFormatSpec, 'criteria'> {
  criteria: BooleanCriteriaKey | null;
  ranges: GridRect[];
}

function emptyState(): BuilderState {
  return {
    criteria: null,
    values: [],
    background: null,
    fontColor: null,
    bold: null,
    italic: null,
    underline: null,
    strikethrough: null,
    ranges: [],
  };
}

function colorOrNull(color: unknown): string | null {
  return color === null || color === undefined ? null : normalizeColor(String(color));
}

export class LocalConditionalFormatRuleBuilder {
  constructor(
    private readonly ctx: Ctx,
    private state: BuilderState = emptyState(),
  ) {}

  private when(criteria: BooleanCriteriaKey, values: unknown[]): this {
    this.state = { ...this.state, criteria, values: values.map((v) => storeCriteriaValue(this.ctx, v)) };
    return this;
  }

  private dateWhen(
    plain: BooleanCriteriaKey,
    relative: BooleanCriteriaKey,
    date: unknown,
    method: string,
  ): this {
    if (isDate(date)) return this.when(plain, [date]);
    if (enumKey(RelativeDate, date)) return this.when(relative, [date]);
    throw signatureError([date], `SpreadsheetApp.ConditionalFormatRuleBuilder.${method}`);
  }

  whenCellEmpty(): this {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenTextEqualTo(text: string): this {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  whenTextContains(text: string): this {
    return this.when('TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string): this {
    return this.when('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextStartsWith(text: string): this {
    return this.when('TEXT_STARTS_WITH', [text]);
  }
  whenTextEndsWith(text: string): this {
    return this.when('TEXT_ENDS_WITH', [text]);
  }
  whenNumberBetween(start: number, end: number): this {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberNotBetween(start: number, end: number): this {
    return this.when('NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(n: number): this {
    return this.when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number): this {
    return this.when('NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): this {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenDateAfter(date: unknown): this {
    return this.dateWhen('DATE_AFTER', 'DATE_AFTER_RELATIVE', date, 'whenDateAfter');
  }
  whenDateBefore(date: unknown): this {
    return this.dateWhen('DATE_BEFORE', 'DATE_BEFORE_RELATIVE', date, 'whenDateBefore');
  }
  whenDateEqualTo(date: unknown): this {
    return this.dateWhen('DATE_EQUAL_TO', 'DATE_EQUAL_TO_RELATIVE', date, 'whenDateEqualTo');
  }
  withCriteria(criteria: unknown, args: unknown): this {
    const key = enumKey(BooleanCriteria, criteria);
    if (!key || !Array.isArray(args)) {
      throw signatureError([criteria, args], 'SpreadsheetApp.ConditionalFormatRuleBuilder.withCriteria');
    }
    return this.when(key, args);
  }

  setBackground(color: string | null): this {
    this.state = { ...this.state, background: colorOrNull(color) };
    return this;
  }
  setFontColor(color: string | null): this {
    this.state = { ...this.state, fontColor: colorOrNull(color) };
    return this;
  }
  setBold(bold: boolean | null): this {
    this.state = { ...this.state, bold: bold === null ? null : !!bold };
    return this;
  }
  setItalic(italic: boolean | null): this {
    this.state = { ...this.state, italic: italic === null ? null : !!italic };
    return this;
  }
  setUnderline(underline: boolean | null): this {
    this.state = { ...this.state, underline: underline === null ? null : !!underline };
    return this;
  }
  setStrikethrough(strikethrough: boolean | null): this {
    this.state = { ...this.state, strikethrough: strikethrough === null ? null : !!strikethrough };
    return this;
  }
  setRanges(ranges: unknown): this {
    if (!Array.isArray(ranges))
      throw signatureError([ranges], 'SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges');
    const rects = ranges.map((r) => {
      const rect = this.ctx.rectOf(r);
      if (!rect) throw signatureError([ranges], 'SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges');
      return { ...rect };
    });
    this.state = { ...this.state, ranges: rects };
    return this;
  }
  getRanges(): unknown[] {
    return this.state.ranges.map((r) => this.ctx.range(r));
  }
  getBooleanCondition(): unknown {
    const { criteria, ranges: _ranges, ...rest } = this.state;
    return criteria === null ? null : this.ctx.booleanCondition({ ...rest, criteria });
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): LocalConditionalFormatRuleBuilder {
    return this.ctx.conditionalFormatRuleBuilder({
      ...this.state,
      ranges: this.state.ranges.map((r) => ({ ...r })),
    });
  }
  build(): unknown {
    const { criteria, ranges, ...rest } = this.state;
    if (criteria === null) throw unverified('ConditionalFormatRuleBuilder.build() with no condition set');
    const spec: ConditionalFormatSpec = Object.freeze({ ...rest, criteria, values: rest.values.slice() });
    return this.ctx.conditionalFormatRule({ spec, ranges: ranges.map((r) => ({ ...r })) });
  }
}

export class LocalConditionalFormatRule {
  constructor(
    private readonly ctx: Ctx,
    private readonly spec: ConditionalFormatSpec,
    private readonly ranges: GridRect[],
  ) {}

  /** Runtime plumbing: the rule's content, for Sheet.setConditionalFormatRules. */
  _rule(): { spec: ConditionalFormatSpec; ranges: GridRect[] } {
    return { spec: this.spec, ranges: this.ranges };
  }

  getRanges(): unknown[] {
    return this.ranges.map((r) => this.ctx.range(r));
  }
  getBooleanCondition(): unknown {
    return this.ctx.booleanCondition(this.spec);
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): LocalConditionalFormatRuleBuilder {
    return this.ctx.conditionalFormatRuleBuilder({
      ...this.spec,
      values: this.spec.values.slice(),
      ranges: this.ranges.map((r) => ({ ...r })),
    });
  }
}

export class LocalBooleanCondition {
  constructor(
    private readonly ctx: Ctx,
    private readonly spec: ConditionalFormatSpec,
  ) {}

  getCriteriaType(): unknown {
    return BooleanCriteria[this.spec.criteria];
  }
  getCriteriaValues(): unknown[] {
    return this.spec.values.map((v) => readCriteriaValue(this.ctx, v));
  }
  getBackground(): string | null {
    return this.spec.background;
  }
  getFontColor(): string | null {
    return this.spec.fontColor;
  }
  getBold(): boolean | null {
    return this.spec.bold;
  }
  getItalic(): boolean | null {
    return this.spec.italic;
  }
  getUnderline(): boolean | null {
    return this.spec.underline;
  }
  getStrikethrough(): boolean | null {
    return this.spec.strikethrough;
  }
}
