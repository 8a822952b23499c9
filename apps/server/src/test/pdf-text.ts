import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from 'pdf-lib';

// WinAnsi is Latin-1 except for 0x80–0x9F, where it puts €, —, œ, curly quotes…
const WINANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsiDecode = (bytes: Buffer) => [...bytes].map((byte) => (byte >= 0x80 && byte <= 0x9f ? WINANSI_HIGH[byte - 0x80] : String.fromCharCode(byte))).join('');

/**
 * The text lines drawn on each page of a PDF written by pdf-lib with the standard fonts (each
 * `drawText` is one hex string shown with `Tj`). pdf-lib cannot extract text itself.
 */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[][]> {
  const document = await PDFDocument.load(bytes);
  return document.getPages().map((page) => {
    const contents = page.node.Contents() as PDFObject | undefined;
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => document.context.lookup(ref)) : [contents];
    const lines: string[] = [];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const operators = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      for (const [, hex] of operators.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) lines.push(winAnsiDecode(Buffer.from(hex!, 'hex')));
    }
    return lines;
  });
}
