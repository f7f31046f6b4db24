// A stored document (DocState) and the Document / DocumentApp objects scripts use to create, open and save it.
import { createHash } from 'node:crypto';
import type { RuntimeCore } from '../core';
import {
  Attribute,
  ElementType,
  FontFamily,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
  PositionedLayout,
  TextAlignment,
  VerticalAlignment,
} from './enums';
import { documentMissing, localRefusal, signatureError } from './errors';
import { guardMethods } from './guard';
import {
  type DocRoot,
  NO_MARKS,
  SectionNode,
  type SectionKind,
  insertNode,
  mergeAdjacentText,
} from './nodes';
import { newParagraphNode } from './build';
import { type DocRuntime, Session } from './session';

export class DocState implements DocRoot {
  chars = 0;
  header: SectionNode | null = null;
  footer: SectionNode | null = null;
  readonly body: SectionNode;
  /** Handles opened on this document (to know when a reopen sees the saved, normalised text). */
  readonly sessions = new Set<Session>();

  constructor(
    readonly id: string,
    public name: string,
    readonly origin: 'created' | 'added',
    readonly createdAt: Date,
    private readonly maxChars: number,
  ) {
    this.body = this.newSection('BODY_SECTION');
  }

  /** A section as Docs creates one: a single empty paragraph (gas-fakes test/testdocs.js, live GAS). */
  newSection(kind: SectionKind): SectionNode {
    const section = new SectionNode(kind);
    section.root = this;
    insertNode(section, 0, newParagraphNode('PARAGRAPH', '', 0, NO_MARKS));
    return section;
  }

  /**
   * Drive help ("Files you can store in Google Drive"): a Google Doc holds up to 1.02 million characters. How Apps
   * Script words the refusal is unverified, so the message is the runtime's own.
   */
  beforeCharChange(delta: number): void {
    const next = this.chars + delta;
    if (delta > 0 && next > this.maxChars) {
      throw localRefusal(
        `A Google Doc can hold at most ${this.maxChars} characters; this change would make it ${next}.`,
      );
    }
    this.chars = next;
  }

  url(): string {
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }

  /** What a saved and reopened document looks like: adjacent text runs merged into one Text element. */
  normalise(): void {
    for (const section of [this.body, this.header, this.footer]) if (section) mergeAdjacentText(section);
  }
}

export class DocumentImpl {
  constructor(
    readonly _s: Session,
    readonly _doc: DocState,
  ) {}

  get _docId(): string {
    return this._doc.id;
  }
  getId(): string {
    return this._doc.id;
  }
  getName(): string {
    return this._doc.name;
  }
  setName(name: unknown): this {
    if (typeof name !== 'string') throw signatureError([name], 'DocumentApp.Document.setName');
    this._doc.name = name;
    return this;
  }
  getUrl(): string {
    return this._doc.url();
  }
  getBody(): unknown {
    return this._s.wrap(this._doc.body);
  }
  getHeader(): unknown {
    return this._s.wrapOrNull(this._doc.header);
  }
  getFooter(): unknown {
    return this._s.wrapOrNull(this._doc.footer);
  }
  /** Reference: "Adds a document header section, if none exists." Adding a second one is refused. */
  addHeader(): unknown {
    if (this._doc.header) throw localRefusal('The document already has a header.');
    this._doc.header = this._doc.newSection('HEADER_SECTION');
    return this._s.wrap(this._doc.header);
  }
  addFooter(): unknown {
    if (this._doc.footer) throw localRefusal('The document already has a footer.');
    this._doc.footer = this._doc.newSection('FOOTER_SECTION');
    return this._s.wrap(this._doc.footer);
  }
  /**
   * Reference: "Saves the current Document ... A closed Document can't be edited. Use DocumentApp.openById() to
   * reopen a given document for editing."
   */
  saveAndClose(): void {
    this._s.closed = true;
    this._doc.sessions.delete(this._s);
    this._doc.normalise();
  }
  toString(): string {
    return 'Document';
  }
}
guardMethods(DocumentImpl);

export interface DocumentRegistry {
  get(id: string): DocState | undefined;
  create(name: string): DocState;
  activeId(): string | null;
}

export class DocumentAppImpl {
  readonly Attribute = Attribute;
  readonly ElementType = ElementType;
  readonly FontFamily = FontFamily;
  readonly GlyphType = GlyphType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ParagraphHeading = ParagraphHeading;
  readonly PositionedLayout = PositionedLayout;
  readonly TextAlignment = TextAlignment;
  readonly VerticalAlignment = VerticalAlignment;

  constructor(
    private readonly _rt: DocRuntime,
    private readonly _registry: DocumentRegistry,
  ) {}

  create(name: unknown): unknown {
    if (typeof name !== 'string') throw signatureError([name], 'DocumentApp.create');
    return openHandle(this._rt, this._rt.core, this._registry.create(name));
  }
  openById(id: unknown): unknown {
    if (typeof id !== 'string') throw signatureError([id], 'DocumentApp.openById');
    const doc = this._registry.get(id);
    if (!doc) throw documentMissing(id);
    return openHandle(this._rt, this._rt.core, doc);
  }
  openByUrl(url: unknown): unknown {
    if (typeof url !== 'string') throw signatureError([url], 'DocumentApp.openByUrl');
    const m = /\/document\/d\/([-\w]+)/.exec(url);
    if (!m) throw localRefusal(`Invalid argument: url (${url} is not a Google Docs document URL)`);
    const doc = this._registry.get(m[1]);
    if (!doc) throw documentMissing(m[1]);
    return openHandle(this._rt, this._rt.core, doc);
  }
  /**
   * Reference: "Returns the document to which the script is container-bound." A script bound to a spreadsheet (as
   * this product is) gets null (scripts calling getActiveDocument().getId() there fail on null).
   */
  getActiveDocument(): unknown {
    const id = this._registry.activeId();
    const doc = id === null ? undefined : this._registry.get(id);
    return doc ? openHandle(this._rt, this._rt.core, doc) : null;
  }
  toString(): string {
    return 'DocumentApp';
  }
}

/** A new Document handle; opening a document nobody else holds open shows its saved (normalised) form. */
export function openHandle(rt: DocRuntime, core: RuntimeCore, doc: DocState): unknown {
  for (const s of [...doc.sessions]) if (!s.isOpen()) doc.sessions.delete(s);
  if (doc.sessions.size === 0) doc.normalise();
  const session = new Session(rt, core, rt.nextSessionId(), doc.id);
  doc.sessions.add(session);
  return core.expose('DocumentApp', 'Document', new DocumentImpl(session, doc));
}

/** A 44-character id shaped like a Docs id, stable for a given sequence number. */
export function documentId(seq: number): string {
  const digest = createHash('sha256').update(`local-doc:${seq}`).digest('base64url');
  return `1${digest.slice(0, 43)}`;
}
