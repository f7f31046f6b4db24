// Errors every service of the local runtime throws alike: Apps Script's own "Exception"s, and the runtime's error for
// a test or CLI driving it wrongly.

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

/** A mistake in how a test or CLI drives the runtime (not something a script could see in production). */
export class LocalRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalRuntimeError';
  }
}
