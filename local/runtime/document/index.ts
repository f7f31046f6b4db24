// Entry point of the in-memory DocumentApp: the service object scripts call and the store tests inspect.
import type { RuntimeCore } from '../core';
import { DocumentAppImpl } from './document';
import { DocRuntime, type DocumentAppOptions } from './session';
import { DocumentStore } from './store';

export type { DocumentAppOptions } from './session';
export type { DocumentInfo } from './store';
export { DocumentStore } from './store';
export type * from './model';

/** Drive help ("Files you can store in Google Drive"): documents up to 1.02 million characters. */
export const MAX_DOCUMENT_CHARS = 1_020_000;

export function createDocumentApp(
  core: RuntimeCore,
  options: DocumentAppOptions = {},
): { DocumentApp: GoogleAppsScript.Document.DocumentApp; store: DocumentStore } {
  const rt = new DocRuntime(core, {
    maxDocumentChars: options.maxDocumentChars ?? MAX_DOCUMENT_CHARS,
    maxChangesBeforeSave: options.maxChangesBeforeSave ?? Number.POSITIVE_INFINITY,
  });
  const store = new DocumentStore(rt);
  const DocumentApp = core.expose('DocumentApp', 'DocumentApp', new DocumentAppImpl(rt, store));
  return { DocumentApp: DocumentApp as unknown as GoogleAppsScript.Document.DocumentApp, store };
}
