// Action codes: theme prefix + category letter + number (CEA1, OCB5), and whether a code fits its row.

export interface ParsedCode {
  stem: string;
  number: number;
}

/** Splits "CEC12" into stem "CEC" and number 12; undefined when it is not letters then digits. */
export function parseCode(code: string): ParsedCode | undefined {
  const m = /^([A-Z]{2,5})(\d{1,4})$/.exec(code.trim().toUpperCase());
  return m ? { stem: m[1], number: +m[2] } : undefined;
}

export function codeStem(prefix: string, categoryLetter: string): string {
  return `${prefix}${categoryLetter}`.toUpperCase();
}
