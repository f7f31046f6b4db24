// Cell values as Sheets hands them to a script: string, number, boolean, Date, or '' for blank.

/** True for a Date from any realm (tests hand the bundle Dates made outside its vm context). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * Text that is safe to write back into a cell: Sheets turns a typed value starting with = + - @ into a formula,
 * so user text that starts with one of those goes back with the apostrophe that keeps it text (DESIGN 2.7).
 */
export function asCellText(text: string): string {
  return /^[=+\-@']/.test(text) ? `'${text}` : text;
}
