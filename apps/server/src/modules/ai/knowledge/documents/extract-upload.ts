import { UnprocessableError, UnsupportedMediaTypeError, ValidationError } from '../../../../platform/http/errors.js';
import { detectFormat, extractDocx, extractPdf, normaliseText } from '../extraction/extract-text.js';
import { parseJsonLines } from '../extraction/json-lines.js';

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** What an upload becomes before it is stored: one document per file, or one per JSON Lines record. */
export interface ExtractedDocument {
  title: string;
  heading: string | null;
  text: string;
  url: string | null;
  externalRef: string | null;
  externalVersion: string | null;
}

function titleOf(fileName: string, text: string): string {
  const heading = /^#{1,6}\s+(.+)$/m.exec(text)?.[1]?.trim();
  return (heading ?? fileName.replace(/\.[a-z0-9]+$/i, '')).slice(0, 300) || 'Document sans titre';
}

/** Extracts the text of an upload (PDF, DOCX, Markdown, plain text, JSON Lines); 415 or 422 in French when it cannot. */
export async function extractUpload(file: UploadedFile, title: string | null): Promise<ExtractedDocument[]> {
  const format = detectFormat(file.fileName, file.mimeType);
  if (!format) throw new UnsupportedMediaTypeError('Format non pris en charge : déposez un PDF, un DOCX, un fichier Markdown ou texte, ou un fichier JSON Lines (.jsonl).');
  if (format === 'jsonl') {
    const { documents, errors } = parseJsonLines(file.bytes.toString('utf8'));
    if (errors.length > 0) throw new ValidationError(errors, 'Le fichier JSON Lines contient des lignes invalides.');
    return documents.map((document) => ({ ...document, externalVersion: document.version }));
  }
  let text: string;
  try {
    if (format === 'pdf') text = await extractPdf(file.bytes);
    else if (format === 'docx') text = await extractDocx(file.bytes);
    else text = normaliseText(file.bytes.toString('utf8')).trim();
  } catch {
    throw new UnprocessableError('document_unreadable', 'Unreadable document', `Le fichier « ${file.fileName} » n'a pas pu être lu : est-il endommagé ou protégé par un mot de passe ?`);
  }
  if (text === '') throw new UnprocessableError('document_empty', 'Empty document', `Aucun texte n'a été trouvé dans « ${file.fileName} » (un PDF scanné doit d'abord passer par une reconnaissance de caractères).`);
  return [{ title: title ?? titleOf(file.fileName, text), heading: null, text, url: null, externalRef: null, externalVersion: null }];
}
