import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { InvoicePdfContent, TableColumn } from './invoice-pdf-content.js';
import { toWinAnsi } from './winansi-text.js';
import { wrapText } from './wrap-text.js';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const WIDTH = A4[0] - 2 * MARGIN;
/** Room kept at the bottom of every page for the footer. */
const BOTTOM = MARGIN + 24;
const CELL_PADDING = 5;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.42, 0.42, 0.42);
const RULE = rgb(0.78, 0.78, 0.78);
const HEADER_FILL = rgb(0.93, 0.93, 0.93);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Draws top-down on A4 pages, opening a new page when the next block does not fit. */
class PageWriter {
  page: PDFPage;
  y: number;

  constructor(
    private readonly document: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.page = document.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** True when a new page was opened. */
  ensureSpace(height: number): boolean {
    if (this.y - height >= BOTTOM) return false;
    this.page = this.document.addPage(A4);
    this.y = A4[1] - MARGIN;
    return true;
  }

  width(text: string, size: number, bold = false): number {
    return (bold ? this.fonts.bold : this.fonts.regular).widthOfTextAtSize(toWinAnsi(text), size);
  }

  text(text: string, x: number, baseline: number, options: { size: number; bold?: boolean; color?: ReturnType<typeof rgb>; align?: 'left' | 'right' }): void {
    const printable = toWinAnsi(text);
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const left = options.align === 'right' ? x - font.widthOfTextAtSize(printable, options.size) : x;
    this.page.drawText(printable, { x: left, y: baseline, size: options.size, font, color: options.color ?? INK });
  }

  rule(y: number, x = MARGIN, width = WIDTH): void {
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.6, color: RULE });
  }
}

function drawHeader(writer: PageWriter, content: InvoicePdfContent): void {
  const top = writer.y;
  let left = top - 12;
  writer.text(content.issuer.heading, MARGIN, left, { size: 12, bold: true });
  for (const line of content.issuer.lines) writer.text(line, MARGIN, (left -= 12), { size: 9 });

  const right = MARGIN + WIDTH;
  let rightY = top - 20;
  writer.text(content.title, right, rightY, { size: 22, bold: true, align: 'right' });
  writer.text(`N° ${content.number}`, right, (rightY -= 18), { size: 11, bold: true, align: 'right' });
  for (const [label, value] of content.dates) writer.text(`${label} : ${value}`, right, (rightY -= 13), { size: 9, align: 'right' });
  writer.y = Math.min(left, rightY) - 28;

  // The customer sits in a framed block on the right, where a window envelope shows it.
  const boxX = MARGIN + WIDTH / 2;
  const boxWidth = WIDTH / 2;
  const boxHeight = 30 + 12 * content.customer.lines.length;
  writer.page.drawRectangle({ x: boxX, y: writer.y - boxHeight, width: boxWidth, height: boxHeight, borderColor: RULE, borderWidth: 0.8 });
  let boxY = writer.y - 13;
  writer.text('Client', boxX + 10, boxY, { size: 7.5, color: MUTED });
  writer.text(content.customer.heading, boxX + 10, (boxY -= 13), { size: 10.5, bold: true });
  for (const line of content.customer.lines) writer.text(line, boxX + 10, (boxY -= 12), { size: 9 });
  writer.y -= boxHeight + 24;

  if (content.reference) {
    writer.text(content.reference, MARGIN, writer.y, { size: 10, bold: true });
    writer.y -= 22;
  }
}

function columnEdges(columns: TableColumn[]): Array<{ x: number; width: number }> {
  let x = MARGIN;
  return columns.map((column) => {
    const edge = { x, width: column.width * WIDTH };
    x += edge.width;
    return edge;
  });
}

function drawTableHeader(writer: PageWriter, columns: TableColumn[]): void {
  const edges = columnEdges(columns);
  writer.page.drawRectangle({ x: MARGIN, y: writer.y - 18, width: WIDTH, height: 18, color: HEADER_FILL });
  columns.forEach((column, index) => {
    const { x, width } = edges[index]!;
    const anchor = column.align === 'right' ? x + width - CELL_PADDING : x + CELL_PADDING;
    writer.text(column.title, anchor, writer.y - 12.5, { size: 8.5, bold: true, align: column.align });
  });
  writer.y -= 18;
}

