// The documents the in-memory DocumentApp knows about, and the inspection API tests and the CLI use (no calls counted).
import { RuntimeCore } from '../core';
import { DocState, type DocumentRegistry, documentId, openHandle } from './document';
import { type DocumentModel, documentModel } from './model';
import type { DocRuntime } from './session';

export interface DocumentInfo {
  id: string;
  name: string;
  url: string;
  /** 'created' by a script (DocumentApp.create), or 'added' by a test as a document that already existed. */
  origin: 'created' | 'added';
  createdAt: Date;
}

export class DocumentStore implements DocumentRegistry {
  private readonly docs = new Map<string, DocState>();
  private seq = 0;
  private active: string | null = null;

  constructor(private readonly rt: DocRuntime) {}

  /** Every document created or added, oldest first. */
  documents(): DocumentInfo[] {
    return [...this.docs.values()].map((d) => ({
      id: d.id,
      name: d.name,
      url: d.url(),
      origin: d.origin,
      createdAt: d.createdAt,
    }));
  }

  /**
   * A document that exists before the script runs (a report template to open with openById). `build` fills it
   * through the ordinary DocumentApp API on a handle whose calls are not counted; the handle is then saved and closed.
   */
  add(
    name: string,
    build?: (doc: GoogleAppsScript.Document.Document) => void,
    options: { id?: string } = {},
  ): string {
    const doc = this.newDoc(name, 'added', options.id);
    if (build) {
      const silent = new RuntimeCore(this.rt.core.now());
      silent.executionId = this.rt.core.executionId;
      const handle = openHandle(this.rt, silent, doc) as GoogleAppsScript.Document.Document;
      build(handle);
      if ((handle as unknown as { _s: { isOpen(): boolean } })._s.isOpen()) handle.saveAndClose();
    }
    return doc.id;
  }

  /** Deletes a document, as if trashed in Drive: openById then fails as it does for a missing id. */
  remove(id: string): void {
    this.docs.delete(id);
    if (this.active === id) this.active = null;
  }

  /** Makes getActiveDocument() return this document (a script bound to a Doc); null restores the default. */
  setActiveDocument(id: string | null): void {
    if (id !== null && !this.docs.has(id)) throw new Error(`setActiveDocument: no document ${id}`);
    this.active = id;
  }

  /** A snapshot of a document by id, or of the document behind a Document object a script returned. */
  model(doc: string | object): DocumentModel {
    const id = typeof doc === 'string' ? doc : (doc as { _docId?: unknown })._docId;
    const state = typeof id === 'string' ? this.docs.get(id) : undefined;
    if (!state) throw new Error(`model: no document ${typeof id === 'string' ? id : String(doc)}`);
    return documentModel(state);
  }

  // ---- DocumentRegistry (used by DocumentApp) ----

  get(id: string): DocState | undefined {
    return this.docs.get(id);
  }
  create(name: string): DocState {
    return this.newDoc(name, 'created');
  }
  activeId(): string | null {
    return this.active;
  }

  private newDoc(name: string, origin: 'created' | 'added', id?: string): DocState {
    let docId = id;
    if (docId === undefined) {
      do {
        this.seq += 1;
        docId = documentId(this.seq);
      } while (this.docs.has(docId));
    } else if (this.docs.has(docId)) {
      throw new Error(`add: a document with id ${docId} already exists`);
    }
    const doc = new DocState(docId, name, origin, this.rt.core.now(), this.rt.options.maxDocumentChars);
    this.docs.set(docId, doc);
    return doc;
  }
}
