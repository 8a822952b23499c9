import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A PDF with one page per entry, each line drawn as text (pdf-lib's standard font: WinAnsi, accents included). */
export async function buildPdf(pages: string[][]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, index) => page.drawText(line, { x: 50, y: 780 - index * 18, size: 11, font }));
  }
  return Buffer.from(await pdf.save());
}
