// One open handle on a document (what openById/create return): hands out exposed element objects and enforces
// the handle's life (closed by saveAndClose) and the optional "too many changes" limit.
import type { RuntimeCore } from '../core';
import { DOCUMENT_CLOSED, TOO_MANY_CHANGES, gasError } from './errors';
import { makeWrapper } from './wrappers';
import { RangeElementImpl } from './range';
import { TextImpl } from './text';
import type { ContainerNode, DocNode, TextNode } from './nodes';

export interface DocumentAppOptions {
  /** Drive help "Files you can store in Google Drive": documents hold up to 1.02 million characters. */
  maxDocumentChars?: number;
  /**
   * Apps Script refuses further edits after "too many changes" without a saveAndClose(); the real threshold is not
   * documented, so it is off unless a test sets one.
   */
  maxChangesBeforeSave?: number;
}

/** State shared by every handle of one DocumentApp instance. */
export class DocRuntime {
  private sessionCounter = 0;
  private listCounter = 0;
  /** Depth of wrapper method calls in progress: only the outermost call is checked and counted. */
  depth = 0;
  /** Handle for detached copies, which belong to no document and never close. */
  readonly detached: Session;

  constructor(
    readonly core: RuntimeCore,
    readonly options: Required<DocumentAppOptions>,
  ) {
    this.detached = new Session(this, core, this.nextSessionId(), null);
  }

  nextSessionId(): number {
    this.sessionCounter += 1;
    return this.sessionCounter;
  }

  newListId(): string {
    this.listCounter += 1;
    return `kix.list${String(this.listCounter).padStart(6, '0')}`;
  }
}

export class Session {
  closed = false;
  private changes = 0;
  /** A handle belongs to one execution: Apps Script saves and closes open documents when a run ends. */
  readonly executionId: number;
  private readonly wrappers = new WeakMap<DocNode, object>();

  constructor(
    readonly rt: DocRuntime,
    /** Core whose expose() counts this handle's calls (a throwaway core when a test builds a template). */
    readonly core: RuntimeCore,
    readonly id: number,
    readonly docId: string | null,
  ) {
    this.executionId = rt.core.executionId;
  }

  /** Open for edits: not closed by saveAndClose() and still in the execution that opened it. */
  isOpen(): boolean {
    return !this.closed && (this.docId === null || this.rt.core.executionId === this.executionId);
  }

  /** The exposed Apps Script object for a node (one per node per handle, so `===` between lookups holds). */
  wrap<T = unknown>(node: DocNode): T {
    let w = this.wrappers.get(node);
    if (!w) {
      w = makeWrapper(this, node);
      this.wrappers.set(node, w);
    }
    return w as T;
  }

  wrapOrNull<T = unknown>(node: DocNode | null | undefined): T | null {
    return node ? this.wrap<T>(node) : null;
  }

  /** A Text object editing a whole container (what editAsText() returns). */
  textView(container: ContainerNode): unknown {
    return this.core.expose('DocumentApp', 'Text', new TextImpl(this, null, container));
  }

  rangeElement(node: DocNode, start: number, endInclusive: number, partial: boolean): unknown {
    return this.core.expose(
      'DocumentApp',
      'RangeElement',
      new RangeElementImpl(this, node, start, endInclusive, partial),
    );
  }

  rangeOfText(node: TextNode, start: number, endInclusive: number): unknown {
    return this.rangeElement(
      node,
      start,
      endInclusive,
      !(start === 0 && endInclusive === node.text.length - 1),
    );
  }

  /** Runs one script-facing method: refuses it on a closed handle, counts edits, lets nested calls through. */
  enter<T>(mutating: boolean, fn: () => T): T {
    if (this.rt.depth === 0) {
      if (!this.isOpen()) throw gasError(DOCUMENT_CLOSED);
      if (mutating && this.docId !== null) {
        this.changes += 1;
        if (this.changes > this.rt.options.maxChangesBeforeSave) throw gasError(TOO_MANY_CHANGES);
      }
    }
    this.rt.depth += 1;
    try {
      return fn();
    } finally {
      this.rt.depth -= 1;
    }
  }
}
