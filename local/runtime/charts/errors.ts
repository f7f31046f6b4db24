// Errors the local Charts service throws: Apps Script's signature mismatch for wrong arguments, and a refusal where
// the real service's behaviour is not reproduced (refusing is safer than a guess a test could pass on).
import { NotImplementedError } from '../core';
import { describeType, parameterMismatch } from '../errors';

/** "The parameters (number) don't match the method signature for Charts.BarChartBuilder.setColors." */
export function signatureError(args: unknown[], method: string): Error {
  return parameterMismatch(args.map(describeType), `Charts.${method}`);
}

export function unverified(what: string): NotImplementedError {
  return new NotImplementedError(`Charts: ${what} (behaviour of the real service not reproduced)`);
}
