import { extractText as extractPdfText, getDocumentProxy } from 'unpdf';
import mammoth from 'mammoth';

export const DOCUMENT_FORMATS = ['pdf', 'docx', 'markdown', 'text', 'jsonl'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** The format of an upload from its file name, then its media type; null when unsupported. */
export function detectFormat(fileName: string, mimeType: string): DocumentFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  switch (extension) {
    case 'pdf':
      return 'pdf';
    case 'docx':
      return 'docx';
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'txt':
      return 'text';
    case 'jsonl':
    case 'ndjson':
      return 'jsonl';
  }
  if (mimeType === 'application/pdf') return 'pdf';
  if (mimeType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  if (mimeType === 'text/markdown') return 'markdown';
  if (mimeType === 'application/x-ndjson' || mimeType === 'application/jsonl') return 'jsonl';
  if (mimeType === 'text/plain') return 'text';
  return null;
}

/** Line ends and Unicode normalised, so that offsets mean the same thing everywhere. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** Plain text of a PDF, pages separated by a blank line. */
export async function extractPdf(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractPdfText(pdf, { mergePages: false });
  return normaliseText(text.map((page) => page.trim()).join('\n\n')).trim();
}

/** Text of a DOCX with its headings as Markdown headings (`## Titre`), so that chunking respects them. */
export async function extractDocx(bytes: Uint8Array): Promise<string> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return htmlToMarkdownText(html);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** mammoth's HTML is flat and well formed: block tags become line breaks, headings Markdown marks. */
export function htmlToMarkdownText(html: string): string {
  const text = html
    // Paragraphs inside table cells and list items would otherwise break their row or item.
    .replace(/<\/p>\s*(?=<\/(td|th|li)>)/gi, '')
    .replace(/(<(td|th|li)[^>]*>)\s*<p[^>]*>/gi, '$1')
    .replace(/<h([1-6])[^>]*>/gi, (_m, level: string) => `\n\n${'#'.repeat(Number(level))} `)
    .replace(/<\/h[1-6]>/gi, '\n\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/li>/gi, '')
    .replace(/<\/(p|ul|ol|table)>/gi, '\n\n')
    .replace(/<\/t[dh]>/gi, ' | ')
    .replace(/<\/tr>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  return normaliseText(decodeEntities(text))
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').replace(/ \| $/, '').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
