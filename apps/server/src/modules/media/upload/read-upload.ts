import type { FastifyRequest } from 'fastify';
import { AppError, UnsupportedMediaTypeError, ValidationError, type FieldError } from '../../../platform/http/errors.js';

export interface MediaUpload {
  fileName: string;
  content: Buffer;
  entityId: string | undefined;
  alt: string | undefined;
  title: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 413 beyond MEDIA_MAX_BYTES. */
export class MediaTooLargeError extends AppError {
  constructor(maxBytes: number) {
    const message = `Le fichier dépasse la taille maximale acceptée (${formatMegabytes(maxBytes)}).`;
    super('media_too_large', 413, 'Content too large', message, [{ pointer: '/file', message }]);
  }
}

/** Reads the form: one `file`, optional `entityId`, `alt` and `title`. The declared Content-Type of the part is ignored. */
export async function readMediaUpload(request: FastifyRequest, maxBytes: number): Promise<MediaUpload> {
  if (!request.isMultipart()) throw new UnsupportedMediaTypeError('Envoyez le fichier en multipart/form-data (champ « file »).');
  let file: { fileName: string; content: Buffer } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        file = { fileName: part.filename || 'fichier', content: await part.toBuffer() };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new MediaTooLargeError(maxBytes);
    throw error;
  }
  const errors: FieldError[] = [];
  if (!file || file.content.length === 0) errors.push({ pointer: '/file', message: 'Joignez un fichier non vide.' });
  const entityId = fields.entityId?.trim() || undefined;
  if (entityId !== undefined && !UUID.test(entityId)) errors.push({ pointer: '/entityId', message: "L'identifiant de structure est invalide." });
  const alt = textField(fields.alt, 500, '/alt', errors);
  const title = textField(fields.title, 300, '/title', errors);
  if (errors.length > 0) throw new ValidationError(errors);
  return { fileName: file!.fileName, content: file!.content, entityId, alt, title };
}

function textField(raw: string | undefined, max: number, pointer: string, errors: FieldError[]): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (value.length > max) errors.push({ pointer, message: `${max} caractères au plus.` });
  return value;
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1).replace('.', ',')} Mo`;
}
