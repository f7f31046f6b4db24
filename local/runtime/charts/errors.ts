// Errors the local Charts service throws: Apps Script's signature mismatch for wrong arguments, and a refusal where
// the real service's behaviour is not reproduced (refusing is safer than a guess a test could pass on).
import { NotImplementedError, isDate } from '../core';
import { enumNameOf } from '../enums';
import { parameterMismatch } from '../errors';

/** "The parameters (number) don't match the method signature for Charts.BarChartBuilder.setColors." */
export function signatureError(args: unknown[], method: string): Error {
  return parameterMismatch(args.map(describeType), `Charts.${method}`);
}

export function unverified(what: string): NotImplementedError {
  return new NotImplementedError(`Charts: ${what} (behaviour of the real service not reproduced)`);
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return v.length > 0 ? `${describeType(v[0])}[]` : 'Object[]';
  if (isDate(v)) return 'Date';
  const enumName = enumNameOf(v);
  if (enumName) return `${enumName}`;
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
