// Data validation rules: the builder SpreadsheetApp.newDataValidation() returns and the DataValidation it builds.
// A rule reads back exactly what was set; cells share one frozen spec per rule, so a rule over 10,000 rows is cheap.
import { isDate } from '../core';
import type { Ctx } from './context';
import type { GridRect } from './data';
import { enumKey } from '../enums';
import { DataValidationCriteria, type DataValidationCriteriaKey } from './enums';
import { signatureError, unverified } from './errors';

/** A date inside a rule, kept as an instant so it can be handed back as a Date of the script's own realm. */
export class DateValue {
  constructor(readonly ms: number) {}
}

/** A range inside a rule (requireValueInRange), kept as a rectangle. */
export class RangeValue {
  constructor(readonly rect: GridRect) {}
}

export interface ValidationSpec {
  readonly criteria: DataValidationCriteriaKey;
  /** As given: lists are copied, dates become DateValue, ranges RangeValue. */
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

interface BuilderState {
  criteria: DataValidationCriteriaKey | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** Converts a value handed in by a script into what a spec stores. */
export function storeCriteriaValue(ctx: Ctx, v: unknown): unknown {
  if (isDate(v)) return new DateValue(v.getTime());
  if (Array.isArray(v)) return v.map((x) => storeCriteriaValue(ctx, x));
  const rect = ctx.rectOf(v);
  if (rect) return new RangeValue({ ...rect });
  return v;
}

/** Converts a stored criteria value back into what a script receives (a fresh copy every time). */
export function readCriteriaValue(ctx: Ctx, v: unknown): unknown {
  if (v instanceof DateValue) return new ctx.DateClass(v.ms);
  if (v instanceof RangeValue) return ctx.range(v.rect);
  if (Array.isArray(v)) return v.map((x) => readCriteriaValue(ctx, x));
  return v;
}

function dateArg(v: unknown, method: string): DateValue {
  if (!isDate(v)) throw signatureError([v], `SpreadsheetApp.DataValidationBuilder.${method}`);
  return new DateValue(v.getTime());
}

function numberArg(v: unknown, method: string): number {
  if (typeof v !== 'number') throw signatureError([v], `SpreadsheetApp.DataValidationBuilder.${method}`);
  return v;
}

export class LocalDataValidationBuilder {
  constructor(
    private readonly ctx: Ctx,
    private state: BuilderState = { criteria: null, values: [], allowInvalid: true, helpText: null },
  ) {}

  private set(criteria: DataValidationCriteriaKey, values: unknown[]): this {
    this.state = { ...this.state, criteria, values };
    return this;
  }

