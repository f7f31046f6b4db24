// Writes a report model's blocks into a Doc body: each block becomes one or a few Document calls (a whole table is one
// appendTable), and every piece of user text goes in as plain text, never interpreted.
import type { ReportBlock, ReportModel, ReportTableCell, TextRun } from '../domain/reportTypes';
import type {
  BlobPort,
  BodyPort,
  InlineImagePort,
  ListItemPort,
  ParagraphPort,
  Services,
  TablePort,
} from '../gas/ports';
import { chartImage } from './chartImage';

export type DocWriterServices = Pick<Services, 'charts'> & {
  enums: Pick<Services['enums'], 'paragraphHeading' | 'chartColumn'>;
};

export interface WriteReportResult {
  /** Body children written. */
  elements: number;
  /** What could not be drawn, in plain English (the chart when the Charts service fails); the rest is written. */
  notes: string[];
}

const HEADINGS = { 1: 'HEADING1', 2: 'HEADING2', 3: 'HEADING3' } as const;

/**
 * Appends the blocks to `body`, or inserts them from child index `at` onwards (where a template's {{REPORT_BODY}}
 * stood). A chart the Charts service cannot draw is replaced by a sentence saying so: the table beside it carries the
 * same figures, and a committee report is not lost for want of a picture.
 */
export function writeReport(
  body: BodyPort,
  model: ReportModel,
  services: DocWriterServices,
  at?: number,
): WriteReportResult {
  const out = new BodyCursor(body, at);
  const notes: string[] = [];
  for (const block of model.blocks) writeBlock(out, block, services, notes);
  return { elements: out.written, notes };
}

function writeBlock(out: BodyCursor, block: ReportBlock, services: DocWriterServices, notes: string[]): void {
  switch (block.kind) {
    case 'title':
      out.paragraph(block.text).setHeading(services.enums.paragraphHeading('TITLE'));
      return;
    case 'heading':
      out.paragraph(block.text).setHeading(services.enums.paragraphHeading(HEADINGS[block.level]));
      return;
    case 'paragraph':
      writeRuns(out.paragraph(block.runs.map((r) => r.text).join('')), block.runs);
      return;
    case 'bullets':
      for (const item of block.items) out.listItem(item);
      return;
    case 'table':
      writeTable(out, block.rows, block.columnWidths);
      return;
    case 'chart': {
      let image: BlobPort;
      try {
        image = chartImage(block, services.charts(), services.enums.chartColumn);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        notes.push(`The chart "${block.title}" could not be drawn: ${why}`);
        out.paragraph(
          `[The chart "${block.title}" could not be drawn (${why}). The table above gives the same figures.]`,
        );
        return;
      }
      out
        .image(image)
        .setAltTitle(block.title)
        .setAltDescription(
          block.themes
            .map((t, i) => `${t}: ${block.series.map((s) => `${s.values[i] ?? 0} ${s.rag}`).join(', ')}`)
            .join('; '),
        );
      return;
    }
    case 'pageBreak':
      out.pageBreak();
      return;
  }
}

/** Bold, italic and links by character range: only runs that carry them cost a call. */
function writeRuns(paragraph: ParagraphPort, runs: readonly TextRun[]): void {
  if (!runs.some((r) => r.text && (r.bold || r.italic || r.link))) return;
  const text = paragraph.editAsText();
  let start = 0;
  for (const run of runs) {
    const end = start + run.text.length - 1;
    if (run.text) {
      if (run.bold) text.setBold(start, end, true);
      if (run.italic) text.setItalic(start, end, true);
      if (run.link) text.setLinkUrl(start, end, run.link);
    }
    start = end + 1;
  }
}

/** The whole table in one call; then the header row bold, and only the cells that are coloured or bold. */
function writeTable(out: BodyCursor, rows: readonly ReportTableCell[][], widths?: readonly number[]): void {
  if (rows.length === 0) return;
  const table = out.table(rows.map((row) => row.map((cell) => cell.text)));
  table.getRow(0).editAsText().setBold(true);
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell.background && !(cell.bold && r > 0 && cell.text)) return;
      const target = table.getCell(r, c);
      if (cell.background) target.setBackgroundColor(cell.background);
      if (cell.bold && r > 0 && cell.text) target.editAsText().setBold(true);
    }),
  );
  widths?.forEach((w, i) => table.setColumnWidth(i, w));
}

/** Appends, or inserts at a moving index, so the same writer fills a new Doc or a template's {{REPORT_BODY}} place. */
class BodyCursor {
  written = 0;

  constructor(
    private readonly body: BodyPort,
    private at?: number,
  ) {}

  private next(): number | undefined {
    this.written += 1;
    if (this.at === undefined) return undefined;
    return this.at++;
  }

  paragraph(text: string): ParagraphPort {
    const i = this.next();
    return i === undefined ? this.body.appendParagraph(text) : this.body.insertParagraph(i, text);
  }
  listItem(text: string): ListItemPort {
    const i = this.next();
    return i === undefined ? this.body.appendListItem(text) : this.body.insertListItem(i, text);
  }
  table(cells: string[][]): TablePort {
    const i = this.next();
    return i === undefined ? this.body.appendTable(cells) : this.body.insertTable(i, cells);
  }
  /** Docs holds an image inside a new paragraph of its own. */
  image(blob: BlobPort): InlineImagePort {
    const i = this.next();
    return i === undefined ? this.body.appendImage(blob) : this.body.insertImage(i, blob);
  }
  pageBreak(): void {
    const i = this.next();
    if (i === undefined) this.body.appendPageBreak();
    else this.body.insertPageBreak(i);
  }
}
