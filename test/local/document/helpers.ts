// Shared set-up for the DocumentApp tests: a fresh runtime (with a document body), a tiny PNG, and a way to catch
// what a call throws.
import { RuntimeCore } from '../../../local/runtime/core';
import { newBlob } from '../../../local/runtime/blob';
import { type DocumentAppOptions, createDocumentApp } from '../../../local/runtime/document';

export function setup(options: DocumentAppOptions = {}) {
  const core = new RuntimeCore('2010-03-10T09:00:00Z');
  const { DocumentApp, store } = createDocumentApp(core, options);
  return { core, DocumentApp, store };
}

/** A runtime with one new document "Report" and its body, where most element tests start. */
export function newBody(options: DocumentAppOptions = {}) {
  const { core, DocumentApp, store } = setup(options);
  const doc = DocumentApp.create('Report');
  return { core, DocumentApp, store, doc, body: doc.getBody() };
}

/** A PNG header of the given size (enough for Docs to read its format and dimensions). */
export function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

/** A PNG blob as Utilities would hand one out, typed as the Apps Script Blob scripts pass to appendImage. */
export function pngBlob(core: RuntimeCore, width = 2, height = 3): GoogleAppsScript.Base.Blob {
  return newBlob(
    core,
    'Utilities',
    png(width, height),
    'image/png',
    'chart.png',
  ) as unknown as GoogleAppsScript.Base.Blob;
}

/** The error a call throws (fails the test if it does not throw). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to throw');
}
