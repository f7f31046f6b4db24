// Errors the in-memory SpreadsheetApp throws: the service's own wording for script mistakes, a clear runtime error
// for test mistakes, and a refusal for behaviour the runtime does not reproduce.
import { NotImplementedError } from '../core';

/** An error as Apps Script raises it to a script: the service's message, named "Exception". */
export function gasError(message: string): Error {
  const err = new Error(message);
  err.name = 'Exception';
  return err;
}

/** A mistake in how a test or CLI drives the runtime (not something a script could see in production). */
export class LocalRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalRuntimeError';
  }
}

/**
 * Thrown where the real service's behaviour is unknown to this runtime: refusing is safer than guessing, because
 * a guess would let a test pass on behaviour production may not have.
 */
export function unverified(what: string): NotImplementedError {
  return new NotImplementedError(`${what} (behaviour of the real service not reproduced)`);
}

/** "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues." */
export function signatureError(args: unknown[], method: string): Error {
  return gasError(
    `The parameters (${args.map(describeType).join(',')}) don't match the method signature for ${method}.`,
  );
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return v.length > 0 ? `${describeType(v[0])}[]` : 'Object[]';
  switch (typeof v) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    default:
      return 'Object';
  }
}
