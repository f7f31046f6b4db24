// Errors the in-memory DocumentApp throws, in the service's own wording where it is known (sources cited per message).
import { describeType, gasError, parameterMismatch } from '../errors';

export { gasError } from '../errors';

/**
 * A refusal in the local runtime's own words, for a rule whose real wording (or exact limit) is unknown: the runtime
 * errs on the strict side so that code passing here does not rely on leniency production may not have.
 */
export function localRefusal(message: string): Error {
  const err = new Error(`${message} (local runtime: the real service's exact behaviour here is unverified)`);
  err.name = 'Exception';
  return err;
}

/** "The parameters (number) don't match the method signature for DocumentApp.Body.appendParagraph." */
export function signatureError(args: readonly unknown[], method: string): Error {
  return parameterMismatch(args.map(describeType), method);
}

// Wording of the index errors: gas-fakes' live-verified tests (brucemcpherson/gas-fakes test/testdocsnext.js,
// src/services/documentapp/appenderhelpers.js) for insert; the same service's pattern for reads.
export function childIndexForInsert(index: number, count: number): Error {
  return gasError(
    `Child index (${index}) must be less than or equal to the number of child elements (${count}).`,
  );
}

export function childIndexForRead(index: number, count: number): Error {
  return gasError(`Child index (${index}) must be less than the number of child elements (${count}).`);
}

/** Inserting an element that already has a parent (gas-fakes test/testdocsnext.js, checked against live GAS). */
export const ELEMENT_MUST_BE_DETACHED = 'Element must be detached.';

/** A body, header, footer or cell must end with a paragraph (seen in many scripts' catch blocks; gas-fakes issue #51). */
export const LAST_PARAGRAPH = "Can't remove the last paragraph in a document section.";

/** After saveAndClose() (the Apps Script message, quoted in scripts that reopen their document). */
export const DOCUMENT_CLOSED = 'Document is closed, its contents cannot be updated.';

/** DocumentApp.openById on an unknown id (wording from a 2018 trigger log: "Document <id> is missing (...)"). */
export function documentMissing(id: string): Error {
  return gasError(`Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`);
}

/**
 * Apps Script's refusal when too many edits pile up before saveAndClose() (wording from
 * hadaf/SheetsToDocsMerge issue #6). The threshold is not documented, so the runtime enforces it only when configured.
 */
export const TOO_MANY_CHANGES =
  'Too many changes applied before saving document. Please save changes in smaller batches using Document.saveAndClose(), then reopen the document with Document.openById().';
