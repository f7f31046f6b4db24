// Makes the report Doc from a model: a new Doc (from the council's template when Settings names one), the generated
// sections written in, saved. A failure after the Doc exists renames it "(incomplete)" and says where it is.
import type { ReportModel } from '../domain/reportTypes';
import type { BodyPort, DocumentPort, Services } from '../gas/ports';
import { copyTemplate, fillPlaceholders, openTemplate, reportBodyIndex } from './template';
import { type DocWriterServices, writeReport } from './writeReport';

export interface ReportDocument {
  documentId: string;
  url: string;
  title: string;
  /** What was left out or could not be drawn, in plain English. */
  notes: string[];
}

/** Thrown when the Doc was created but not finished; it names the document left behind. */
export class IncompleteReportError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'IncompleteReportError';
  }
}

export function createReportDocument(
  services: Pick<Services, 'documents'> & DocWriterServices,
  model: ReportModel,
  templateId: string,
): ReportDocument {
  // The template is opened and checked before anything is created, so a bad one leaves nothing behind.
  const template = templateId ? openTemplate(services, templateId) : undefined;
  const doc = services.documents.create(model.title);
  // Read before saveAndClose: a closed Document refuses every call.
  const url = doc.getUrl();
  const documentId = doc.getId();
  try {
    const body = doc.getBody();
    const notes: string[] = [];
    if (template) {
      const skipped = copyTemplate(template.getBody(), body);
      notes.push(...skipped.map((s) => `The template's ${s} could not be copied.`));
      // Found before filling and filled before the generated sections go in, so neither a setting's value nor text
      // from the plan is ever taken for a placeholder (Docs adds paragraphs after tables, so it is found, not counted).
      const at = reportBodyIndex(body);
      fillPlaceholders(body, model.placeholders);
      const written = writeReport(body, model, services, at);
      notes.push(...written.notes);
      removeBlock(body, at + written.elements);
    } else {
      const written = writeReport(body, model, services);
      notes.push(...written.notes);
      // A new Doc starts with one empty paragraph; the report starts with its title instead.
      if (written.elements > 0) body.getChild(0).asParagraph().removeFromParent();
    }
    doc.saveAndClose();
    return { documentId, url, title: model.title, notes };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const renamed = markIncomplete(doc, model.title);
    throw new IncompleteReportError(
      `The report could not be finished: ${why} ` +
        `The unfinished document ${renamed ? `was renamed "${model.title} (incomplete)" and ` : ''}is at ${url} . ` +
        'This tool has no permission to delete files: delete it from Google Drive, then run the report again.',
      url,
    );
  }
}

/** The {{REPORT_BODY}} paragraph (or list item), now after the generated sections. */
function removeBlock(body: BodyPort, index: number): void {
  // Docs refuses to remove a section's last paragraph, and a template often ends with its marker.
  if (index === body.getNumChildren() - 1) body.appendParagraph('');
  const child = body.getChild(index);
  if (String(child.getType()) === 'LIST_ITEM') child.asListItem().removeFromParent();
  else child.asParagraph().removeFromParent();
}

function markIncomplete(doc: DocumentPort, title: string): boolean {
  try {
    doc.setName(`${title} (incomplete)`);
    doc.saveAndClose();
    return true;
  } catch {
    return false; // the message still gives the link
  }
}