function drawLines(writer: PageWriter, content: InvoicePdfContent): void {
  const edges = columnEdges(content.columns);
  writer.ensureSpace(18 + 20);
  drawTableHeader(writer, content.columns);
  for (const row of content.rows) {
    const cells = row.map((cell, index) => wrapText(toWinAnsi(cell), edges[index]!.width - 2 * CELL_PADDING, (text) => writer.width(text, 9)));
    const height = Math.max(...cells.map((lines) => lines.length)) * 11 + 8;
    if (writer.ensureSpace(height)) drawTableHeader(writer, content.columns);
    cells.forEach((lines, index) => {
      const { x, width } = edges[index]!;
      const align = content.columns[index]!.align;
      const anchor = align === 'right' ? x + width - CELL_PADDING : x + CELL_PADDING;
      lines.forEach((line, lineIndex) => writer.text(line, anchor, writer.y - 12 - lineIndex * 11, { size: 9, align }));
    });
    writer.y -= height;
    writer.rule(writer.y);
  }
  writer.y -= 14;
}

function drawTotals(writer: PageWriter, content: InvoicePdfContent): void {
  writer.ensureSpace(content.totals.length * 16 + 8);
  const blockWidth = 230;
  const left = MARGIN + WIDTH - blockWidth;
  content.totals.forEach(([label, value], index) => {
    const last = index === content.totals.length - 1;
    if (last) {
      writer.rule(writer.y + 2, left, blockWidth);
      writer.y -= 4;
    }
    writer.text(label, left + CELL_PADDING, writer.y - 11, { size: last ? 10.5 : 9.5, bold: last });
    writer.text(value, MARGIN + WIDTH - CELL_PADDING, writer.y - 11, { size: last ? 10.5 : 9.5, bold: last, align: 'right' });
    writer.y -= 16;
  });
  writer.y -= 18;
}

function drawMentions(writer: PageWriter, content: InvoicePdfContent): void {
  for (const mention of content.mentions) {
    for (const line of wrapText(toWinAnsi(mention), WIDTH, (text) => writer.width(text, 8))) {
      writer.ensureSpace(10);
      writer.text(line, MARGIN, writer.y - 8, { size: 8, color: MUTED });
      writer.y -= 10;
    }
    writer.y -= 5;
  }
}

function drawFooters(document: PDFDocument, fonts: Fonts, footer: string): void {
  const pages = document.getPages();
  pages.forEach((page, index) => {
    const pageLabel = `Page ${index + 1} / ${pages.length}`;
    page.drawLine({ start: { x: MARGIN, y: MARGIN + 10 }, end: { x: MARGIN + WIDTH, y: MARGIN + 10 }, thickness: 0.4, color: RULE });
    page.drawText(toWinAnsi(footer), { x: MARGIN, y: MARGIN, size: 7.5, font: fonts.regular, color: MUTED });
    page.drawText(pageLabel, { x: MARGIN + WIDTH - fonts.regular.widthOfTextAtSize(pageLabel, 7.5), y: MARGIN, size: 7.5, font: fonts.regular, color: MUTED });
  });
}

/**
 * A4 PDF of an invoice or credit note with the standard Helvetica fonts (nothing to embed, WinAnsi
 * text). Metadata dates are the issue time, so the document states when it was issued.
 */
export async function renderInvoicePdf(content: InvoicePdfContent, issuedAt: Date): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const fonts = { regular: await document.embedFont(StandardFonts.Helvetica), bold: await document.embedFont(StandardFonts.HelveticaBold) };
  document.setTitle(toWinAnsi(`${content.title === 'AVOIR' ? 'Avoir' : 'Facture'} ${content.number}`));
  document.setAuthor(toWinAnsi(content.issuer.heading));
  document.setCreator('Maillage');
  document.setProducer('Maillage (pdf-lib)');
  document.setLanguage('fr-FR');
  document.setCreationDate(issuedAt);
  document.setModificationDate(issuedAt);

  const writer = new PageWriter(document, fonts);
  drawHeader(writer, content);
  drawLines(writer, content);
  drawTotals(writer, content);
  drawMentions(writer, content);
  drawFooters(document, fonts, content.footer);
  return document.save({ useObjectStreams: false });
}
