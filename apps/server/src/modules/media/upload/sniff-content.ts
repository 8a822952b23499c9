import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../platform/http/errors.js';
import type { MediaKind } from '../library/media.tables.js';

interface AllowedType {
  kind: MediaKind;
  label: string;
  /** Extensions a file of this type may carry; the first names the stored original. */
  extensions: readonly string[];
}

/** The allowlist: what an upload may be once its bytes are read (the name and the declared type are not trusted). */
export const ALLOWED_TYPES: Readonly<Record<string, AllowedType>> = {
  'image/jpeg': { kind: 'image', label: 'image JPEG', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  'image/png': { kind: 'image', label: 'image PNG', extensions: ['png'] },
  'image/webp': { kind: 'image', label: 'image WebP', extensions: ['webp'] },
  'image/gif': { kind: 'image', label: 'image GIF', extensions: ['gif'] },
  'image/avif': { kind: 'image', label: 'image AVIF', extensions: ['avif'] },
  'application/pdf': { kind: 'file', label: 'document PDF', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'file', label: 'document Word (DOCX)', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'file', label: 'classeur Excel (XLSX)', extensions: ['xlsx'] },
  'application/vnd.oasis.opendocument.text': { kind: 'file', label: 'document OpenDocument (ODT)', extensions: ['odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': { kind: 'file', label: 'classeur OpenDocument (ODS)', extensions: ['ods'] },
  'text/csv': { kind: 'file', label: 'fichier CSV', extensions: ['csv'] },
  'text/plain': { kind: 'file', label: 'fichier texte', extensions: ['txt', 'text'] },
};

export const ACCEPTED_FORMATS = 'JPEG, PNG, WebP, GIF, AVIF, PDF, DOCX, XLSX, ODT, ODS, CSV et TXT (UTF-8)';

export interface SniffedType {
  kind: MediaKind;
  mimeType: string;
  /** Extension of the stored original, from the content (never from the uploaded name). */
  extension: string;
}

/** 415 (type outside the allowlist, markup) or 422 (the name announces another format). */
export class MediaTypeRefusedError extends AppError {
  constructor(status: 415 | 422, code: string, message: string) {
    super(code, status, status === 415 ? 'Unsupported media type' : 'Unprocessable file', message, [{ pointer: '/file', message }]);
  }
}

/**
 * Reads what the file is from its bytes (magic numbers via file-type; text when it is valid UTF-8
 * without control characters), keeps it only if it is on the allowlist and refuses a name whose
 * extension announces another format: a page or a program renamed `photo.jpg` never gets in.
 */
export async function sniffContent(content: Buffer, fileName: string): Promise<SniffedType> {
  const detected = await fileTypeFromBuffer(content);
  const extension = extensionOf(fileName);
  if (detected) {
    const allowed = ALLOWED_TYPES[detected.mime];
    if (!allowed) {
      throw new MediaTypeRefusedError(415, 'media_type_not_allowed', `Ce type de fichier n'est pas accepté (contenu détecté : ${detected.ext.toUpperCase()}). Formats acceptés : ${ACCEPTED_FORMATS}.`);
    }
    assertExtensionMatches(fileName, extension, allowed);
    return { kind: allowed.kind, mimeType: detected.mime, extension: allowed.extensions[0]! };
  }
  const text = readText(content);
  if (text === 'markup') {
    throw new MediaTypeRefusedError(415, 'media_markup_refused', 'Les fichiers HTML, SVG ou XML ne sont pas acceptés : ils peuvent contenir du code exécuté par le navigateur.');
  }
  if (text === 'not_text') {
    throw new MediaTypeRefusedError(415, 'media_type_not_allowed', `Le contenu de ce fichier n'est pas reconnu. Formats acceptés : ${ACCEPTED_FORMATS}.`);
  }
  const mimeType = extension === 'csv' ? 'text/csv' : 'text/plain';
  const allowed = ALLOWED_TYPES[mimeType]!;
  assertExtensionMatches(fileName, extension, allowed);
  return { kind: 'file', mimeType, extension: allowed.extensions[0]! };
}

function extensionOf(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName.trim());
  return match ? match[1]!.toLowerCase() : null;
}

function assertExtensionMatches(fileName: string, extension: string | null, allowed: AllowedType): void {
  if (extension === null || allowed.extensions.includes(extension)) return;
  throw new MediaTypeRefusedError(
    422,
    'media_extension_mismatch',
    `Le nom « ${fileName} » annonce un fichier .${extension}, mais son contenu est un ${allowed.label}. Renommez-le avec l'extension .${allowed.extensions[0]} ou envoyez le bon fichier.`,
  );
}

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;
const MARKUP = /<\s*(svg|html|script|!doctype|\?xml|iframe|object|embed)\b/i;

/** Plain UTF-8 text (CSV, TXT), markup that a browser would run, or something else. */
function readText(content: Buffer): 'text' | 'markup' | 'not_text' {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return 'not_text';
  }
  if (text.length === 0 || CONTROL.test(text)) return 'not_text';
  const head = text.slice(0, 4096);
  if (head.trimStart().startsWith('<') || MARKUP.test(head)) return 'markup';
  return 'text';
}
