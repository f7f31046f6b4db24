// Errors the in-memory SpreadsheetApp throws: the service's own wording for script mistakes (gasError is the
// runtime's shared one, re-exported for this service's modules) and a refusal for behaviour it does not reproduce.
import { NotImplementedError } from '../core';
import { parameterMismatch } from '../errors';

export { gasError } from '../errors';

/**
 * Thrown where the real service's behaviour is unknown to this runtime: refusing is safer than guessing, because
 * a guess would let a test pass on behaviour production may not have.
 */
export function unverified(what: string): NotImplementedError {
  return new NotImplementedError(`${what} (behaviour of the real service not reproduced)`);
}

/** "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues." */
export function signatureError(args: unknown[], method: string): Error {
  return parameterMismatch(args.map(describeType), method);
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