  requireValueInList(values: unknown, showDropdown: boolean = true): this {
    if (!Array.isArray(values))
      throw signatureError([values], 'SpreadsheetApp.DataValidationBuilder.requireValueInList');
    return this.set('VALUE_IN_LIST', [values.slice(), showDropdown]);
  }
  requireValueInRange(range: unknown, showDropdown: boolean = true): this {
    const rect = this.ctx.rectOf(range);
    if (!rect) throw signatureError([range], 'SpreadsheetApp.DataValidationBuilder.requireValueInRange');
    return this.set('VALUE_IN_RANGE', [new RangeValue({ ...rect }), showDropdown]);
  }
  requireCheckbox(...args: unknown[]): this {
    return this.set('CHECKBOX', args.slice(0, 2));
  }
  requireDate(): this {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: unknown): this {
    return this.set('DATE_AFTER', [dateArg(date, 'requireDateAfter')]);
  }
  requireDateBefore(date: unknown): this {
    return this.set('DATE_BEFORE', [dateArg(date, 'requireDateBefore')]);
  }
  requireDateOnOrAfter(date: unknown): this {
    return this.set('DATE_ON_OR_AFTER', [dateArg(date, 'requireDateOnOrAfter')]);
  }
  requireDateOnOrBefore(date: unknown): this {
    return this.set('DATE_ON_OR_BEFORE', [dateArg(date, 'requireDateOnOrBefore')]);
  }
  requireDateEqualTo(date: unknown): this {
    return this.set('DATE_EQUAL_TO', [dateArg(date, 'requireDateEqualTo')]);
  }
  requireDateBetween(start: unknown, end: unknown): this {
    return this.set('DATE_BETWEEN', [
      dateArg(start, 'requireDateBetween'),
      dateArg(end, 'requireDateBetween'),
    ]);
  }
  requireDateNotBetween(start: unknown, end: unknown): this {
    return this.set('DATE_NOT_BETWEEN', [
      dateArg(start, 'requireDateNotBetween'),
      dateArg(end, 'requireDateNotBetween'),
    ]);
  }
  requireNumberBetween(start: unknown, end: unknown): this {
    return this.set('NUMBER_BETWEEN', [
      numberArg(start, 'requireNumberBetween'),
      numberArg(end, 'requireNumberBetween'),
    ]);
  }
  requireNumberNotBetween(start: unknown, end: unknown): this {
    return this.set('NUMBER_NOT_BETWEEN', [
      numberArg(start, 'requireNumberNotBetween'),
      numberArg(end, 'requireNumberNotBetween'),
    ]);
  }
  requireNumberEqualTo(n: unknown): this {
    return this.set('NUMBER_EQUAL_TO', [numberArg(n, 'requireNumberEqualTo')]);
  }
  requireNumberNotEqualTo(n: unknown): this {
    return this.set('NUMBER_NOT_EQUAL_TO', [numberArg(n, 'requireNumberNotEqualTo')]);
  }
  requireNumberGreaterThan(n: unknown): this {
    return this.set('NUMBER_GREATER_THAN', [numberArg(n, 'requireNumberGreaterThan')]);
  }
  requireNumberGreaterThanOrEqualTo(n: unknown): this {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [numberArg(n, 'requireNumberGreaterThanOrEqualTo')]);
  }
  requireNumberLessThan(n: unknown): this {
    return this.set('NUMBER_LESS_THAN', [numberArg(n, 'requireNumberLessThan')]);
  }
  requireNumberLessThanOrEqualTo(n: unknown): this {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [numberArg(n, 'requireNumberLessThanOrEqualTo')]);
  }
  requireTextContains(text: string): this {
    return this.set('TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string): this {
    return this.set('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string): this {
    return this.set('TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): this {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  withCriteria(criteria: unknown, args: unknown): this {
    const key = enumKey(DataValidationCriteria, criteria);
    if (!key || !Array.isArray(args)) {
      throw signatureError([criteria, args], 'SpreadsheetApp.DataValidationBuilder.withCriteria');
    }
    return this.set(
      key,
      args.map((a) => storeCriteriaValue(this.ctx, a)),
    );
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this.state = { ...this.state, allowInvalid: !!allowInvalidData };
    return this;
  }
  setHelpText(helpText: string): this {
    this.state = { ...this.state, helpText: String(helpText) };
    return this;
  }
  getCriteriaType(): unknown {
    return this.state.criteria === null ? null : DataValidationCriteria[this.state.criteria];
  }
  getCriteriaValues(): unknown[] {
    return this.state.values.map((v) => readCriteriaValue(this.ctx, v));
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid;
  }
  getHelpText(): string | null {
    return this.state.helpText;
  }
  copy(): LocalDataValidationBuilder {
    return this.ctx.validationBuilder({ ...this.state, values: this.state.values.slice() });
  }
  build(): unknown {
    const { criteria } = this.state;
    if (criteria === null) throw unverified('DataValidationBuilder.build() with no criteria set');
    const spec: ValidationSpec = Object.freeze({
      criteria,
      values: Object.freeze(this.state.values.slice()),
      allowInvalid: this.state.allowInvalid,
      helpText: this.state.helpText,
    });
    return this.ctx.validation(spec);
  }
}

export class LocalDataValidation {
  constructor(
    private readonly ctx: Ctx,
    private readonly spec: ValidationSpec,
  ) {}

  /** Runtime plumbing: the spec this rule carries. */
  _spec(): ValidationSpec {
    return this.spec;
  }

  getCriteriaType(): unknown {
    return DataValidationCriteria[this.spec.criteria];
  }
  getCriteriaValues(): unknown[] {
    return this.spec.values.map((v) => readCriteriaValue(this.ctx, v));
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  /** Null when no help text was set, as the reference describes it (not an empty string). */
  getHelpText(): string | null {
    return this.spec.helpText;
  }
  copy(): LocalDataValidationBuilder {
    return this.ctx.validationBuilder({
      criteria: this.spec.criteria,
      values: this.spec.values.slice(),
      allowInvalid: this.spec.allowInvalid,
      helpText: this.spec.helpText,
    });
  }
}
