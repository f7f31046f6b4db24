// The data validation setup puts on the plan's columns (dropdowns, dates, Progress, email addresses), found by header.
import { ACTION_COLUMNS, ACTIONS_SHEET } from './actions';
import { LISTS_COLUMNS } from './lists';
import { PEOPLE_COLUMNS, PEOPLE_SHEET } from './people';

export type ValidationRule =
  /** A dropdown of the Lists column with this header (the whole column below its header). */
  | { kind: 'list'; listHeader: string }
  /** A real date; anything else is refused. */
  | { kind: 'date' }
  /** A custom formula over the column's first data cell (A1 notation, e.g. "O2"). */
  | { kind: 'formula'; formula: (firstCell: string) => string };

export interface ColumnValidation {
  sheet: string;
  header: string;
  rule: ValidationRule;
  helpText: string;
  /** False refuses a bad entry; true keeps it with a warning triangle. */
  allowInvalid: boolean;
}

/**
 * Whole numbers 0–100. requireNumberBetween would accept 37.5, and Sheets has no whole-number rule, so a formula
 * checks it; a blank cell is never validated, so clearing Progress stays possible.
 */
export function wholePercentFormula(cell: string): string {
  return `=AND(ISNUMBER(${cell}),${cell}=INT(${cell}),${cell}>=0,${cell}<=100)`;
}

/** One address, as splitEmails and isValidEmail read them: no spaces, commas or semicolons, a dotted domain. */
const ADDRESS = '[^\\s@,;]+@[^\\s@,;]+\\.[^\\s@,;]+';

/** One address, or several separated by commas, semicolons or spaces (a group row in People holds several). */
export const EMAIL_LIST_PATTERN = `^\\s*${ADDRESS}([,;\\s]+${ADDRESS})*[,;\\s]*$`;

/**
 * requireTextIsEmail accepts exactly one address, but a group's People row (e.g. "Managing Directors") holds
 * several separated by commas, so a REGEXMATCH formula checks each of them instead.
 */
export function emailListFormula(cell: string): string {
  return `=REGEXMATCH(TO_TEXT(${cell}),"${EMAIL_LIST_PATTERN}")`;
}

const A = ACTION_COLUMNS.headers;
const L = LISTS_COLUMNS.headers;
const P = PEOPLE_COLUMNS.headers;

export const COLUMN_VALIDATIONS: readonly ColumnValidation[] = [
  {
    sheet: ACTIONS_SHEET,
    header: A.theme,
    rule: { kind: 'list', listHeader: L.theme },
    helpText: 'Choose a theme from the list (the Lists sheet holds it).',
    allowInvalid: false,
  },
  {
    sheet: ACTIONS_SHEET,
    header: A.category,
    rule: { kind: 'list', listHeader: L.categoryLetter },
    helpText: 'Choose the category letter from the list (the Lists sheet says what each letter means).',
    allowInvalid: false,
  },
  {
    sheet: ACTIONS_SHEET,
    header: A.status,
    rule: { kind: 'list', listHeader: L.status },
    helpText: 'Choose a status from the list (the Lists sheet holds it).',
    allowInvalid: false,
  },
  {
    // A source outside the list is kept with a warning: inspections councils respond to are not a closed set.
    sheet: ACTIONS_SHEET,
    header: A.source,
    rule: { kind: 'list', listHeader: L.source },
    helpText: 'Choose where the action came from (the Lists sheet holds the sources); add new ones to Lists.',
    allowInvalid: true,
  },
  {
    sheet: ACTIONS_SHEET,
    header: A.targetDate,
    rule: { kind: 'date' },
    helpText: 'Enter a date, for example 31/03/2010. To move it later, use Revised target date instead.',
    allowInvalid: false,
  },
  {
    sheet: ACTIONS_SHEET,
    header: A.revisedTargetDate,
    rule: { kind: 'date' },
    helpText: 'Enter the new date, for example 30/06/2010, and say why in Revision reason.',
    allowInvalid: false,
  },
  {
    sheet: ACTIONS_SHEET,
    header: A.progress,
    rule: { kind: 'formula', formula: wholePercentFormula },
    helpText: 'Enter a whole number from 0 to 100 (per cent complete).',
    allowInvalid: false,
  },
  {
    sheet: PEOPLE_SHEET,
    header: P.email,
    rule: { kind: 'formula', formula: emailListFormula },
    helpText: 'Enter an email address; a group may have several, separated by commas.',
    allowInvalid: false,
  },
  {
    sheet: PEOPLE_SHEET,
    header: P.managerEmail,
    rule: { kind: 'formula', formula: emailListFormula },
    helpText: 'Enter the manager’s email address (several may be separated by commas).',
    allowInvalid: false,
  },
];

/** The criteria type Apps Script reports for each kind of rule (DataValidationCriteria names). */
export function criteriaTypeOf(rule: ValidationRule): string {
  if (rule.kind === 'list') return 'VALUE_IN_RANGE';
  if (rule.kind === 'date') return 'DATE_IS_VALID_DATE';
  return 'CUSTOM_FORMULA';
}
