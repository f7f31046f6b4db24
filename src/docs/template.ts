// A council's own report template: opened by ID from Settings, its body copied into the new report, its
// {{placeholders}} filled, and the place where the generated sections go ({{REPORT_BODY}}) found.
import type { BodyPort, DocumentPort, Services } from '../gas/ports';

export const REPORT_BODY_PLACEHOLDER = '{{REPORT_BODY}}';

/** A template that cannot be used; thrown before any document is created. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Opens the template and checks it has a {{REPORT_BODY}} paragraph; nothing is created either way. */
export function openTemplate(services: Pick<Services, 'documents'>, id: string): DocumentPort {
  let template: DocumentPort;
  try {
    template = services.documents.openById(id);
  } catch (e) {
    throw new TemplateError(
      `The report template (ID ${id}) could not be opened: ${e instanceof Error ? e.message : String(e)} ` +
        'Check Settings › Report template document ID. No report was created.',
    );
  }
  const name = `The report template "${template.getName()}" (ID ${id})`;
  const markers = template.getBody().getText().split(REPORT_BODY_PLACEHOLDER).length - 1;
  if (markers > 1) {
    throw new TemplateError(
      `${name} has ${REPORT_BODY_PLACEHOLDER} ${markers} times; keep one, on a line of its own. No report was created.`,
    );
  }
  if (reportBodyIndex(template.getBody()) < 0) {
    throw new TemplateError(
      markers === 1
        ? `${name} has ${REPORT_BODY_PLACEHOLDER} inside other text or a table; put it on a line of its own, outside ` +
            'any table. No report was created.'
        : `${name} has no paragraph holding just ${REPORT_BODY_PLACEHOLDER}, which marks where the report goes. ` +
            'Add that line to the template on its own. No report was created.',
    );
  }
  return template;
}

/** The child index of the paragraph holding only {{REPORT_BODY}}, or -1. */
export function reportBodyIndex(body: BodyPort): number {
  const n = body.getNumChildren();
  for (let i = 0; i < n; i++) {
    const child = body.getChild(i);
    const type = String(child.getType());
    const text =
      type === 'PARAGRAPH'
        ? child.asParagraph().getText()
        : type === 'LIST_ITEM'
          ? child.asListItem().getText()
          : '';
    if (text.trim() === REPORT_BODY_PLACEHOLDER) return i;
  }
  return -1;
}

/**
 * Copies the template's paragraphs, list items and tables, in order, after what `target` already holds (a new
 * Doc's single empty paragraph, which is then removed). Returns the template elements of kinds that cannot be copied
 * (a table of contents, say), in plain English.
 */
export function copyTemplate(template: BodyPort, target: BodyPort): string[] {
  const before = target.getNumChildren();
  const n = template.getNumChildren();
  const skipped: string[] = [];
  let copied = 0;
  for (let i = 0; i < n; i++) {
    const child = template.getChild(i);
    const type = String(child.getType());
    if (type === 'PARAGRAPH') target.appendParagraph(child.asParagraph().copy());
    else if (type === 'LIST_ITEM') target.appendListItem(child.asListItem().copy());
    else if (type === 'TABLE') target.appendTable(child.asTable().copy());
    else {
      skipped.push(`${type.toLowerCase().replace(/_/g, ' ')} (element ${i + 1} of the template)`);
      continue;
    }
    copied += 1;
  }
  // A new Doc starts with one empty paragraph; the copy is now after it, so it can go.
  if (before === 1 && copied > 0) target.getChild(0).asParagraph().removeFromParent();
  return skipped;
}

/**
 * Fills each {{name}} (any case, spaces inside the braces allowed) with its value as literal text. {{REPORT_BODY}}
 * is never filled: it marks where the generated sections go. Two passes, through private-use stand-ins, so a value
 * that itself contains "{{Committee}}" is never filled in turn.
 */
export function fillPlaceholders(body: BodyPort, placeholders: Record<string, string>): void {
  const entries = Object.entries(placeholders).filter(
    ([name]) => `{{${name}}}`.toUpperCase() !== REPORT_BODY_PLACEHOLDER,
  );
  const standIn = (i: number) => `\uE000${i}\uE001`;
  entries.forEach(([name], i) => body.replaceText(`(?i)\\{\\{\\s*${escapeRe2(name)}\\s*\\}\\}`, standIn(i)));
  entries.forEach(([, value], i) => body.replaceText(standIn(i), value));
}

/** RE2 metacharacters escaped, so a setting name is matched as written. */
export function escapeRe2(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
