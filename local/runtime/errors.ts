// Errors every service of the local runtime throws alike: Apps Script's own "Exception"s, and the runtime's error for
// a test or CLI driving it wrongly.
import { isDate } from './core';
import { enumNameOf } from './enums';

/** An error as Apps Script raises it to a script: the service's message, named "Exception". */
export function gasError(message: string): Error {
  const err = new Error(message);
  err.name = 'Exception';
  return err;
}

/**
 * "The parameters (String,number) don't match the method signature for SpreadsheetApp.Range.setValues." Each
 * service names the argument types its own way, so it passes the names in.
 */
export function parameterMismatch(typeNames: readonly string[], method: string): Error {
  return gasError(`The parameters (${typeNames.join(',')}) don't match the method signature for ${method}.`);
}

/**
 * How DocumentApp and Charts name an argument's type in a signature mismatch: String, number, Boolean, Date, an
 * enum's type name, X[] for an array of one kind. (SpreadsheetApp names them its own way: see spreadsheet/errors.ts.)
 */
export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (isDate(v)) return 'Date';
  if (Array.isArray(v)) {
    if (v.length === 0) return 'Object[]';
    const kinds = new Set(v.map(describeType));
    return `${kinds.size === 1 ? [...kinds][0] : 'Object'}[]`;
  }
  switch (typeof v) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'function':
      return 'Function';
    default: {
      const enumName = enumNameOf(v);
      if (enumName) return enumName;
      const printed = String(v);
      return printed.startsWith('[object ') ? 'Object' : printed;
    }
  }
}

/** A mistake in how a test or CLI drives the runtime (not something a script could see in production). */
export class LocalRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalRuntimeError';
  }
}
